/**
 * The neighbourhood of some entities: breadth-first, level by level, one
 * store.adjacent call per level. Two caps keep a response small: `perNodeLimit`
 * relationships per expanded node (a hub with 100,000 links cannot flood it) and
 * `limit` nodes overall. The result is always a consistent subgraph: every
 * relationship returned has both ends among the nodes returned.
 */
import type { EntityRecord, RelationshipRecord } from '../store/GraphStore.ts';
import type { ReadContext } from './explore-context.ts';
import { entityIds, intInRange, relTypes as checkRelTypes } from './validate.ts';

export interface NeighbourhoodInput {
  readonly ids: readonly string[];
  readonly depth?: number | null | undefined;
  readonly relTypes?: readonly string[] | null | undefined;
  readonly limit?: number | null | undefined;
  readonly perNodeLimit?: number | null | undefined;
}

export interface Subgraph {
  readonly nodes: EntityRecord[];
  readonly relationships: RelationshipRecord[];
  readonly truncated: boolean;
  readonly omitted: Array<{ id: string; count: number }>;
}

export const NEIGHBOURHOOD_LIMITS = {
  maxSeeds: 100,
  maxDepth: 3,
  defaultLimit: 200,
  maxLimit: 2000,
  defaultPerNodeLimit: 50,
  maxPerNodeLimit: 500,
} as const;

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

  const nodes = new Map<string, EntityRecord>();
  const relationships = new Map<string, RelationshipRecord>();
  const omitted = new Map<string, number>();
  let truncated = false;

  for (const entity of await ctx.store.getEntities(seeds, ctx.meta)) {
    if (nodes.size >= limit) {
      truncated = true;
      break;
    }
    nodes.set(entity.id, entity);
  }

  let frontier = [...nodes.keys()];
  for (let level = 1; level <= depth && frontier.length > 0; level += 1) {
    const adjacency = await ctx.store.adjacent(
      { ids: frontier, perNodeLimit, ...(relTypes ? { relTypes } : {}) },
      ctx.scope,
      ctx.meta,
    );
    for (const [id, count] of Object.entries(adjacency.omitted)) {
      if (count > 0) {
        omitted.set(id, count);
        truncated = true;
      }
    }
    // Admit new nodes in the order the store returned their relationships, up to the limit.
    const admitted = new Set<string>();
    const candidates: RelationshipRecord[] = [];
    for (const rel of adjacency.relationships) {
      const ends = [rel.source, rel.target].filter((id) => !nodes.has(id) && !admitted.has(id));
      if (nodes.size + admitted.size + ends.length > limit) {
        truncated = true;
        continue;
      }
      for (const id of ends) admitted.add(id);
      candidates.push(rel);
    }
    const fetched = await ctx.store.getEntities([...admitted], ctx.meta);
    for (const entity of fetched) nodes.set(entity.id, entity);
    for (const rel of candidates) {
      if (nodes.has(rel.source) && nodes.has(rel.target)) relationships.set(rel.id, rel);
    }
    frontier = fetched.map((e) => e.id);
  }

  return {
    nodes: [...nodes.values()],
    relationships: [...relationships.values()],
    truncated,
    omitted: [...omitted].map(([id, count]) => ({ id, count })),
  };
}
