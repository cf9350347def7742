/**
 * "After a start or an import, expansions answer DB_UNAVAILABLE while the
 * adjacency snapshot is rebuilt": an expansion asked while the snapshot builds
 * is answered from Kùzu queries, and gives what the snapshot gives once built.
 * `snapshotWaitMs: 0` stands for a build longer than any wait (10–15 s at 1 M people).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../server/src/logger.ts';
import type { NeighbourhoodQuery, Subgraph } from '../../server/src/store/ports/GraphReads.ts';
import type { ReadScope } from '../../server/src/store/ports/read-scope.ts';
import { KuzuStore } from '../../server/src/store/kuzu/KuzuStore.ts';
import { META, loadSearchGraph, statementsOf } from '../helpers/search-behaviour.ts';

const CLEARED: ReadScope = { hiddenRelTypes: [] };
const UNCLEARED: ReadScope = { hiddenRelTypes: ['IDENTIFIES_AS'] };

const logger = createLogger('snapshot-window-test');
logger.level = 'warn';

const sorted = (graph: Subgraph) => ({
  nodes: graph.nodes.map((n) => n.id).sort(),
  relationships: graph.relationships.map((r) => r.id).sort(),
  truncated: graph.truncated,
});

describe('expansions while the adjacency snapshot builds', () => {
  let dataDir: string;
  let store: KuzuStore;
  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'maillon-window-'));
    store = new KuzuStore({ dataDir, logger, bufferPoolMb: 256, snapshotWaitMs: 0 });
    await loadSearchGraph(store);
    await store.runImport(
      statementsOf([
        "MATCH (a:Person {id: 'p-herve'}), (b:Person {id: 'p-djeha'}) CREATE (a)-[:ASSOCIATE_OF {id: 'r-a1'}]->(b)",
        "MATCH (a:Person {id: 'p-mimosa'}), (b:Person {id: 'p-herve'}) CREATE (a)-[:FAMILY_OF {id: 'r-f1'}]->(b)",
        "MATCH (a:Person {id: 'p-djeha'}), (b:Organization {id: 'o-djeha'}) CREATE (a)-[:MEMBER_OF {id: 'r-m1'}]->(b)",
      ]),
      { dryRun: false, meta: META },
    );
  });
  afterAll(async () => {
    await store.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('are answered right after an import, and as the built snapshot answers them', async () => {
    const query: NeighbourhoodQuery = { seeds: ['p-herve'], depth: 2, limit: 50, perNodeLimit: 50 };
    for (const scope of [CLEARED, UNCLEARED]) {
      // Each import drops the snapshot; the next expansion finds none built.
      await store.runImport(
        statementsOf([`CREATE (:Document {id: 'doc-${scope.hiddenRelTypes.length}', name: 'd'})`]),
        {
          dryRun: false,
          meta: META,
        },
      );
      const during = await store.neighbourhood(query, scope, META);
      await new Promise((resolve) => setTimeout(resolve, 1500));
      const after = await store.neighbourhood(query, scope, META);
      expect(sorted(during)).toEqual(sorted(after));
    }
  });
});
