import type { Core } from 'cytoscape';

/** Edge thickness from a style rule as per-edge overrides; edges without a value get their usual width back. */
export function applyEdgeWidths(cy: Core, widths: ReadonlyMap<string, number> | undefined): void {
  cy.batch(() => {
    cy.edges().forEach((edge) => {
      const width = widths?.get(edge.id());
      if (width === undefined) edge.removeStyle('width');
      else edge.style('width', width);
    });
  });
}
