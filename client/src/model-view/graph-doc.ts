import type { Entity, Relationship } from '../api/types.ts';
import type { NodeGroup } from './groups.ts';

/** The investigator's graph: what is on the canvas, independent of how it is drawn. */
export interface GraphDoc {
  readonly nodes: ReadonlyMap<string, Entity>;
  readonly relationships: ReadonlyMap<string, Relationship>;
  /** Ids of nodes the investigator hid (still in the workspace, not drawn). */
  readonly hidden: ReadonlySet<string>;
  /** Ids of nodes whose position layouts must keep. */
  readonly pinned: ReadonlySet<string>;
  /** Per node id: relationships the server left out when it was expanded ("+K more"). */
  readonly omitted: ReadonlyMap<string, number>;
  /** Nodes the analyst combined into one group node, by group id (groups.ts); absent means none. */
  readonly groups?: ReadonlyMap<string, NodeGroup>;
}

export interface OmittedChange {
  readonly id: string;
  readonly before: number | undefined;
  readonly after: number | undefined;
}

/**
 * Every graph change is one diff, so undo is applying its inverse. Planners (graph-changes.ts)
 * guarantee the diff is exact: added things are absent before, removed things present, and so on.
 */
export interface GraphChange {
  /** What the investigator did, e.g. "Expand Mohamed Djeha" (shown next to undo/redo). */
  readonly description: string;
  readonly addNodes: readonly Entity[];
  readonly removeNodes: readonly Entity[];
  readonly addRelationships: readonly Relationship[];
  readonly removeRelationships: readonly Relationship[];
  readonly hide: readonly string[];
  readonly show: readonly string[];
  readonly pin: readonly string[];
  readonly unpin: readonly string[];
  readonly omitted: readonly OmittedChange[];
  /** Node the new nodes grew from: the canvas places them around it. */
  readonly origin?: string;
  readonly addGroups?: readonly NodeGroup[];
  readonly removeGroups?: readonly NodeGroup[];
}

export const EMPTY_DOC: GraphDoc = {
  nodes: new Map(),
  relationships: new Map(),
  hidden: new Set(),
  pinned: new Set(),
  omitted: new Map(),
};

export function makeChange(description: string, parts: Partial<Omit<GraphChange, 'description'>>): GraphChange {
  return {
    description,
    addNodes: [],
    removeNodes: [],
    addRelationships: [],
    removeRelationships: [],
    hide: [],
    show: [],
    pin: [],
    unpin: [],
    omitted: [],
    ...parts,
  };
}

export function isEmptyChange(change: GraphChange): boolean {
  return (
    change.addNodes.length +
      change.removeNodes.length +
      change.addRelationships.length +
      change.removeRelationships.length +
      change.hide.length +
      change.show.length +
      change.pin.length +
      change.unpin.length +
      change.omitted.length +
      (change.addGroups?.length ?? 0) +
      (change.removeGroups?.length ?? 0) ===
    0
  );
}

export function invertChange(change: GraphChange): GraphChange {
  return {
    description: change.description,
    addNodes: change.removeNodes,
    removeNodes: change.addNodes,
    addRelationships: change.removeRelationships,
    removeRelationships: change.addRelationships,
    hide: change.show,
    show: change.hide,
    pin: change.unpin,
    unpin: change.pin,
    omitted: change.omitted.map(({ id, before, after }) => ({ id, before: after, after: before })),
    ...(change.removeGroups ? { addGroups: change.removeGroups } : {}),
    ...(change.addGroups ? { removeGroups: change.addGroups } : {}),
  };
}

export function applyChange(doc: GraphDoc, change: GraphChange): GraphDoc {
  const nodes = new Map(doc.nodes);
  for (const node of change.removeNodes) nodes.delete(node.id);
  for (const node of change.addNodes) nodes.set(node.id, node);
  const relationships = new Map(doc.relationships);
  for (const rel of change.removeRelationships) relationships.delete(rel.id);
  for (const rel of change.addRelationships) relationships.set(rel.id, rel);
  const hidden = new Set(doc.hidden);
  for (const id of change.show) hidden.delete(id);
  for (const id of change.hide) hidden.add(id);
  const pinned = new Set(doc.pinned);
  for (const id of change.unpin) pinned.delete(id);
  for (const id of change.pin) pinned.add(id);
  const omitted = new Map(doc.omitted);
  for (const { id, after } of change.omitted) {
    if (after === undefined) omitted.delete(id);
    else omitted.set(id, after);
  }
  if (!doc.groups && !change.addGroups) return { nodes, relationships, hidden, pinned, omitted };
  const groups = new Map(doc.groups);
  for (const group of change.removeGroups ?? []) groups.delete(group.id);
  for (const group of change.addGroups ?? []) groups.set(group.id, group);
  return { nodes, relationships, hidden, pinned, omitted, groups };
}
