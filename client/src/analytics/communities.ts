import louvain from 'graphology-communities-louvain';
import type { Communities, ViewGraph } from './types.ts';
import { seededRandom, toUndirectedGraph } from './view-graph.ts';

export interface CommunityOptions {
  /** Seed of Louvain's random order; the same view and seed always give the same communities. */
  readonly seed?: number;
  readonly resolution?: number;
}

/** Louvain communities of the view, numbered by size (0 = largest, ties by smallest node id). */
export function detectCommunities(view: ViewGraph, options: CommunityOptions = {}): Communities {
  const graph = toUndirectedGraph(view);
  let raw: Record<string, number> = {};
  let modularity = 0;
  if (graph.size > 0) {
    const detailed = louvain.detailed(graph, {
      rng: seededRandom(options.seed ?? 1),
      resolution: options.resolution ?? 1,
      getEdgeWeight: 'weight',
    });
    raw = detailed.communities;
    modularity = detailed.modularity;
  }
  // Nodes without any edge are each their own community.
  const members = new Map<string, string[]>();
  graph.forEachNode((id) => {
    const key = id in raw ? `c${raw[id]}` : `n${id}`;
    const list = members.get(key);
    if (list === undefined) members.set(key, [id]);
    else list.push(id);
  });
  const ordered = [...members.values()]
    .map((ids) => ids.sort())
    .sort((a, b) => b.length - a.length || (a[0] ?? '').localeCompare(b[0] ?? ''));
  const communityOf: Record<string, number> = {};
  ordered.forEach((ids, index) => ids.forEach((id) => (communityOf[id] = index)));
  return { communityOf, count: ordered.length, modularity };
}
