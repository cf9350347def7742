import type { Core } from 'cytoscape';
import type { AnalysisStyle } from '../model-view/analysis-style.ts';

/**
 * Draws analysis sizes and community colours as per-node overrides, so the selected, on-path
 * and pinned borders of the stylesheet still show; nodes without a value get their usual look back.
 */
export function applyAnalysisStyle(cy: Core, style: AnalysisStyle | undefined): void {
  cy.batch(() => {
    cy.nodes().forEach((node) => {
      const size = style?.sizes.get(node.id());
      if (size === undefined) node.removeStyle('width height');
      else node.style({ width: size, height: size });
      const colour = style?.colours.get(node.id());
      if (colour === undefined) node.removeStyle('background-color');
      else node.style('background-color', colour);
    });
  });
}
