import type { Core, NodeSingular } from 'cytoscape';
import { edgeElement, nodeElement } from '../model-view/elements.ts';
import type { Visible } from '../model-view/filters.ts';
import type { GraphDoc } from '../model-view/graph-doc.ts';
import { placeAround } from '../model-view/placement.ts';
import type { Position } from '../model-view/workspace-file.ts';
import { derivedIds, NO_DERIVED, syncDerived, type Derived } from './sync-derived.ts';

export interface SyncInput {
  readonly doc: GraphDoc;
  readonly visible: Visible;
  /** Where new nodes grow from (the expanded node), if any. */
  readonly origin?: string | undefined;
  /** Last known positions (nodes removed then restored by undo, or a saved workspace). */
  readonly memory: Map<string, Position>;
  /** Group nodes and collapsed or re-routed edges, drawn in addition to the workspace's elements. */
  readonly derived?: Derived;
}

/** Makes the Cytoscape graph match the workspace: adds, removes, updates and shows/hides in one batch. */
export function syncGraph(cy: Core, input: SyncInput): { added: string[] } {
  const { doc, visible, memory } = input;
  const derived = input.derived ?? NO_DERIVED;
  const extra = derivedIds(derived);
  const added: string[] = [];
  cy.batch(() => {
    cy.elements().forEach((ele) => {
      const isNode = ele.group() === 'nodes';
      const present = extra.has(ele.id()) || (isNode ? doc.nodes.has(ele.id()) : doc.relationships.has(ele.id()));
      if (!present) {
        if (isNode) memory.set(ele.id(), { ...ele.position() });
        ele.remove();
      }
    });

    const newNodes = [...doc.nodes.values()].filter((n) => cy.getElementById(n.id).empty());
    const adjacency = neighbourIndex(doc);
    const positions = planPositions(cy, {
      ids: newNodes.map((n) => n.id),
      origin: input.origin,
      memory,
      neighbours: (id) => adjacency.get(id) ?? [],
    });
    for (const node of newNodes) {
      const element = nodeElement(node, { omitted: doc.omitted.get(node.id), pinned: doc.pinned.has(node.id) });
      cy.add({ ...element, data: { ...element.data }, position: positions.get(node.id) ?? { x: 0, y: 0 } });
      added.push(node.id);
    }
    for (const rel of doc.relationships.values()) {
      if (cy.getElementById(rel.id).empty()) {
        const element = edgeElement(rel);
        cy.add({ ...element, data: { ...element.data } });
      }
    }
    added.push(...syncDerived(cy, derived, memory));

    cy.nodes().forEach((n) => updateNode(n, doc, visible));
    cy.edges().forEach((e) => {
      e.toggleClass('filtered', !visible.relationships.has(e.id()) && !extra.has(e.id()));
      // Captions name the type in the interface's language, which may have changed since the edge was drawn.
      const rel = doc.relationships.get(e.id());
      const caption = rel && edgeElement(rel).data.caption;
      if (caption !== undefined && e.data('caption') !== caption) e.data('caption', caption);
    });
  });
  return { added };
}

function neighbourIndex(doc: GraphDoc): Map<string, string[]> {
  const index = new Map<string, string[]>();
  const link = (a: string, b: string) => {
    const list = index.get(a);
    if (list) list.push(b);
    else index.set(a, [b]);
  };
  for (const rel of doc.relationships.values()) {
    link(rel.source, rel.target);
    link(rel.target, rel.source);
  }
  return index;
}

function updateNode(n: NodeSingular, doc: GraphDoc, visible: Visible): void {
  const entity = doc.nodes.get(n.id());
  if (!entity) return;
  const pinned = doc.pinned.has(entity.id);
  const element = nodeElement(entity, { omitted: doc.omitted.get(entity.id), pinned });
  if (n.data('caption') !== element.data.caption) n.data('caption', element.data.caption);
  n.classes(element.classes);
  n.toggleClass('user-hidden', doc.hidden.has(entity.id));
  n.toggleClass('filtered', !doc.hidden.has(entity.id) && !visible.nodes.has(entity.id));
}

/** Remembered positions first; otherwise rings around the origin (or the view centre), away from the graph. */
function planPositions(
  cy: Core,
  input: {
    ids: readonly string[];
    origin: string | undefined;
    memory: Map<string, Position>;
    neighbours: (id: string) => readonly string[];
  },
): Map<string, Position> {
  const positions = new Map<string, Position>();
  const fresh: string[] = [];
  for (const id of input.ids) {
    const remembered = input.memory.get(id);
    if (remembered) positions.set(id, remembered);
    else fresh.push(id);
  }
  if (fresh.length === 0) return positions;
  const existing = cy.nodes();
  const centroid = existing.empty() ? undefined : centreOf(existing.map((n) => n.position()));
  // Each new node grows from a neighbour already drawn (the expanded node, or the one it links to).
  const groups = new Map<string, string[]>();
  const loose: string[] = [];
  for (const id of fresh) {
    const anchor = anchorFor(id, input.neighbours(id), cy, input.origin);
    if (anchor) groups.set(anchor, [...(groups.get(anchor) ?? []), id]);
    else loose.push(id);
  }
  for (const [anchorId, ids] of groups) {
    const origin = { ...cy.getElementById(anchorId).position() };
    const spots = placeAround({ origin, centroid, count: ids.length });
    ids.forEach((id, i) => positions.set(id, spots[i] ?? origin));
  }
  if (loose.length === 0) return positions;
  // Nothing to grow from (a search result, an opened file): beside what is already drawn.
  const bb = existing.empty() ? undefined : existing.boundingBox({});
  const anchor = bb ? { x: bb.x2 + 140, y: (bb.y1 + bb.y2) / 2 } : viewportCentre(cy);
  const spots =
    loose.length === 1 ? [anchor] : placeAround({ origin: anchor, centroid: undefined, count: loose.length });
  loose.forEach((id, i) => positions.set(id, spots[i] ?? anchor));
  return positions;
}

/** The expansion origin when the node links to it, else any drawn neighbour. */
function anchorFor(
  id: string,
  neighbours: readonly string[],
  cy: Core,
  origin: string | undefined,
): string | undefined {
  if (origin && neighbours.includes(origin) && cy.getElementById(origin).nonempty()) return origin;
  return neighbours.find((n) => n !== id && cy.getElementById(n).nonempty());
}

function centreOf(points: readonly Position[]): Position {
  const sum = points.reduce((acc, p) => ({ x: acc.x + p.x, y: acc.y + p.y }), { x: 0, y: 0 });
  return { x: sum.x / points.length, y: sum.y / points.length };
}

function viewportCentre(cy: Core): Position {
  const extent = cy.extent();
  return { x: (extent.x1 + extent.x2) / 2, y: (extent.y1 + extent.y2) / 2 };
}
