/** Reads of the graph: thin mapping from GraphQL arguments to the explore services. */
import { findEntity } from '../../services/entity.ts';
import { neighbourhood } from '../../services/neighbourhood.ts';
import { connections, type ConnectionsInput } from '../../services/connections.ts';
import { shortestPaths, type PathsInput } from '../../services/paths.ts';
import { search } from '../../services/search.ts';
import { graphStats } from '../../services/stats.ts';
import type { EntityRecord } from '../../model/records.ts';
import { readContext, type MaillonContext } from '../context.ts';

interface SearchArgs {
  query: string;
  labels?: string[] | null;
  limit?: number | null;
}
interface NeighbourhoodArgs {
  ids: string[];
  depth?: number | null;
  relTypes?: string[] | null;
  limit?: number | null;
  perNodeLimit?: number | null;
}

/** Remembers what the request returned, for the audit trail. */
function touch<T extends EntityRecord>(ctx: MaillonContext, entities: readonly T[]): void {
  for (const entity of entities) ctx.entityIds.add(entity.id);
}

export const exploreQueries = {
  search: async (_: unknown, args: SearchArgs, ctx: MaillonContext) => {
    const results = await search(readContext(ctx, 'search'), args);
    touch(
      ctx,
      results.map((r) => r.entity),
    );
    return results.map((r) => ({ entity: r.entity, score: r.score, matched: r.matched ?? null }));
  },

  entity: async (_: unknown, args: { id: string }, ctx: MaillonContext) => {
    const entity = await findEntity(readContext(ctx, 'entity'), args.id);
    if (entity) touch(ctx, [entity]);
    return entity ?? null;
  },

  neighbourhood: async (_: unknown, args: NeighbourhoodArgs, ctx: MaillonContext) => {
    const subgraph = await neighbourhood(readContext(ctx, 'neighbourhood'), args);
    touch(ctx, subgraph.nodes);
    return subgraph;
  },

  paths: async (_: unknown, args: PathsInput, ctx: MaillonContext) => {
    const paths = await shortestPaths(readContext(ctx, 'paths'), args);
    for (const path of paths) touch(ctx, path.nodes);
    return paths;
  },

  connections: async (_: unknown, args: ConnectionsInput, ctx: MaillonContext) => {
    const paths = await connections(readContext(ctx, 'connections'), args);
    for (const path of paths) touch(ctx, path.nodes);
    return paths;
  },

  stats: (_: unknown, _args: unknown, ctx: MaillonContext) => graphStats(readContext(ctx, 'stats')),
};
