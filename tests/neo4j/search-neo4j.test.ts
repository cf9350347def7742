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
import { NODE_LABELS } from '../../server/src/model/index.ts';
import { SEARCH_INDEX } from '../../server/src/store/neo4j/queries.ts';
import { META, SEARCH_QUERIES, defineSearchBehaviour, loadSearchGraph, topHits } from '../helpers/search-behaviour.ts';
import { defineDemoSearchBehaviour, loadDemoData } from '../helpers/search-demo-behaviour.ts';
import { quietLogger } from '../support/quiet-logger.ts';

const uri = process.env.NEO4J_URI ?? '';
const user = process.env.NEO4J_USER ?? 'neo4j';
const password = process.env.NEO4J_PASSWORD ?? '';
const database = process.env.NEO4J_DATABASE ?? 'neo4j';

/** Runs one statement outside the store, as an operator would in cypher-shell. */
async function runAsAdmin(statement: string): Promise<Array<Record<string, unknown>>> {
  const admin = neo4j.driver(uri, neo4j.auth.basic(user, password));
  const session = admin.session({ database });
  try {
    return (await session.run(statement)).records.map((record) => record.toObject());
  } finally {
    await session.close();
    await admin.close();
  }
}

/** Deletes everything (in batches, which only an implicit transaction may run). */
async function wipe(): Promise<void> {
  await runAsAdmin('MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS');
}

describe.skipIf(!uri)('a database whose search index predates descriptions', () => {
  let store: Neo4jStore | undefined;
  afterAll(async () => {
    await store?.close();
    await wipe();
  });

  it('gets the index rebuilt over descriptions at start, so "reservist" finds the reservist', async () => {
    await wipe();
    await runAsAdmin(`DROP INDEX ${SEARCH_INDEX} IF EXISTS`);
    await runAsAdmin(
      `CREATE FULLTEXT INDEX ${SEARCH_INDEX} FOR (n:${NODE_LABELS.join('|')}) ON EACH [n.name, n.aliases] ` +
        "OPTIONS { indexConfig: { `fulltext.analyzer`: 'standard-folding' } }",
    );
    store = new Neo4jStore({ logger: quietLogger, uri, user, password, database });
    await loadSearchGraph(store);
    const [shape] = await runAsAdmin(
      `SHOW FULLTEXT INDEXES YIELD name, properties WHERE name = '${SEARCH_INDEX}' RETURN properties`,
    );
    expect(shape?.properties).toEqual(['name', 'aliases', 'description']);
    expect((await store.search({ text: 'reservist', limit: 10 }, META)).map((hit) => hit.entity.id)).toEqual([
      'p-locksmith',
      'e-revelations',
    ]);
  });
});

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

  it('gives the same top hits, with the same scores, for names, aliases, accents, prefixes, typos and descriptions', async () => {
    for (const query of SEARCH_QUERIES) {
      expect(await topHits(neo, query), JSON.stringify(query)).toEqual(await topHits(kuzu, query));
    }
  });
});
