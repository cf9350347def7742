/**
 * The neighbourhood walk over an adapter's own queries (its `adjacent` and
 * `getEntities`), for a store with no adjacency snapshot: Neo4j always, the
 * embedded store while its snapshot is being built, so that expansions are
 * answered during that window instead of refused.
 */
import type { EntityRecord } from '../../model/records.ts';
import type { Adjacency, NeighbourhoodQuery, Subgraph } from '../ports/GraphReads.ts';
import { walkNeighbourhood } from './neighbourhood-walk.ts';

export interface NeighbourhoodReads {
  /** Records of the ids that exist, in the order asked. */
  entities(ids: readonly string[]): Promise<EntityRecord[]>;
  adjacent(
    query: Pick<NeighbourhoodQuery, 'perNodeLimit' | 'relTypes'> & { ids: readonly string[] },
  ): Promise<Adjacency>;
}

export async function neighbourhoodByQueries(query: NeighbourhoodQuery, reads: NeighbourhoodReads): Promise<Subgraph> {
  const walk = await walkNeighbourhood(query, {
    existing: async (ids) => (await reads.entities(ids)).map((e) => e.id),
    adjacent: (ids) =>
      reads.adjacent({
        ids,
        perNodeLimit: query.perNodeLimit,
        ...(query.relTypes ? { relTypes: query.relTypes } : {}),
      }),
  });
  const nodes = await reads.entities(walk.nodeIds);
  const found = new Set(nodes.map((n) => n.id));
  return {
    nodes,
    relationships: walk.relationships.filter((r) => found.has(r.source) && found.has(r.target)),
    truncated: walk.truncated,
    omitted: walk.omitted,
  };
}
