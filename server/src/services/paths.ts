/**
 * Shortest paths between two entities, ignoring direction: a bidirectional
 * breadth-first search over store.adjacent. Each round expands the smaller of the
 * two frontiers by one whole level (one batched adjacency read per chunk), so
 * between two hubs it touches far less of the graph than a one-sided search.
 * When the searches meet, every shortest path runs through a meeting node; paths
 * are enumerated from both parent maps up to `limit`.
 */
import { LimitExceededError, NotFoundError } from '../errors.ts';
import type { EntityRecord, RelationshipRecord } from '../store/GraphStore.ts';
import type { ReadContext } from './explore-context.ts';
import { entityId, intInRange } from './validate.ts';

export interface PathsInput {
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
  /** Nodes one side may hold in its frontier before the search gives up. */
  maxFrontier: 20_000,
  /** Relationships read per node; a path through a larger hub may be missed. */
  perNodeLimit: 1000,
  /** Frontier ids per adjacency call. */
  batchSize: 500,
} as const;

interface Step {
  readonly previous: string;
  readonly rel: RelationshipRecord;
}

/** One side of the search: distances from its root and every shortest-path parent. */
interface Side {
  readonly root: string;
  readonly name: 'from' | 'to';
  readonly depth: Map<string, number>;
  readonly parents: Map<string, Step[]>;
  frontier: string[];
  level: number;
}

const newSide = (root: string, name: Side['name']): Side => ({
  root,
  name,
  depth: new Map([[root, 0]]),
  parents: new Map(),
  frontier: [root],
  level: 0,
});

async function expand(ctx: ReadContext, side: Side): Promise<void> {
  const next: string[] = [];
  const nextLevel = side.level + 1;
  for (let start = 0; start < side.frontier.length; start += PATH_LIMITS.batchSize) {
    const ids = side.frontier.slice(start, start + PATH_LIMITS.batchSize);
    const { relationships } = await ctx.store.adjacent(
      { ids, perNodeLimit: PATH_LIMITS.perNodeLimit },
      ctx.scope,
      ctx.meta,
    );
    for (const rel of relationships) {
      for (const [here, there] of [
        [rel.source, rel.target],
        [rel.target, rel.source],
      ] as const) {
        if (side.depth.get(here) !== side.level) continue;
        const known = side.depth.get(there);
        if (known === undefined) {
          side.depth.set(there, nextLevel);
          side.parents.set(there, [{ previous: here, rel }]);
          next.push(there);
        } else if (known === nextLevel && !side.parents.get(there)?.some((s) => s.rel.id === rel.id)) {
          side.parents.get(there)?.push({ previous: here, rel });
        }
      }
    }
  }
  if (next.length > PATH_LIMITS.maxFrontier) {
    throw new LimitExceededError(
      `The path search reached more than ${PATH_LIMITS.maxFrontier} entities at distance ${nextLevel} from "${side.root}" (${side.name}). Lower maxLength or pick less connected endpoints.`,
    );
  }
  side.frontier = next;
  side.level = nextLevel;
}

/** Every chain of steps from `node` back to the side's root, at most `limit` of them. */
function chains(side: Side, node: string, limit: number): Step[][] {
  if (node === side.root) return [[]];
  const out: Step[][] = [];
  for (const step of side.parents.get(node) ?? []) {
    for (const rest of chains(side, step.previous, limit - out.length)) {
      out.push([...rest, step]);
      if (out.length >= limit) return out;
    }
  }
  return out;
}

interface RawPath {
  readonly nodeIds: string[];
  readonly rels: RelationshipRecord[];
}

function joinAt(sides: { from: Side; to: Side }, meeting: string, limit: number): RawPath[] {
  const out: RawPath[] = [];
  for (const head of chains(sides.from, meeting, limit)) {
    for (const tailReversed of chains(sides.to, meeting, limit - out.length)) {
      const tail = [...tailReversed].reverse();
      const nodeIds = [sides.from.root, ...head.map((s) => otherEnd(s)), ...tail.map((s) => s.previous)];
      out.push({ nodeIds, rels: [...head.map((s) => s.rel), ...tail.map((s) => s.rel)] });
      if (out.length >= limit) return out;
    }
  }
  return out;
}

/** The node a step arrives at (its relationship's end that is not `previous`). */
const otherEnd = (step: Step): string => (step.rel.source === step.previous ? step.rel.target : step.rel.source);

export async function shortestPaths(ctx: ReadContext, input: PathsInput): Promise<PathResult[]> {
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

  const ends = await ctx.store.getEntities(from === to ? [from] : [from, to], ctx.meta);
  for (const [name, id] of [
    ['from', from],
    ['to', to],
  ] as const) {
    if (!ends.some((e) => e.id === id)) throw new NotFoundError(`${name}: no entity with id "${id}"`);
  }
  if (from === to) return [{ nodes: ends, relationships: [], length: 0 }];

  const sides = { from: newSide(from, 'from'), to: newSide(to, 'to') };
  let meetings: string[] = [];
  while (sides.from.level + sides.to.level < maxLength) {
    if (sides.from.frontier.length === 0 || sides.to.frontier.length === 0) return [];
    const side = sides.from.frontier.length <= sides.to.frontier.length ? sides.from : sides.to;
    const other = side === sides.from ? sides.to : sides.from;
    await expand(ctx, side);
    meetings = side.frontier.filter((id) => other.depth.has(id));
    if (meetings.length > 0) break;
  }
  if (meetings.length === 0) return [];

  const raw: RawPath[] = [];
  for (const meeting of meetings.sort()) {
    raw.push(...joinAt(sides, meeting, limit - raw.length));
    if (raw.length >= limit) break;
  }
  const entities = new Map(
    (await ctx.store.getEntities([...new Set(raw.flatMap((p) => p.nodeIds))], ctx.meta)).map((e) => [e.id, e]),
  );
  return raw
    .filter((p) => p.nodeIds.every((id) => entities.has(id)))
    .map((p) => ({
      nodes: p.nodeIds.map((id) => entities.get(id)).filter((e): e is EntityRecord => e !== undefined),
      relationships: p.rels,
      length: p.rels.length,
    }));
}
