// Runs fcose on a headless copy of the graph so a large layout never blocks the page.
import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';
import type { LayoutRequest, LayoutResponse } from './layout-protocol.ts';

cytoscape.use(fcose);

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<LayoutRequest>) => void) | null;
  postMessage(message: LayoutResponse): void;
};

scope.onmessage = (event) => {
  const request = event.data;
  try {
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
    const count = request.nodes.length;
    cy.layout({
      name: 'fcose',
      quality: count > 1500 ? 'draft' : 'default',
      randomize: !request.incremental,
      animate: false,
      fit: false,
      numIter: count > 1500 ? 300 : 1000,
      nodeRepulsion: () => 6500,
      idealEdgeLength: () => 90,
      packComponents: false,
      fixedNodeConstraint: request.fixed.length > 0 ? [...request.fixed] : undefined,
    } as cytoscape.LayoutOptions).run();
    const positions: Record<string, { x: number; y: number }> = {};
    cy.nodes().forEach((n) => {
      positions[n.id()] = { ...n.position() };
    });
    cy.destroy();
    scope.postMessage({ ok: true, positions });
  } catch (error) {
    scope.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) });
  }
};
