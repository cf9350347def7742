import type { Entity, Relationship } from '../api/types.ts';
import type { GraphDoc } from './graph-doc.ts';

/** What the server answered when the canvas's elements were read again, under the user's present rights. */
export interface Reread {
  readonly nodes: readonly Entity[];
  readonly relationships: readonly Relationship[];
}

/**
 * The canvas as the server shows it now: every node and relationship the server
 * did not return again is dropped (a revoked clearance, a deleted record), and
 * what it did return replaces the remembered copy. Nothing drawn comes from
 * memory alone.
 */
export function rereadDoc(doc: GraphDoc, fresh: Reread): GraphDoc {
  const freshNodes = new Map(fresh.nodes.map((node) => [node.id, node]));
  const freshRelationships = new Map(fresh.relationships.map((r) => [r.id, r]));
  const nodes = new Map<string, Entity>();
  for (const id of doc.nodes.keys()) {
    const node = freshNodes.get(id);
    if (node) nodes.set(id, node);
  }
  const relationships = new Map<string, Relationship>();
  for (const id of doc.relationships.keys()) {
    const relationship = freshRelationships.get(id);
    if (relationship && nodes.has(relationship.source) && nodes.has(relationship.target)) {
      relationships.set(id, relationship);
    }
  }
  const kept = (ids: Iterable<string>) => new Set([...ids].filter((id) => nodes.has(id)));
  return {
    nodes,
    relationships,
    hidden: kept(doc.hidden),
    pinned: kept(doc.pinned),
    omitted: new Map([...doc.omitted].filter(([id]) => nodes.has(id))),
  };
}
