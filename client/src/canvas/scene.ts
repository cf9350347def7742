import type { Core, EdgeSingular } from 'cytoscape';
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
    ...bend(e),
    width: Number.parseFloat(String(e.style('width'))) || 1.5,
    colour: String(e.style('line-color')),
    dashed: String(e.style('line-style')) !== 'solid',
    caption: String(e.data('caption') ?? ''),
  }));
  return { nodes, edges };
}

/**
 * A bezier edge's one control point (Cytoscape bows parallel edges apart) and its caption's spot.
 * Haystack edges of large views have neither: they are drawn straight.
 */
function bend(e: EdgeSingular): { control?: { x: number; y: number }; mid?: { x: number; y: number } } {
  if (String(e.style('curve-style')) === 'haystack') return {};
  const points = e.controlPoints() as { x: number; y: number }[] | undefined;
  const [control] = points ?? [];
  const mid = { ...e.midpoint() };
  return points?.length === 1 && control ? { control: { ...control }, mid } : { mid };
}

/** Classes that show the analyst's working state (highlight, fading, the hovered node's neighbours). */
const WORKING_CLASSES = ['on-path', 'dimmed', 'hover-neighbour', 'faded'] as const;

/**
 * Runs `read` with no selection, highlight, fading or hover marks: a chart shows the facts, not
 * the analyst's working state (the pointer resting on a node tinted its links in exports).
 */
export function withoutWorkingState<T>(cy: Core, read: () => T): T {
  const selected = cy.$(':selected');
  const marked = WORKING_CLASSES.map((name) => ({ name, eles: cy.elements(`.${name}`) }));
  cy.batch(() => {
    selected.unselect();
    for (const { name, eles } of marked) eles.removeClass(name);
  });
  try {
    return read();
  } finally {
    cy.batch(() => {
      selected.select();
      for (const { name, eles } of marked) eles.addClass(name);
    });
  }
}
