/**
 * "Find connections" among a set of entities: the shortest paths between every
 * pair, each pair searched like `paths`, all returned together. Bounded three
 * ways so a selection cannot become a bulk read: at most MAX_ENTITIES ends
 * (so at most 28 pair searches), a short default length, and few paths per pair.
 */
import { LimitExceededError, NotFoundError, UserInputError } from '../errors.ts';
import { checkedSearch, type PathExclusions, type PathResult, type PathsContext } from './paths.ts';
import { entityId } from './validate.ts';

export interface ConnectionsInput extends PathExclusions {
  readonly ids: readonly string[];
  readonly maxLength?: number | null | undefined;
  /** Paths per pair. */
  readonly limit?: number | null | undefined;
}

const CONNECTION_LIMITS = {
  maxEntities: 8,
  defaultMaxLength: 4,
  maxPathsPerPair: 5,
  defaultPathsPerPair: 1,
} as const;

function checkedIds(values: readonly string[]): string[] {
  const ids = [...new Set(values.map((v) => entityId('ids', v)))];
  if (ids.length < 2) throw new UserInputError('ids must list at least two different entities', { argument: 'ids' });
  if (ids.length > CONNECTION_LIMITS.maxEntities) {
    const pairs = (ids.length * (ids.length - 1)) / 2;
    throw new LimitExceededError(
      `Connections are searched among at most ${CONNECTION_LIMITS.maxEntities} entities; ${ids.length} were given (${pairs} pairs). Select fewer.`,
    );
  }
  return ids;
}

/** Every pair's shortest paths, pair by pair in the order of `ids`; pairs with no path give none. */
export async function connections(ctx: PathsContext, input: ConnectionsInput): Promise<PathResult[]> {
  const ids = checkedIds(input.ids);
  const search = checkedSearch(input, {
    defaultMaxLength: CONNECTION_LIMITS.defaultMaxLength,
    defaultLimit: CONNECTION_LIMITS.defaultPathsPerPair,
    maxLimit: CONNECTION_LIMITS.maxPathsPerPair,
  });
  const out: PathResult[] = [];
  // One pair at a time: the store's own deadline and frontier cap bound each search.
  for (const [i, from] of ids.entries()) {
    for (const to of ids.slice(i + 1)) {
      const found = await ctx.store.shortestPaths({ from, to, ...search }, ctx.scope, ctx.meta);
      if (found.kind === 'missing') {
        throw new NotFoundError(`ids: no entity with id "${found.end === 'from' ? from : to}"`);
      }
      out.push(...found.paths.map((path) => ({ ...path, length: path.relationships.length })));
    }
  }
  return out;
}
