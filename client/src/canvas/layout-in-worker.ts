import type { Collection, Core } from 'cytoscape';
import type { LayoutRequest, LayoutResponse } from './layout-protocol.ts';
import { messages } from '../i18n/current.ts';

/** fcose off the main thread: the worker gets plain data and sends back positions. */
export function runFcoseInWorker(cy: Core, eles: Collection, incremental: boolean): Promise<void> {
  const request: LayoutRequest = {
    nodes: eles.nodes().map((n) => ({ id: n.id(), ...n.position(), w: n.width(), h: n.height() })),
    edges: eles.edges().map((e) => ({ id: e.id(), source: e.source().id(), target: e.target().id() })),
    fixed: eles.nodes('.pinned').map((n) => ({ nodeId: n.id(), position: { ...n.position() } })),
    incremental,
  };
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
