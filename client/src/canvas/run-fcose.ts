import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';
import type { LayoutRequest } from './layout-protocol.ts';

cytoscape.use(fcose);

/** Above this many nodes fcose runs its spectral step only ("draft") and fewer iterations. */
const DRAFT_ABOVE = 1500;

/**
 * fcose's options for a layout in the worker. Its draft quality needs the spectral step, which
 * `randomize: false` skips: fcose then fails ("reading 'nodeIndexes'"), and incremental default
 * quality takes minutes at 2,500 nodes. So a large view is laid out afresh in draft quality,
 * keeping only the pinned nodes where the investigator put them.
 */
function fcoseOptions(request: LayoutRequest): cytoscape.LayoutOptions {
  const large = request.nodes.length > DRAFT_ABOVE;
  return {
    name: 'fcose',
    quality: large ? 'draft' : 'default',
    randomize: large || !request.incremental,
    animate: false,
    fit: false,
    numIter: large ? 300 : 1000,
    nodeRepulsion: () => 6500,
    idealEdgeLength: () => 90,
    packComponents: false,
    fixedNodeConstraint: request.fixed.length > 0 ? [...request.fixed] : undefined,
  } as cytoscape.LayoutOptions;
}

/**
 * Runs fcose on a headless copy of the view and returns every node's position. Draft quality has
 * no force phase to hold pinned nodes, so they are put back where the investigator pinned them.
 */
export function runFcose(request: LayoutRequest): Record<string, { x: number; y: number }> {
  const cy = cytoscape({
    headless: true,
    styleEnabled: true,
    style: [{ selector: 'node', style: { width: 'data(w)', height: 'data(h)' } }],
    elements: [
      ...request.nodes.map((n) => ({
        group: 'nodes' as const,
        data: { id: n.id, w: n.w, h: n.h },
        position: { x: n.x, y: n.y },
      })),
      ...request.edges.map((e) => ({ group: 'edges' as const, data: { ...e } })),
    ],
  });
  try {
    cy.layout(fcoseOptions(request)).run();
    for (const pin of request.fixed) cy.getElementById(pin.nodeId).position({ ...pin.position });
    const positions: Record<string, { x: number; y: number }> = {};
    cy.nodes().forEach((n) => {
      positions[n.id()] = { ...n.position() };
    });
    return positions;
  } finally {
    cy.destroy();
  }
}
