/**
 * The path search on a graph too wide to search. The other cases run in the store contract
 * (tests/support/store-contract/explore-services-contract.ts) on the real stores; this one
 * needs half a million entities, so it stands on the one read the service uses, answered by
 * the embedded store's own search over an in-memory snapshot.
 */
import { describe, expect, it } from 'vitest';
import { ErrorCode, type MaillonError } from '../errors.ts';
import { SnapshotBuilder } from '../store/traversal/AdjacencySnapshot.ts';
import { shortestPathsFromSnapshot } from '../store/traversal/snapshot-reads.ts';
import { PATH_LIMITS, shortestPaths, type PathsContext } from './paths.ts';

/** Only the shortestPaths read, over a snapshot of `edges` (records are never fetched: the search gives up first). */
function searchOnly(edges: ReadonlyArray<readonly [string, string]>): PathsContext {
  const builder = new SnapshotBuilder();
  const node = (id: string) => builder.addNode(id, 'Person');
  edges.forEach(([source, target], ref) =>
    builder.addRelationship({ ref, type: 'ASSOCIATE_OF', source: node(source), target: node(target) }),
  );
  const snapshot = builder.finish();
  const fetch = { entities: async () => [], relationships: async () => [] };
  return {
    store: { shortestPaths: (query, scope) => shortestPathsFromSnapshot(snapshot, query, scope, fetch) },
    scope: { hiddenRelTypes: [] },
    meta: { user: 'test', operation: 'paths' },
  };
}

describe('shortestPaths', () => {
  it('gives up with LIMIT_EXCEEDED when a frontier grows too large', async () => {
    // Two layers of fan-out reach more than maxFrontier nodes.
    const fan = Math.ceil(Math.sqrt(PATH_LIMITS.maxFrontier)) + 2;
    const edges: Array<[string, string]> = [];
    for (let i = 0; i < fan; i += 1) {
      edges.push(['s', `m${i}`]);
      for (let j = 0; j < fan; j += 1) edges.push([`m${i}`, `l${i}-${j}`]);
    }
    for (let i = 0; i < fan; i += 1) {
      edges.push(['t', `n${i}`]);
      for (let j = 0; j < fan; j += 1) edges.push([`n${i}`, `k${i}-${j}`]);
    }
    const error = await shortestPaths(searchOnly(edges), { from: 's', to: 't', maxLength: 8 }).catch((e: unknown) => e);
    expect((error as MaillonError).code).toBe(ErrorCode.LIMIT_EXCEEDED);
    expect((error as Error).message).toContain(`more than ${PATH_LIMITS.maxFrontier} entities`);
    // Half a million entities to build on two shared cores.
  }, 120_000);
});
