/**
 * The CaseFileStore contract on a real Neo4j (`npm run test:neo4j` starts one).
 * Each test starts from an empty database, so it refuses one that holds data.
 */
import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { Neo4jStore } from '../../server/src/store/neo4j/Neo4jStore.ts';
import { defineCaseFileContract } from '../contract/case-file-contract.ts';
import { quietLogger } from '../support/quiet-logger.ts';

const uri = process.env.NEO4J_URI ?? '';
const user = process.env.NEO4J_USER ?? 'neo4j';
const password = process.env.NEO4J_PASSWORD ?? '';
const database = process.env.NEO4J_DATABASE ?? 'neo4j';
const admin = uri ? neo4j.driver(uri, neo4j.auth.basic(user, password)) : undefined;

async function wipe(): Promise<void> {
  await admin?.executeQuery('MATCH (n) DETACH DELETE n', {}, { database });
}

describe.skipIf(!uri)('case files on a live Neo4j (needs NEO4J_URI)', () => {
  beforeAll(async () => {
    const result = await admin?.executeQuery('MATCH (n) RETURN count(n) AS n', {}, { database });
    const count = Number(result?.records[0]?.get('n') ?? 0);
    expect(count, `Point NEO4J_URI at an empty, disposable database: ${uri} holds data`).toBe(0);
  });
  afterAll(async () => {
    await wipe();
    await admin?.close();
  });

  defineCaseFileContract('Neo4jStore', async () => {
    await wipe();
    const store = new Neo4jStore({ logger: quietLogger, uri, user, password, database, queryTimeoutMs: 60_000 });
    return {
      store,
      cleanup: async () => {
        await store.close();
        await wipe();
      },
    };
  });
});
