import { REL_SPECS, REL_TYPES, type NodeLabel, type RelType } from '../model/index.ts';
import type { EntityRecord, RelationshipRecord } from '../model/records.ts';
import { isoOf } from './dates.ts';

/** The one label the model allows at an end of a relationship type, when it allows only one. */
function onlyLabel(type: RelType, end: 0 | 1): NodeLabel | undefined {
  const labels = new Set(REL_SPECS[type].endpoints.map((pair) => pair[end]));
  return labels.size === 1 ? [...labels][0] : undefined;
}

const IMPLIED: ReadonlyMap<RelType, readonly [NodeLabel | undefined, NodeLabel | undefined]> = new Map(
  REL_TYPES.map((type) => [type, [onlyLabel(type, 0), onlyLabel(type, 1)] as const]),
);

const EMPTY: readonly RelationshipRecord[] = [];

/**
 * A small in-memory graph of just the relationships and entities the rules read.
 * The rules are written once against it, so every store gives the same flags.
 */
export class RuleGraph {
  private readonly entities = new Map<string, EntityRecord>();
  private readonly outgoing = new Map<string, Partial<Record<RelType, RelationshipRecord[]>>>();
  private readonly incoming = new Map<string, Partial<Record<RelType, RelationshipRecord[]>>>();
  private readonly byType = new Map<RelType, RelationshipRecord[]>();
  private readonly implied = new Map<string, NodeLabel>();

  constructor(relationships: readonly RelationshipRecord[], entities: readonly EntityRecord[] = []) {
    this.addRelationships(relationships);
    this.addEntities(entities);
  }

  /** A type at a time: a computation gives the event loop a turn between its scans. */
  addRelationships(relationships: readonly RelationshipRecord[]): void {
    for (const rel of relationships) {
      pushAt(this.outgoing, rel.source, rel);
      pushAt(this.incoming, rel.target, rel);
      const ofType = this.byType.get(rel.type);
      if (ofType === undefined) this.byType.set(rel.type, [rel]);
      else ofType.push(rel);
      const [from, to] = IMPLIED.get(rel.type) ?? [];
      if (from !== undefined) this.implied.set(rel.source, from);
      if (to !== undefined) this.implied.set(rel.target, to);
    }
  }

  addEntities(entities: readonly EntityRecord[]): void {
    for (const entity of entities) this.entities.set(entity.id, entity);
  }

  entity(id: string): EntityRecord | undefined {
    return this.entities.get(id);
  }

  /** The node's label: from its record when fetched, else from a relationship whose model fixes it. */
  labelOf(id: string): NodeLabel | undefined {
    return this.entities.get(id)?.label ?? this.implied.get(id);
  }

  /** The caption to use in a summary. */
  name(id: string): string {
    return this.entities.get(id)?.name ?? id;
  }

  property(id: string, key: string): unknown {
    return this.entities.get(id)?.properties[key];
  }

  ofType(type: RelType): readonly RelationshipRecord[] {
    return this.byType.get(type) ?? EMPTY;
  }

  out(id: string, type: RelType): readonly RelationshipRecord[] {
    return this.outgoing.get(id)?.[type] ?? EMPTY;
  }

  in(id: string, type: RelType): readonly RelationshipRecord[] {
    return this.incoming.get(id)?.[type] ?? EMPTY;
  }

  /** Relationships of this type in either direction, each with the node at the other end. */
  both(id: string, type: RelType): Array<{ rel: RelationshipRecord; other: string }> {
    const result = this.out(id, type).map((rel) => ({ rel, other: rel.target }));
    for (const rel of this.in(id, type)) if (rel.source !== id) result.push({ rel, other: rel.source });
    return result;
  }
}

function pushAt(
  index: Map<string, Partial<Record<RelType, RelationshipRecord[]>>>,
  id: string,
  rel: RelationshipRecord,
): void {
  let byType = index.get(id);
  if (byType === undefined) {
    byType = {};
    index.set(id, byType);
  }
  const list = byType[rel.type];
  if (list === undefined) byType[rel.type] = [rel];
  else list.push(rel);
}

/** A date property of a relationship (`at`, `since`, `until`), when it holds a date. */
export const relDate = (rel: RelationshipRecord, key: 'at' | 'since' | 'until'): string | undefined =>
  isoOf(rel.properties[key]);

/** A numeric property, when it holds a finite number. */
export function numberOf(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'bigint') return Number(value);
  return undefined;
}
