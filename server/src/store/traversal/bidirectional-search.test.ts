import { describe, expect, it } from 'vitest';
import { ErrorCode, type MaillonError } from '../../errors.ts';
import { SnapshotBuilder, typeMask, type AdjacencySnapshot } from './AdjacencySnapshot.ts';
import { bidirectionalSearch, type IndexPath } from './bidirectional-search.ts';

function graph(edges: ReadonlyArray<readonly [string, string]>): AdjacencySnapshot {
  const builder = new SnapshotBuilder();
  edges.forEach(([a, b], ref) => {
    const source = builder.addNode(a, 'Person');
    const target = builder.addNode(b, 'Person');
    builder.addRelationship({ ref, type: 'ASSOCIATE_OF', source, target });
  });
  return builder.finish();
}

/** Runs the search and records which nodes it expanded. */
function search(snapshot: AdjacencySnapshot, from: string, to: string, options: { maxFrontier?: number } = {}) {
  const expanded: string[] = [];
  const mask = typeMask({ hiddenRelTypes: [] });
  const index = (id: string): number => snapshot.indexOf(id) ?? -1;
  const paths = bidirectionalSearch(
    {
      forEachNeighbour: (node, visit) => {
        expanded.push(snapshot.idOf(node));
        snapshot.forEachNeighbour(node, mask, visit);
      },
    },
    {
      from: index(from),
      to: index(to),
      maxLength: 8,
      limit: 20,
      maxFrontier: options.maxFrontier ?? 20_000,
      describe: (node) => snapshot.idOf(node),
    },
  );
  const named = (p: IndexPath): string => p.nodes.map((n) => snapshot.idOf(n)).join('>');
  return { paths: paths.map(named), expanded };
}

describe('bidirectionalSearch', () => {
  it('expands the smaller frontier: the hub side is not walked past its first level', () => {
    const edges: Array<[string, string]> = Array.from({ length: 300 }, (_, i) => ['hub', `leaf${i}`]);
    edges.push(['leaf7', 'x'], ['x', 'y']);
    const { paths, expanded } = search(graph(edges), 'hub', 'y');
    expect(paths).toEqual(['hub>leaf7>x>y']);
    expect(expanded.filter((id) => id === 'hub')).toHaveLength(1);
    // The 300 leaves of the hub side were never expanded: the small side walked to meet them.
    expect(expanded).not.toContain('leaf0');
  });

  it('lists nodes in walking order whichever side met the other', () => {
    const { paths } = search(
      graph([
        ['a', 'b'],
        ['c', 'b'],
        ['c', 'd'],
      ]),
      'd',
      'a',
    );
    expect(paths).toEqual(['d>c>b>a']);
  });

  it('names the end whose frontier grew too large', () => {
    const edges: Array<[string, string]> = Array.from({ length: 5 }, (_, i) => ['s', `m${i}`]);
    edges.push(['t', 'u'], ['u', 'v'], ['v', 'w']);
    const error = (() => {
      try {
        return search(graph(edges), 's', 't', { maxFrontier: 3 });
      } catch (e) {
        return e;
      }
    })() as MaillonError;
    expect(error.code).toBe(ErrorCode.LIMIT_EXCEEDED);
    expect(error.message).toBe(
      'The path search reached more than 3 entities at distance 1 from "s" (from). Lower maxLength or pick less connected endpoints.',
    );
  });
});
