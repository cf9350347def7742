import type { Core } from 'cytoscape';
import type { ChartScene } from '../model-view/chart-svg.ts';

/**
 * The drawn view as plain shapes for the SVG chart: visible elements only, each with the size,
 * colour and dash the canvas gives it (style rules and community colours included). Borders are
 * left out: on screen they carry working state (selection, pins), not facts.
 */
export function readScene(cy: Core): ChartScene {
  const nodes = cy.nodes(':visible').map((n) => ({
    ...n.position(),
    width: n.width(),
    height: n.height(),
    shape: String(n.style('shape')),
    colour: String(n.style('background-color')),
    caption: String(n.data('caption') ?? ''),
  }));
  const edges = cy.edges(':visible').map((e) => ({
    from: { ...e.sourceEndpoint() },
    to: { ...e.targetEndpoint() },
    width: Number.parseFloat(String(e.style('width'))) || 1.5,
    colour: String(e.style('line-color')),
    dashed: String(e.style('line-style')) !== 'solid',
    caption: String(e.data('caption') ?? ''),
  }));
  return { nodes, edges };
}

/** Runs `read` with no selection, highlight or fading: a chart shows the facts, not the analyst's working state. */
export function withoutWorkingState<T>(cy: Core, read: () => T): T {
  const selected = cy.$(':selected');
  const onPath = cy.elements('.on-path');
  const dimmed = cy.elements('.dimmed');
  cy.batch(() => {
    selected.unselect();
    onPath.removeClass('on-path');
    dimmed.removeClass('dimmed');
  });
  try {
    return read();
  } finally {
    cy.batch(() => {
      selected.select();
      onPath.addClass('on-path');
      dimmed.addClass('dimmed');
    });
  }
}
