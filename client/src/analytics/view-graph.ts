import Graph from 'graphology';
import type { ViewGraph } from './types.ts';

/**
 * The view as a simple undirected graphology graph: parallel relationships become one edge
 * whose `weight` counts them; self-loops and edges to nodes not in the view are left out
 * (a relationship whose other end is off screen is not part of what the user sees).
 */
export function toUndirectedGraph(view: ViewGraph): Graph {
  const graph = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
  for (const node of view.nodes) graph.mergeNode(node.id);
  for (const { source, target } of view.edges) {
    if (source === target || !graph.hasNode(source) || !graph.hasNode(target)) continue;
    if (graph.hasEdge(source, target))
      graph.updateEdgeAttribute(source, target, 'weight', (w: number | undefined) => (w ?? 0) + 1);
    else graph.addEdge(source, target, { weight: 1 });
  }
  return graph;
}

/** A small deterministic PRNG (mulberry32), so Louvain gives the same colours for the same view. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
