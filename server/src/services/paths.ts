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
  const bounds = { defaultMaxLength: PATH_LIMITS.defaultMaxLength, defaultLimit: PATH_LIMITS.defaultPaths };
  const query = { from, to, ...checkedSearch(input, { ...bounds, maxLimit: PATH_LIMITS.maxPaths }) };
  const found = await ctx.store.shortestPaths(query, ctx.scope, ctx.meta);
  if (found.kind === 'missing') {
    const id = found.end === 'from' ? from : to;
    throw new NotFoundError(`${found.end}: no entity with id "${id}"`);
  }
  return found.paths.map((path) => ({ ...path, length: path.relationships.length }));
}

/**
 * The search's settings, checked: length and count in range, labels and types from the model's
 * allow-list only (an unknown name is refused, naming it).
 */
export function checkedSearch(
  input: PathExclusions & {
    readonly maxLength?: number | null | undefined;
    readonly limit?: number | null | undefined;
  },
  bounds: { readonly defaultMaxLength: number; readonly defaultLimit: number; readonly maxLimit: number },
): Omit<ShortestPathQuery, 'from' | 'to'> {
  const maxLength = intInRange({
    name: 'maxLength',
    value: input.maxLength ?? bounds.defaultMaxLength,
    min: 1,
    max: PATH_LIMITS.maxLength,
  });
  const limit = intInRange({ name: 'limit', value: input.limit ?? bounds.defaultLimit, min: 1, max: bounds.maxLimit });
  const excludeLabels = nodeLabels('excludeLabels', input.excludeLabels);
  const excludeTypes = relTypes('excludeTypes', input.excludeTypes);
  return {
    maxLength,
    limit,
    ...(excludeLabels ? { excludeLabels } : {}),
    ...(excludeTypes ? { excludeTypes } : {}),
  };
}
