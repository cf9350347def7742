import type { Entity, OmittedCount, Relationship } from '../api/types.ts';
import { makeChange, type GraphChange, type GraphDoc, type OmittedChange } from './graph-doc.ts';
import { messages } from '../i18n/current.ts';

export interface IncomingGraph {
  readonly nodes: readonly Entity[];
  readonly relationships: readonly Relationship[];
  readonly omitted?: readonly OmittedCount[];
}

/** Adds what is new in `incoming`, reveals hidden nodes it contains, records "+K more" counts. */
export function planAdd(
  doc: GraphDoc,
  incoming: IncomingGraph,
  options: { description: string; origin?: string; expanded?: readonly string[] },
): GraphChange {
  const addNodes = uniqueById(incoming.nodes.filter((n) => !doc.nodes.has(n.id)));
  const present = new Set([...doc.nodes.keys(), ...addNodes.map((n) => n.id)]);
  const addRelationships = uniqueById(
    incoming.relationships.filter(
      (r) => !doc.relationships.has(r.id) && present.has(r.source) && present.has(r.target),
    ),
  );
  const show = [...new Set(incoming.nodes.map((n) => n.id))].filter((id) => doc.hidden.has(id));
  const omitted: OmittedChange[] = [];
  for (const { id, count } of incoming.omitted ?? []) {
    const before = doc.omitted.get(id);
    const after = count > 0 ? count : undefined;
    if (before !== after && present.has(id)) omitted.push({ id, before, after });
  }
  // An expanded node the server reports nothing left out for has no "+K more" any more.
  const reported = new Set((incoming.omitted ?? []).map((o) => o.id));
  for (const id of options.expanded ?? []) {
    if (!reported.has(id) && doc.omitted.has(id)) omitted.push({ id, before: doc.omitted.get(id), after: undefined });
  }
  return makeChange(options.description, {
    addNodes,
    addRelationships,
    show,
    omitted,
    ...(options.origin === undefined ? {} : { origin: options.origin }),
  });
}

/** Removes nodes and relationships by id, with every relationship touching a removed node. */
export function planRemove(doc: GraphDoc, ids: Iterable<string>, description = messages().common.remove): GraphChange {
  const idSet = new Set(ids);
  const removeNodes = [...doc.nodes.values()].filter((n) => idSet.has(n.id));
  const removedNodeIds = new Set(removeNodes.map((n) => n.id));
  const removeRelationships = [...doc.relationships.values()].filter(
    (r) => idSet.has(r.id) || removedNodeIds.has(r.source) || removedNodeIds.has(r.target),
  );
  return makeChange(description, {
    removeNodes,
    removeRelationships,
    show: [...removedNodeIds].filter((id) => doc.hidden.has(id)),
    unpin: [...removedNodeIds].filter((id) => doc.pinned.has(id)),
    omitted: [...removedNodeIds]
      .filter((id) => doc.omitted.has(id))
      .map((id) => ({ id, before: doc.omitted.get(id), after: undefined })),
  });
}

export function planHide(doc: GraphDoc, ids: Iterable<string>): GraphChange {
  return makeChange(messages().common.hide, {
    hide: [...new Set(ids)].filter((id) => doc.nodes.has(id) && !doc.hidden.has(id)),
  });
}

export function planShowAll(doc: GraphDoc): GraphChange {
  return makeChange(messages().toolbar.showHidden, { show: [...doc.hidden] });
}

/** Pins the nodes, or unpins them all when every one is already pinned. */
export function planTogglePin(doc: GraphDoc, ids: Iterable<string>): GraphChange {
  const present = [...new Set(ids)].filter((id) => doc.nodes.has(id));
  const allPinned = present.length > 0 && present.every((id) => doc.pinned.has(id));
  return allPinned
    ? makeChange(messages().common.unpin, { unpin: present })
    : makeChange(messages().common.pin, { pin: present.filter((id) => !doc.pinned.has(id)) });
}

/** Swaps the whole graph for another one (opening a saved workspace), undoably. */
export function planReplace(
  doc: GraphDoc,
  next: GraphDoc,
  description = messages().changes.openWorkspace,
): GraphChange {
  const removed = planRemove(doc, [...doc.nodes.keys(), ...doc.relationships.keys()], description);
  return makeChange(description, {
    removeNodes: removed.removeNodes,
    removeRelationships: removed.removeRelationships,
    show: removed.show,
    unpin: removed.unpin,
    addNodes: [...next.nodes.values()],
    addRelationships: [...next.relationships.values()],
    hide: [...next.hidden],
    pin: [...next.pinned],
    omitted: [
      ...removed.omitted.filter((o) => !next.omitted.has(o.id)),
      ...[...next.omitted].map(([id, count]) => ({ id, before: doc.omitted.get(id), after: count })),
    ],
    ...(doc.groups?.size ? { removeGroups: [...doc.groups.values()] } : {}),
    ...(next.groups?.size ? { addGroups: [...next.groups.values()] } : {}),
  });
}

function uniqueById<T extends { readonly id: string }>(items: readonly T[]): T[] {
  const seen = new Map<string, T>();
  for (const item of items) if (!seen.has(item.id)) seen.set(item.id, item);
  return [...seen.values()];
}
