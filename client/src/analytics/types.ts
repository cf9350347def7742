/** What the analytics read: the current view as plain data (no Cytoscape, no React). */
interface ViewNode {
  readonly id: string;
}

interface ViewEdge {
  readonly source: string;
  readonly target: string;
}

export interface ViewGraph {
  readonly nodes: readonly ViewNode[];
  readonly edges: readonly ViewEdge[];
}

export const MEASURES = ['degree', 'betweenness', 'pagerank'] as const;
export type Measure = (typeof MEASURES)[number];

export interface NodeMeasures {
  /** Relationships on screen touching the node (parallel ones count). */
  readonly degree: number;
  /** Share of shortest paths between other nodes that pass through it, normalized to [0, 1]. */
  readonly betweenness: number;
  /** PageRank over the view taken as undirected, weighted by parallel relationships; sums to 1. */
  readonly pagerank: number;
}

export interface Communities {
  /** Community number per node id; 0 is the largest community, 1 the next, and so on. */
  readonly communityOf: Readonly<Record<string, number>>;
  readonly count: number;
  readonly modularity: number;
}

export interface RankedNode {
  readonly id: string;
  readonly value: number;
}

/** A node whose relationships reach into several communities, ranked by betweenness. */
export interface Broker {
  readonly id: string;
  readonly betweenness: number;
  readonly community: number;
  /** Every community its neighbours belong to, its own included, ascending. */
  readonly connects: readonly number[];
}

export interface ViewAnalytics {
  readonly measures: Readonly<Record<string, NodeMeasures>>;
  readonly communities: Communities;
  readonly keyPlayers: Readonly<Record<Measure, readonly RankedNode[]>>;
  readonly brokers: readonly Broker[];
}
