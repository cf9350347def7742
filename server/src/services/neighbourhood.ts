/**
 * The neighbourhood of some entities: breadth-first, level by level, in one
 * store call (store/traversal/neighbourhood-walk.ts holds the rules every adapter
 * follows). Two caps keep a response small: `perNodeLimit` relationships per
 * expanded node (a hub with 100,000 links cannot flood it) and `limit` nodes
 * overall. The result is always a consistent subgraph: every relationship
 * returned has both ends among the nodes returned.
 */
import { NEIGHBOURHOOD_LIMITS } from '../model/index.ts';
import type { Subgraph } from '../store/ports/GraphReads.ts';
import type { ReadContext } from './explore-context.ts';
import { entityIds, intInRange, relTypes as checkRelTypes } from './validate.ts';

export type { Subgraph } from '../store/ports/GraphReads.ts';

export interface NeighbourhoodInput {
  readonly ids: readonly string[];
  readonly depth?: number | null | undefined;
  readonly relTypes?: readonly string[] | null | undefined;
  readonly limit?: number | null | undefined;
  readonly perNodeLimit?: number | null | undefined;
}

export async function neighbourhood(ctx: ReadContext, input: NeighbourhoodInput): Promise<Subgraph> {
  const L = NEIGHBOURHOOD_LIMITS;
  const seeds = entityIds('ids', input.ids, L.maxSeeds);
  const depth = intInRange({ name: 'depth', value: input.depth ?? 1, min: 1, max: L.maxDepth });
  const limit = intInRange({ name: 'limit', value: input.limit ?? L.defaultLimit, min: 1, max: L.maxLimit });
  const perNodeLimit = intInRange({
    name: 'perNodeLimit',
    value: input.perNodeLimit ?? L.defaultPerNodeLimit,
    min: 1,
    max: L.maxPerNodeLimit,
  });
  const relTypes = checkRelTypes('relTypes', input.relTypes);

  return ctx.store.neighbourhood(
    { seeds, depth, limit, perNodeLimit, ...(relTypes ? { relTypes } : {}) },
    ctx.scope,
    ctx.meta,
  );
}
