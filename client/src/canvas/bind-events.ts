import type { Core, EventObject } from 'cytoscape';

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

/** Wires Cytoscape events to the app; returns the function that unbinds them. */
export function bindEvents(cy: Core, events: CanvasEvents): () => void {
  let selectionTimer: ReturnType<typeof setTimeout> | undefined;
  const selectionChanged = () => {
    // select/unselect fire once per element: report the settled selection once.
    clearTimeout(selectionTimer);
    selectionTimer = setTimeout(() => events.onSelectionChange(cy.$(':selected').map((e) => e.id())), 0);
  };
  const expand = (e: EventObject) => events.onExpand(e.target.id());
  const contextMenu = (e: EventObject) => {
    const target =
      e.target === cy
        ? undefined
        : { id: e.target.id() as string, kind: e.target.isNode() ? ('node' as const) : ('edge' as const) };
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
  cy.on('dbltap', 'node', expand);
  cy.on('cxttap', contextMenu);
  cy.on('mouseover', 'node', hoverIn);
  cy.on('mouseout', 'node', hoverOut);
  cy.on('dragfree', 'node', moved);
  return () => {
    clearTimeout(selectionTimer);
    cy.off('select unselect remove', selectionChanged);
    cy.off('dbltap', 'node', expand);
    cy.off('cxttap', contextMenu);
    cy.off('mouseover', 'node', hoverIn);
    cy.off('mouseout', 'node', hoverOut);
    cy.off('dragfree', 'node', moved);
  };
}
