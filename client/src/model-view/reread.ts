import { keptGroups } from './groups.ts';
import type { Entity, Relationship } from '../api/types.ts';
import type { GraphDoc } from './graph-doc.ts';
import { messages } from '../i18n/current.ts';

/** What the server answered when the canvas's elements were read again, under the user's present rights. */
export interface Reread {
  readonly nodes: readonly Entity[];
  readonly relationships: readonly Relationship[];
}

/**
 * The canvas as the server shows it now: every node and relationship the server
 * did not return again is dropped (a revoked clearance, a deleted record), and
 * what it did return replaces the remembered copy. Nothing drawn comes from
 * memory alone. A node is dropped too when it was on the canvas only as the
 * target of relationships the server now withholds although it returned both
 * their ends (the person an informant IDENTIFIES_AS, after the clearance is
 * revoked): left alone beside the informant, it would still say who it is.
 */
export function rereadDoc(doc: GraphDoc, fresh: Reread): GraphDoc {
  const freshNodes = new Map(fresh.nodes.map((node) => [node.id, node]));
  const freshRelationships = new Map(fresh.relationships.map((r) => [r.id, r]));
  const relationships = new Map<string, Relationship>();
  for (const id of doc.relationships.keys()) {
    const relationship = freshRelationships.get(id);
    if (relationship && freshNodes.has(relationship.source) && freshNodes.has(relationship.target)) {
      relationships.set(id, relationship);
    }
  }
  const withheldOnly = reachedOnlyThroughWithheld(doc, freshNodes, relationships);
  const nodes = new Map<string, Entity>();
  for (const id of doc.nodes.keys()) {
    const node = freshNodes.get(id);
    if (node && !withheldOnly.has(id)) nodes.set(id, node);
  }
  for (const [id, relationship] of relationships) {
    if (!nodes.has(relationship.source) || !nodes.has(relationship.target)) relationships.delete(id);
  }
  const kept = (ids: Iterable<string>) => new Set([...ids].filter((id) => nodes.has(id)));
  return {
    nodes,
    relationships,
    hidden: kept(doc.hidden),
    pinned: kept(doc.pinned),
    omitted: new Map([...doc.omitted].filter(([id]) => nodes.has(id))),
    ...(doc.groups ? { groups: keptGroups(doc.groups, nodes) } : {}),
  };
}

/**
 * Targets of a withheld relationship (not returned though both its ends were)
 * that no relationship still links to the canvas: reached only through it.
 */
function reachedOnlyThroughWithheld(
  doc: GraphDoc,
  freshNodes: ReadonlyMap<string, Entity>,
  kept: ReadonlyMap<string, Relationship>,
): Set<string> {
  const stillLinked = new Set<string>();
  for (const r of kept.values()) stillLinked.add(r.source).add(r.target);
  const withheldTargets = new Set<string>();
  for (const [id, r] of doc.relationships) {
    if (!kept.has(id) && freshNodes.has(r.source) && freshNodes.has(r.target)) withheldTargets.add(r.target);
  }
  return new Set([...withheldTargets].filter((id) => !stillLinked.has(id)));
}

/** How a file's copy of the canvas differs from what the server returned for it. */
export interface RereadDifference {
  /** Elements of the file the server did not return (forged, deleted, or not for this user). */
  readonly dropped: number;
  /** Elements the server returned with other content than the file's (the server's copy is drawn). */
  readonly corrected: number;
}

/** A key-order-free text of a value, so that a file with its keys in another order is not "corrected". */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, inner]) => `${JSON.stringify(key)}:${canonical(inner)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'undefined';
}

const contentOf = (element: Entity | Relationship): string => canonical(element);

export function rereadDifference(before: GraphDoc, after: GraphDoc): RereadDifference {
  let dropped = 0;
  let corrected = 0;
  const compare = <T extends Entity | Relationship>(was: ReadonlyMap<string, T>, now: ReadonlyMap<string, T>) => {
    for (const [id, element] of was) {
      const fresh = now.get(id);
      if (!fresh) dropped += 1;
      else if (contentOf(fresh) !== contentOf(element)) corrected += 1;
    }
  };
  compare(before.nodes, after.nodes);
  compare(before.relationships, after.relationships);
  return { dropped, corrected };
}

/** What the explorer says after opening a view file: how much of it the database confirmed. */
export function openedNotice(
  fileName: string,
  drawn: GraphDoc,
  difference: RereadDifference,
): { kind: 'info' | 'error'; text: string } {
  const words = messages().changes;
  const opened = words.opened(fileName, drawn.nodes.size, drawn.relationships.size);
  const notes = [
    difference.dropped > 0 && words.dropped(difference.dropped),
    difference.corrected > 0 && words.corrected(difference.corrected),
  ].filter((note): note is string => typeof note === 'string');
  return notes.length === 0 ? { kind: 'info', text: opened } : { kind: 'error', text: [opened, ...notes].join(' ') };
}
