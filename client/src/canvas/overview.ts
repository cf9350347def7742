import type { Core } from 'cytoscape';

/** A box in model coordinates. */
export interface ModelBox {
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
}

interface OverviewDot {
  readonly x: number;
  readonly y: number;
  readonly colour: string;
  readonly selected: boolean;
}

/** What the overview map draws: every visible node as a dot, and the box they fill. */
export interface OverviewPicture {
  readonly bounds: ModelBox;
  readonly dots: readonly OverviewDot[];
}

/** Graph changes (a layout runs, thousands of `position` events) are drawn at most this often. */
const GRAPH_REDRAW_MS = 300;

/** Positions, not Cytoscape's drawing: reading 5,000 positions costs a few milliseconds, a picture (cy.png) far more. */
export function readOverview(cy: Core): OverviewPicture {
  const dots: OverviewDot[] = [];
  let x1 = Infinity;
  let y1 = Infinity;
  let x2 = -Infinity;
  let y2 = -Infinity;
  cy.nodes(':visible').forEach((node) => {
    const { x, y } = node.position();
    x1 = Math.min(x1, x);
    y1 = Math.min(y1, y);
    x2 = Math.max(x2, x);
    y2 = Math.max(y2, y);
    dots.push({ x, y, colour: String(node.style('background-color')), selected: node.selected() });
  });
  return { bounds: dots.length > 0 ? { x1, y1, x2, y2 } : { x1: 0, y1: 0, x2: 0, y2: 0 }, dots };
}

/**
 * Tells the overview map when to redraw: the viewport box on the next frame after a pan or zoom, the
 * dots at most every GRAPH_REDRAW_MS while nodes are added, moved, restyled or selected.
 */
export function watchOverview(cy: Core, listener: { graph(): void; viewport(): void }): () => void {
  let graphTimer: ReturnType<typeof setTimeout> | undefined;
  let frame: number | undefined;
  const graphChanged = () => {
    graphTimer ??= setTimeout(() => {
      graphTimer = undefined;
      listener.graph();
    }, GRAPH_REDRAW_MS);
  };
  const viewportChanged = () => {
    frame ??= requestAnimationFrame(() => {
      frame = undefined;
      listener.viewport();
    });
  };
  const graphEvents = 'add remove position style select unselect';
  cy.on(graphEvents, graphChanged);
  cy.on('viewport resize', viewportChanged);
  return () => {
    cy.off(graphEvents, graphChanged);
    cy.off('viewport resize', viewportChanged);
    clearTimeout(graphTimer);
    if (frame !== undefined) cancelAnimationFrame(frame);
  };
}

/** Pans so that a model point is in the middle of the canvas, at the current zoom. */
export function centreOn(cy: Core, point: { x: number; y: number }): void {
  const zoom = cy.zoom();
  cy.pan({ x: cy.width() / 2 - point.x * zoom, y: cy.height() / 2 - point.y * zoom });
}
