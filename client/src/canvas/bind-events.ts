import type { Core, EventObject, NodeSingular, Position } from 'cytoscape';

export interface CanvasEvents {
  /** Selection changed (ids in selection order as Cytoscape reports them). */
  readonly onSelectionChange: (ids: string[]) => void;
  readonly onExpand: (id: string) => void;
  readonly onContextMenu: (
    target: { id: string; kind: 'node' | 'edge' } | undefined,
    at: { x: number; y: number },
  ) => void;
  /** A node was dragged (positions changed). */
  readonly onMoved: () => void;
}

/**
 * The node whose inner circle (half its smaller side) holds `at`, topmost first. Cytoscape's polygon
 * hit test counts a vertex on the vertical through the point twice, so a click at the exact centre
 * of a diamond, star or hexagon falls through to the background; the inner circle lies inside every
 * shape used here, so a tap there always means that node.
 */
export function nodeAtCentre(cy: Core, at: Position): NodeSingular | undefined {
  const nodes = cy.nodes(':visible');
  for (let i = nodes.length - 1; i >= 0; i -= 1) {
    const node = nodes[i];
    if (!node) continue;
    const { x, y } = node.position();
    const radius = Math.min(node.width(), node.height()) / 4;
    if ((x - at.x) ** 2 + (y - at.y) ** 2 <= radius ** 2) return node;
  }
  return undefined;
}

/** The node a background event really hit, when Cytoscape's hit test missed it. */
const missedNode = (cy: Core, e: EventObject): NodeSingular | undefined =>
  e.target === cy ? nodeAtCentre(cy, e.position) : undefined;

/** Two taps on one node this close together are a double tap (a browser's usual double-click time). */
const DOUBLE_TAP_MS = 400;

/** Wires Cytoscape events to the app; returns the function that unbinds them. */
export function bindEvents(cy: Core, events: CanvasEvents, clock: () => number = Date.now): () => void {
  let selectionTimer: ReturnType<typeof setTimeout> | undefined;
  const selectionChanged = () => {
    // select/unselect fire once per element: report the settled selection once.
    clearTimeout(selectionTimer);
    selectionTimer = setTimeout(() => events.onSelectionChange(cy.$(':selected').map((e) => e.id())), 0);
  };
  // Double taps are told apart here, not by Cytoscape's dbltap: that one pairs any two taps within
  // its debounce time wherever they land, so a tap on the background just before a double-click on
  // a node used up the double-click's first tap and the node was never expanded (or a group opened).
  let lastTap: { id: string | undefined; at: number } = { id: undefined, at: -Infinity };
  const tap = (e: EventObject) => {
    const missed = missedNode(cy, e);
    const id = missed?.id() ?? (e.target !== cy && e.target.isNode() ? (e.target.id() as string) : undefined);
    const now = clock();
    const double = id !== undefined && lastTap.id === id && now - lastTap.at <= DOUBLE_TAP_MS;
    // A third tap starts a new pair rather than expanding again.
    lastTap = double ? { id: undefined, at: -Infinity } : { id, at: now };
    if (double) events.onExpand(id);
    if (!missed) return;
    const original = e.originalEvent as MouseEvent | undefined;
    const additive = original?.shiftKey === true || original?.ctrlKey === true || original?.metaKey === true;
    // After Cytoscape's own background handling, which unselects everything once the tap is over.
    setTimeout(() => {
      if (missed.removed()) return;
      if (!additive) cy.$(':selected').unselect();
      missed.select();
    }, 0);
  };
  const contextMenu = (e: EventObject) => {
    const hit = e.target === cy ? nodeAtCentre(cy, e.position) : e.target;
    const target =
      hit === undefined
        ? undefined
        : { id: hit.id() as string, kind: hit.isNode() ? ('node' as const) : ('edge' as const) };
    events.onContextMenu(target, { x: e.renderedPosition.x, y: e.renderedPosition.y });
  };
  const hoverIn = (e: EventObject) => {
    if (cy.nodes().length > 2000) return; // restyling thousands of neighbours per hover is not worth the frame time
    e.target.closedNeighborhood().addClass('hover-neighbour');
  };
  const hoverOut = () => cy.elements('.hover-neighbour').removeClass('hover-neighbour');
  const moved = () => events.onMoved();

  // A removed element leaves the selection without an unselect event: removal counts as a change.
  cy.on('select unselect remove', selectionChanged);
  cy.on('tap', tap);
  cy.on('cxttap', contextMenu);
  cy.on('mouseover', 'node', hoverIn);
  cy.on('mouseout', 'node', hoverOut);
  cy.on('dragfree', 'node', moved);
  return () => {
    clearTimeout(selectionTimer);
    cy.off('select unselect remove', selectionChanged);
    cy.off('tap', tap);
    cy.off('cxttap', contextMenu);
    cy.off('mouseover', 'node', hoverIn);
    cy.off('mouseout', 'node', hoverOut);
    cy.off('dragfree', 'node', moved);
  };
}
