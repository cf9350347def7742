/**
 * Shortest paths between two entities, ignoring direction. The store does the
 * search in one call (the embedded store over its in-memory adjacency snapshot,
 * Neo4j with allShortestPaths); this service validates the arguments and says
 * which end is missing.
 */
import { NotFoundError } from '../errors.ts';
import type { EntityRecord, RelationshipRecord } from '../model/records.ts';
import { MAX_PATH_FRONTIER } from '../store/traversal/snapshot-reads.ts';
import type { GraphReads } from '../store/ports/GraphReads.ts';
import type { ReadContext } from './explore-context.ts';
import type { ShortestPathQuery } from '../store/ports/GraphReads.ts';
import { entityId, intInRange, nodeLabels, relTypes } from './validate.ts';

/** What a path may not pass through, as a client sends it. */
export interface PathExclusions {
  readonly excludeLabels?: readonly string[] | null | undefined;
  readonly excludeTypes?: readonly string[] | null | undefined;
}

export interface PathsInput extends PathExclusions {
  readonly from: string;
  readonly to: string;
  readonly maxLength?: number | null | undefined;
  readonly limit?: number | null | undefined;
}

export interface PathResult {
  readonly nodes: EntityRecord[];
  readonly relationships: RelationshipRecord[];
  readonly length: number;
}

export const PATH_LIMITS = {
  maxLength: 8,
  defaultMaxLength: 6,
  maxPaths: 20,
  defaultPaths: 5,
  /** Nodes one side of the embedded store's search may hold in its frontier before it gives up. */
  maxFrontier: MAX_PATH_FRONTIER,
} as const;

/** The one read the search needs: a resolver hands its ReadContext, a test one method. */
export type PathsContext = Omit<ReadContext, 'store'> & { readonly store: Pick<GraphReads, 'shortestPaths'> };

export async function shortestPaths(ctx: PathsContext, input: PathsInput): Promise<PathResult[]> {
  const from = entityId('from', input.from);
  const to = entityId('to', input.to);
  const maxLength = intInRange({
    name: 'maxLength',
    value: input.maxLength ?? PATH_LIMITS.defaultMaxLength,
    min: 1,
    max: PATH_LIMITS.maxLength,
  });
  const limit = intInRange({
    name: 'limit',
    value: input.limit ?? PATH_LIMITS.defaultPaths,
    min: 1,
    max: PATH_LIMITS.maxPaths,
  });

  const query = { from, to, maxLength, limit, ...checkedExclusions(input) };
  const found = await ctx.store.shortestPaths(query, ctx.scope, ctx.meta);
  if (found.kind === 'missing') {
    const id = found.end === 'from' ? from : to;
    throw new NotFoundError(`${found.end}: no entity with id "${id}"`);
  }
  return found.paths.map((path) => ({ ...path, length: path.relationships.length }));
}

/** Labels and types from the model's allow-list only; an unknown name is refused, naming it. */
export function checkedExclusions(input: PathExclusions): Pick<ShortestPathQuery, 'excludeLabels' | 'excludeTypes'> {
  const excludeLabels = nodeLabels('excludeLabels', input.excludeLabels);
  const excludeTypes = relTypes('excludeTypes', input.excludeTypes);
  return { ...(excludeLabels ? { excludeLabels } : {}), ...(excludeTypes ? { excludeTypes } : {}) };
}
