/**
 * Network analytics on what is on screen. Pure functions over plain `{ nodes, edges }`:
 * no React, no Cytoscape. The canvas sizes nodes by a measure and colours them by community;
 * the panel lists key players and brokers.
 */
import { computeCentrality } from './centrality.ts';
import { detectCommunities, type CommunityOptions } from './communities.ts';
import { findBrokers, rankBy } from './key-players.ts';
import { MEASURES, type Measure, type RankedNode, type ViewAnalytics, type ViewGraph } from './types.ts';

export interface AnalyzeOptions extends CommunityOptions {
  /** How many key players per measure and how many brokers to list (default 10). */
  readonly limit?: number;
}

/** Everything the analytics panel shows, in one pass over the view. */
export function analyzeView(view: ViewGraph, options: AnalyzeOptions = {}): ViewAnalytics {
  const limit = options.limit ?? 10;
  const measures = computeCentrality(view);
  const communities = detectCommunities(view, options);
  const keyPlayers = Object.fromEntries(MEASURES.map((m) => [m, rankBy(measures, m, limit)])) as Record<
    Measure,
    RankedNode[]
  >;
  return { measures, communities, keyPlayers, brokers: findBrokers({ view, measures, communities, limit }) };
}

/** Scales a measure to a node size in [min, max] pixels, relative to the largest value on screen. */
export function sizeFor(input: { value: number; largest: number; min: number; max: number }): number {
  const { value, largest, min, max } = input;
  if (largest <= 0) return min;
  return min + (max - min) * Math.sqrt(Math.max(0, value) / largest);
}

export { computeCentrality, detectCommunities };
export * from './types.ts';
