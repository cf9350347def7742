import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import noverlap from 'graphology-layout-noverlap';
import type { LayoutRequest, Positions } from './layout-protocol.ts';
import { seedPositions } from './layout-seed.ts';

/**
 * Iterations of a fresh layout: a 2,500-node view's picture (random pairs against linked pairs)
 * stops improving after about 200; larger views get fewer so that 10,000 nodes stay within the
 * time fcose's draft takes at 5,000 (`npm run bench -- --only client`).
 */
function freshIterations(order: number): number {
  return Math.round(Math.min(250, Math.max(60, 500_000 / Math.max(order, 1))));
}
/**
 * Newcomers settle among the held picture. Each iteration still costs the whole view's repulsion;
 * started beside its neighbour, a newcomer is there within 20 (half a link away in a 3,000-node
 * view; started beside the picture instead, more than a link away). Letting the placed nodes
 * relax afterwards, even for 10 iterations, moved them by 10% of the view's size at 5,000 nodes.
 */
const SETTLE_ITERATIONS = 20;
/**
 * Noverlap's passes after a fresh layout. ForceAtlas2 with Barnes-Hut cannot keep node sizes apart
 * (its adjustSizes needs the exact O(n²) repulsion), so a hub's spokes came out stacked on a
 * ring; noverlap pushes overlapping nodes apart, a few pixels at a time, in a grid. On a
 * 531-spoke star it took the overlapping pairs from 7,280 to about 650.
 */
function noverlapIterations(order: number): number {
  // 60 passes took 0.13 s at 532 nodes and 0.37 s at 2,500; at 10,000 each pass costs ~0.1 s.
  return Math.round(Math.min(60, Math.max(10, 150_000 / Math.max(order, 1))));
}
/** Pixels kept between two nodes' discs. */
const NOVERLAP_MARGIN = 4;
/** Barnes-Hut's accuracy: at 1 (Gephi uses 1.2) an iteration at 5,000 nodes took half the time of 0.5, for the same picture. */
const BARNES_HUT_THETA = 1;

/**
 * ForceAtlas2 (Barnes-Hut) on the view: the large-view layout. It is continuous, so a run that
 * starts from the current picture refines it instead of drawing a new one. A run that adds nodes
 * to a laid-out view holds the placed nodes still while the new ones find their place, so the
 * picture the investigator has read is kept; run again with nothing new, everything refines.
 */
/*
 * Positions go in and out in canvas pixels, unscaled: with the inferred settings a 2,500-node
 * view's links settle at a few hundred units, several node widths.
 */
export function runForceAtlas2(request: LayoutRequest): Positions {
  const seeds = seedPositions(request);
  const graph = new Graph({ multi: true, allowSelfLoops: false });
  const radius = new Map(request.nodes.map((n) => [n.id, Math.max(n.w, n.h) / 2]));
  for (const [id, seed] of seeds) graph.addNode(id, { x: seed.x, y: seed.y, size: radius.get(id) ?? 0 });
  for (const e of request.edges)
    if (e.source !== e.target && graph.hasNode(e.source) && graph.hasNode(e.target)) graph.addEdge(e.source, e.target);
  const settings = {
    ...forceAtlas2.inferSettings(graph),
    barnesHutOptimize: graph.order > 500,
    barnesHutTheta: BARNES_HUT_THETA,
  };
  const placed = [...seeds.values()].filter((s) => s.placed && !s.pinned).length;
  const pins = [...seeds.values()].filter((s) => s.pinned).length;
  const newcomers = placed > 0 && placed + pins < graph.order;
  const hold = (held: (id: string) => boolean) =>
    graph.forEachNode((id) => graph.setNodeAttribute(id, 'fixed', held(id)));
  const pinned = (id: string) => seeds.get(id)?.pinned === true;
  if (newcomers) {
    hold((id) => pinned(id) || seeds.get(id)?.placed === true);
    forceAtlas2.assign(graph, { iterations: SETTLE_ITERATIONS, settings, getEdgeWeight: null });
  } else {
    hold(pinned);
    forceAtlas2.assign(graph, { iterations: freshIterations(graph.order), settings, getEdgeWeight: null });
    // Only on a fresh picture: noverlap has no fixed nodes, and a held picture must not move.
    noverlap.assign(graph, { maxIterations: noverlapIterations(graph.order), settings: { margin: NOVERLAP_MARGIN } });
  }
  const positions: Positions = {};
  graph.forEachNode((id, attributes) => {
    const seed = seeds.get(id);
    positions[id] = seed?.pinned
      ? { x: seed.x, y: seed.y }
      : { x: Number(attributes['x']), y: Number(attributes['y']) };
  });
  return positions;
}
