/**
 * Search on a real Neo4j (its full-text index, Lucene prefix and fuzzy queries),
 * then the same queries on both stores side by side: the top hits must agree.
 * Run by `npm run test:neo4j`; the database must be a disposable one (it is wiped).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KuzuProcessStore } from '../../server/src/store/kuzu/process/KuzuProcessStore.ts';
import { Neo4jStore } from '../../server/src/store/neo4j/Neo4jStore.ts';
import { SEARCH_QUERIES, defineSearchBehaviour, loadSearchGraph, topHits } from '../helpers/search-behaviour.ts';
import { defineDemoSearchBehaviour, loadDemoData } from '../helpers/search-demo-behaviour.ts';
import { quietLogger } from '../support/quiet-logger.ts';

const uri = process.env.NEO4J_URI ?? '';
const user = process.env.NEO4J_USER ?? 'neo4j';
const password = process.env.NEO4J_PASSWORD ?? '';
const database = process.env.NEO4J_DATABASE ?? 'neo4j';

/** Deletes everything (in batches, which only an implicit transaction may run). */
async function wipe(): Promise<void> {
  const admin = neo4j.driver(uri, neo4j.auth.basic(user, password));
  const session = admin.session({ database });
  try {
    await session.run('MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS');
  } finally {
    await session.close();
    await admin.close();
  }
}

describe.skipIf(!uri)('search on Neo4j', () => {
  let store: Neo4jStore;
  beforeAll(async () => {
    await wipe();
    store = new Neo4jStore({ logger: quietLogger, uri, user, password, database });
    await loadSearchGraph(store);
  });
  afterAll(async () => {
    await store.close();
    await wipe();
  });

  defineSearchBehaviour(() => store);
});

describe.skipIf(!uri)('search on the demo data, Neo4j', () => {
  let store: Neo4jStore;
  beforeAll(async () => {
    await wipe();
    store = new Neo4jStore({ logger: quietLogger, uri, user, password, database });
    await loadDemoData(store);
  });
  afterAll(async () => {
    await store.close();
    await wipe();
  });

  defineDemoSearchBehaviour(() => store);
});

describe.skipIf(!uri)('search on both stores (differential)', () => {
  let neo: Neo4jStore;
  let kuzu: KuzuProcessStore;
  let dataDir: string;
  beforeAll(async () => {
    await wipe();
    neo = new Neo4jStore({ logger: quietLogger, uri, user, password, database });
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'maillon-search-diff-'));
    kuzu = new KuzuProcessStore({ logger: quietLogger, dataDir, queryTimeoutMs: 60_000 });
    await Promise.all([loadSearchGraph(neo), loadSearchGraph(kuzu)]);
  });
  afterAll(async () => {
    await Promise.all([neo.close(), kuzu.close()]);
    fs.rmSync(dataDir, { recursive: true, force: true });
    await wipe();
  });

  it('gives the same top hits, with the same scores, for names, aliases, accents, prefixes and typos', async () => {
    for (const query of SEARCH_QUERIES) {
      expect(await topHits(neo, query), JSON.stringify(query)).toEqual(await topHits(kuzu, query));
    }
  });
});
