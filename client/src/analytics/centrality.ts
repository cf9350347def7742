import betweennessCentrality from 'graphology-metrics/centrality/betweenness';
import pagerank from 'graphology-metrics/centrality/pagerank';
import type { NodeMeasures, ViewGraph } from './types.ts';
import { toUndirectedGraph } from './view-graph.ts';

/** Degree, betweenness and PageRank of every node in the view. */
export function computeCentrality(view: ViewGraph): Record<string, NodeMeasures> {
  const graph = toUndirectedGraph(view);
  const betweenness = graph.size === 0 ? {} : betweennessCentrality(graph, { normalized: true });
  const rank = graph.size === 0 ? {} : pagerank(graph, { getEdgeWeight: 'weight' });
  const uniform = graph.order === 0 ? 0 : 1 / graph.order;
  const measures: Record<string, NodeMeasures> = {};
  graph.forEachNode((id) => {
    let degree = 0;
    graph.forEachEdge(id, (_edge, attributes) => {
      degree += typeof attributes.weight === 'number' ? attributes.weight : 1;
    });
    measures[id] = { degree, betweenness: betweenness[id] ?? 0, pagerank: rank[id] ?? uniform };
  });
  return measures;
}
