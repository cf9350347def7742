import type { Collection, Core } from 'cytoscape';
import type { LayoutRequest, LayoutResponse, WorkerLayout } from './layout-protocol.ts';
import { messages } from '../i18n/current.ts';

/** Scratch namespace marking nodes an earlier layout run placed: the next run keeps them where they are. */
const PLACED = 'maillon-placed';

/** Marks the nodes a layout has just placed (in the worker or in the page). */
export function markPlaced(eles: Collection): void {
  eles.nodes().forEach((n) => {
    n.scratch(PLACED, true);
  });
}

/** The view as plain data for the worker: positions, sizes, links, pins and what was placed before. */
export function layoutRequest(eles: Collection, options: { algorithm: WorkerLayout; incremental: boolean }) {
  const request: LayoutRequest = {
    algorithm: options.algorithm,
    nodes: eles.nodes().map((n) => ({
      id: n.id(),
      ...n.position(),
      w: n.width(),
      h: n.height(),
      placed: n.scratch(PLACED) === true,
    })),
    edges: eles.edges().map((e) => ({ id: e.id(), source: e.source().id(), target: e.target().id() })),
    fixed: eles.nodes('.pinned').map((n) => ({ nodeId: n.id(), position: { ...n.position() } })),
    incremental: options.incremental,
  };
  return request;
}

/** The force layout off the main thread: the worker gets plain data and sends back positions. */
export function runLayoutInWorker(cy: Core, eles: Collection, request: LayoutRequest): Promise<void> {
  const worker = new Worker(new URL('./layout-worker.ts', import.meta.url), { type: 'module' });
  return new Promise<void>((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<LayoutResponse>) => {
      worker.terminate();
      const response = event.data;
      if (!response.ok) return reject(new Error(messages().chart.layoutFailed(response.message)));
      if (cy.destroyed()) return resolve();
      cy.batch(() => {
        for (const [id, position] of Object.entries(response.positions)) {
          const node = cy.getElementById(id);
          if (node.nonempty() && !node.locked()) node.position(position);
        }
      });
      markPlaced(eles);
      cy.fit(cy.elements(':visible'), 40);
      resolve();
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(messages().chart.layoutWorkerFailed(event.message)));
    };
    worker.postMessage(request);
  });
}
