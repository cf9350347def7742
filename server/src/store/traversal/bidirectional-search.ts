/**
 * Every shortest path between two nodes, ignoring direction: a breadth-first
 * search from both ends. Each round expands the smaller frontier by one whole
 * level, so between two hubs it touches far less of the graph than a one-sided
 * search. When the searches meet, every shortest path crosses the new frontier at
 * exactly one meeting node; paths are enumerated from both parent maps up to
 * `limit`. Works on node and relationship indexes; the caller maps them to records.
 */
import { LimitExceededError } from '../../errors.ts';

/** What the search walks: the neighbours of a node over the relationships it may follow. */
export interface Walkable {
  forEachNeighbour(node: number, visit: (other: number, rel: number) => void): void;
}

export interface SearchEnds {
  readonly from: number;
  readonly to: number;
  readonly maxLength: number;
  readonly limit: number;
  /** Nodes one side may reach at one distance before the search gives up. */
  readonly maxFrontier: number;
  /** How to name the ends in an error message. */
  readonly describe: (node: number) => string;
}

export interface IndexPath {
  readonly nodes: number[];
  readonly rels: number[];
}

interface Step {
  readonly previous: number;
  readonly rel: number;
}

interface Side {
  readonly root: number;
  readonly name: 'from' | 'to';
  readonly depth: Map<number, number>;
  readonly parents: Map<number, Step[]>;
  frontier: number[];
  level: number;
}

const newSide = (root: number, name: Side['name']): Side => ({
  root,
  name,
  depth: new Map([[root, 0]]),
  parents: new Map(),
  frontier: [root],
  level: 0,
});

function expand(graph: Walkable, side: Side, ends: SearchEnds): void {
  const next: number[] = [];
  const nextLevel = side.level + 1;
  for (const here of side.frontier) {
    graph.forEachNeighbour(here, (there, rel) => {
      const known = side.depth.get(there);
      if (known === undefined) {
        side.depth.set(there, nextLevel);
        side.parents.set(there, [{ previous: here, rel }]);
        next.push(there);
      } else if (known === nextLevel) {
        const steps = side.parents.get(there);
        // A relationship between two frontier nodes is met from both; keep it once per end.
        if (steps && !steps.some((s) => s.rel === rel && s.previous === here)) steps.push({ previous: here, rel });
      }
    });
    if (next.length > ends.maxFrontier) {
      throw new LimitExceededError(
        `The path search reached more than ${ends.maxFrontier} entities at distance ${nextLevel} from "${ends.describe(side.root)}" (${side.name}). Lower maxLength or pick less connected endpoints.`,
      );
    }
  }
  side.frontier = next;
  side.level = nextLevel;
}

/** Every chain of steps from the side's root to `node`, at most `limit` of them. */
function chains(side: Side, node: number, limit: number): Step[][] {
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

function joinAt(sides: { from: Side; to: Side }, meeting: number, limit: number): IndexPath[] {
  const out: IndexPath[] = [];
  for (const head of chains(sides.from, meeting, limit)) {
    for (const tailReversed of chains(sides.to, meeting, limit - out.length)) {
      const tail = [...tailReversed].reverse();
      out.push({
        nodes: [
          sides.from.root,
          ...head.map((_s, i) => head[i + 1]?.previous ?? meeting),
          ...tail.map((s) => s.previous),
        ],
        rels: [...head.map((s) => s.rel), ...tail.map((s) => s.rel)],
      });
      if (out.length >= limit) return out;
    }
  }
  return out;
}

/** Shortest paths from `ends.from` to `ends.to` (distinct nodes), fewest relationships first found. */
export function bidirectionalSearch(graph: Walkable, ends: SearchEnds): IndexPath[] {
  const sides = { from: newSide(ends.from, 'from'), to: newSide(ends.to, 'to') };
  let meetings: number[] = [];
  while (sides.from.level + sides.to.level < ends.maxLength) {
    if (sides.from.frontier.length === 0 || sides.to.frontier.length === 0) return [];
    const side = sides.from.frontier.length <= sides.to.frontier.length ? sides.from : sides.to;
    const other = side === sides.from ? sides.to : sides.from;
    expand(graph, side, ends);
    meetings = side.frontier.filter((node) => other.depth.has(node));
    if (meetings.length > 0) break;
  }
  const paths: IndexPath[] = [];
  for (const meeting of meetings.sort((a, b) => a - b)) {
    paths.push(...joinAt(sides, meeting, ends.limit - paths.length));
    if (paths.length >= ends.limit) break;
  }
  return paths;
}
