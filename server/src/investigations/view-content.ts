/**
 * What a saved view holds, read defensively: the explorer's workspace format
 * (`nodes`, `relationships`, `hidden`, `pinned`, `omitted`, `positions`, `filters`),
 * but any JSON may arrive, so nothing here trusts its shape.
 */
import { RESTRICTED_REL_TYPES } from '../model/index.ts';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const idOf = (v: unknown): string | undefined => (isRecord(v) && typeof v.id === 'string' ? v.id : undefined);
const restrictedTypes: ReadonlySet<string> = new Set(RESTRICTED_REL_TYPES);

export interface ViewRelationship {
  readonly id: string;
  readonly type: string;
  readonly source: string;
  readonly target: string;
}

/** Ids of the entities on the view. */
export function entityIdsOf(view: unknown): string[] {
  if (!isRecord(view) || !Array.isArray(view.nodes)) return [];
  return [...new Set(view.nodes.flatMap((n) => idOf(n) ?? []))];
}

function relationshipsOf(view: unknown): ViewRelationship[] {
  if (!isRecord(view) || !Array.isArray(view.relationships)) return [];
  return view.relationships.flatMap((r) =>
    isRecord(r) && [r.id, r.type, r.source, r.target].every((v) => typeof v === 'string')
      ? [{ id: String(r.id), type: String(r.type), source: String(r.source), target: String(r.target) }]
      : [],
  );
}

/** The relationships of the view an uncleared reader must not see, by the type the view recorded. */
export const restrictedByType = (view: unknown): ViewRelationship[] =>
  relationshipsOf(view).filter((r) => restrictedTypes.has(r.type));

/**
 * The entities of the view that are on it only through the given (withheld)
 * relationships: targets of one of them (the person an informant IDENTIFIES_AS),
 * linked by no other relationship of the view. Left alone beside the informant,
 * that person would still say who it is.
 */
export function reachedOnlyThrough(view: unknown, withheld: ReadonlySet<string>): string[] {
  const relationships = relationshipsOf(view);
  const linked = new Set(relationships.filter((r) => !withheld.has(r.id)).flatMap((r) => [r.source, r.target]));
  const targets = relationships.filter((r) => withheld.has(r.id)).map((r) => r.target);
  return [...new Set(targets)].filter((id) => !linked.has(id));
}

/**
 * The view without the given relationship ids, anywhere they appear: as an element,
 * a key (positions, omitted) or a list item (hidden, pinned). What is left is all a
 * reader gets, so no count or placeholder gives the removed elements away.
 */
export function withoutIds(view: unknown, ids: ReadonlySet<string>, depth = 0): unknown {
  if (ids.size === 0 || depth > 32) return view;
  if (Array.isArray(view)) {
    return view
      .filter((item) => !(typeof item === 'string' && ids.has(item)) && !ids.has(idOf(item) ?? ''))
      .map((item) => withoutIds(item, ids, depth + 1));
  }
  if (!isRecord(view)) return view;
  return Object.fromEntries(
    Object.entries(view)
      .filter(([key]) => !ids.has(key))
      .map(([key, value]) => [key, withoutIds(value, ids, depth + 1)]),
  );
}
