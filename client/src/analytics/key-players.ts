import type { Broker, Communities, Measure, NodeMeasures, RankedNode, ViewGraph } from './types.ts';

/** The `limit` nodes with the highest value of `measure`, highest first (ties by id). */
export function rankBy(
  measures: Readonly<Record<string, NodeMeasures>>,
  measure: Measure,
  limit: number,
): RankedNode[] {
  return Object.entries(measures)
    .map(([id, values]) => ({ id, value: values[measure] }))
    .sort((a, b) => b.value - a.value || a.id.localeCompare(b.id))
    .slice(0, limit);
}

/**
 * Brokers: nodes whose neighbours belong to at least two communities and that sit on shortest
 * paths between others (betweenness > 0), most central first. These are the people who link
 * a clan to officials, or one clan to another.
 */
export function findBrokers(input: {
  readonly view: ViewGraph;
  readonly measures: Readonly<Record<string, NodeMeasures>>;
  readonly communities: Communities;
  readonly limit: number;
}): Broker[] {
  const { view, measures, communities, limit } = input;
  const reach = new Map<string, Set<number>>();
  const note = (id: string, community: number | undefined) => {
    if (community === undefined) return;
    const set = reach.get(id) ?? new Set<number>();
    set.add(community);
    reach.set(id, set);
  };
  for (const { source, target } of view.edges) {
    if (source === target || !(source in measures) || !(target in measures)) continue;
    note(source, communities.communityOf[target]);
    note(target, communities.communityOf[source]);
  }
  const brokers: Broker[] = [];
  for (const [id, connected] of reach) {
    const own = communities.communityOf[id];
    const betweenness = measures[id]?.betweenness ?? 0;
    if (own === undefined || betweenness <= 0) continue;
    connected.add(own);
    if (connected.size < 2) continue;
    brokers.push({ id, betweenness, community: own, connects: [...connected].sort((a, b) => a - b) });
  }
  return brokers.sort((a, b) => b.betweenness - a.betweenness || a.id.localeCompare(b.id)).slice(0, limit);
}
