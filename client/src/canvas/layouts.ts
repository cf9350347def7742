import type { Collection, Core, LayoutOptions, NodeCollection } from 'cytoscape';
import { layoutRequest, markPlaced, runLayoutInWorker } from './layout-in-worker.ts';

export const LAYOUT_NAMES = ['fcose', 'concentric', 'breadthfirst', 'grid'] as const;
export type LayoutName = (typeof LAYOUT_NAMES)[number];

/** Above this many nodes fcose runs spectral-only ("draft"): default quality takes ~15 s at 1,000 nodes. */
const DRAFT_ABOVE = 300;

/**
 * Options that keep every layout off the critical path: no animation on large graphs, bounded
 * fcose iterations, and pinned nodes kept where the investigator put them.
 */
function layoutOptions(
  name: LayoutName,
  input: { eles: Collection; pinned: NodeCollection; incremental: boolean },
): LayoutOptions {
  const count = input.eles.nodes().length;
  const animate = count < 200;
  switch (name) {
    case 'fcose':
      return {
        name: 'fcose',
        // Draft is spectral only and needs random starts; incremental refinement keeps the current picture.
        quality: count > DRAFT_ABOVE ? 'draft' : 'default',
        randomize: count > DRAFT_ABOVE || !input.incremental,
        animate,
        animationDuration: 300,
        numIter: count > 100 ? 600 : 1500,
        nodeRepulsion: () => 6500,
        idealEdgeLength: () => 90,
        packComponents: false,
        fixedNodeConstraint: input.pinned.map((n) => ({ nodeId: n.id(), position: { ...n.position() } })),
        eles: input.eles,
      } as LayoutOptions;
    case 'concentric':
      return {
        name,
        animate,
        concentric: (n) => n.degree(false),
        levelWidth: () => 2,
        minNodeSpacing: 30,
        eles: input.eles,
      } as LayoutOptions;
    // Both space nodes by their caption's width, not the node's: 140 px captions ran into each other.
    case 'breadthfirst':
      return {
        name,
        animate,
        directed: false,
        spacingFactor: 1.2,
        avoidOverlap: true,
        nodeDimensionsIncludeLabels: true,
        eles: input.eles,
      } as LayoutOptions;
    case 'grid':
      return {
        name,
        animate,
        avoidOverlap: true,
        avoidOverlapPadding: 12,
        nodeDimensionsIncludeLabels: true,
        condense: false,
        eles: input.eles,
      } as LayoutOptions;
  }
}

/** Above this many nodes the force layout runs in a web worker. */
const WORKER_ABOVE = 150;
/**
 * Above this many nodes the force layout is ForceAtlas2, not fcose. fcose with the worker's options
 * (default quality, incremental) took 1.1 s at 200 nodes, 2.8 s at 400, 34 s at 700 and 106 s at
 * 1,000 on the shared 2-core machine, ForceAtlas2 0.3, 0.5, 1.3 and 3.8 s; below 300 fcose's
 * overlap-free picture is worth its time. Larger sizes: `npm run bench -- --only client`.
 */
const FORCEATLAS2_ABOVE = 300;

/**
 * Runs a layout on the visible graph. Pinned nodes are locked for the run only, so layouts leave
 * them where they are while the investigator can still drag them.
 */
export function runLayout(cy: Core, name: LayoutName, incremental = false): Promise<void> {
  const eles = cy.elements(':visible');
  const count = eles.nodes().length;
  if (count === 0) return Promise.resolve();
  const pinned = eles.nodes('.pinned');
  pinned.lock();
  const unlock = () => {
    if (!cy.destroyed()) pinned.unlock();
  };
  const inWorker = name === 'fcose' && count > WORKER_ABOVE && typeof Worker !== 'undefined';
  const algorithm = count > FORCEATLAS2_ABOVE ? 'forceatlas2' : 'fcose';
  const run = inWorker
    ? runLayoutInWorker(cy, eles, layoutRequest(eles, { algorithm, incremental }))
    : runInPage(cy, layoutOptions(name, { eles, pinned, incremental })).then(() => markPlaced(eles));
  return run.finally(unlock);
}

function runInPage(cy: Core, options: LayoutOptions): Promise<void> {
  const layout = cy.layout(options);
  const done = layout.promiseOn('layoutstop').then(() => undefined);
  layout.run();
  return done;
}
