/**
 * Which store the integration tests run on. The `integration` project runs them on the
 * embedded store; the `neo4j` project sets MAILLON_TEST_STORE=neo4j and the same files run
 * on the real Neo4j that `npm run test:neo4j` starts (or NEO4J_URI names). Community Edition
 * has one user database, so the graph is wiped before each store is handed out and the
 * project runs its files one at a time.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import type { GraphStore } from '../../server/src/store/GraphStore.ts';
import { KuzuStore } from '../../server/src/store/kuzu/KuzuStore.ts';
import { Neo4jStore } from '../../server/src/store/neo4j/Neo4jStore.ts';
import { quietLogger } from './quiet-logger.ts';

export type StoreKind = 'kuzu' | 'neo4j';

export const STORE_UNDER_TEST: StoreKind = process.env.MAILLON_TEST_STORE === 'neo4j' ? 'neo4j' : 'kuzu';
export const onNeo4j = STORE_UNDER_TEST === 'neo4j';

export interface Neo4jConnection {
  readonly uri: string;
  readonly user: string;
  readonly password: string;
  readonly database: string;
}

export function neo4jConnection(): Neo4jConnection {
  const uri = process.env.NEO4J_URI;
  if (!uri) throw new Error('MAILLON_TEST_STORE=neo4j needs NEO4J_URI (npm run test:neo4j starts a Neo4j and sets it)');
  return {
    uri,
    user: process.env.NEO4J_USER ?? 'neo4j',
    password: process.env.NEO4J_PASSWORD ?? '',
    database: process.env.NEO4J_DATABASE ?? 'neo4j',
  };
}

/** The server's view of the environment for the store under test: Neo4j's variables, or none. */
export function storeEnv(): Record<string, string> {
  if (!onNeo4j) return {};
  const c = neo4jConnection();
  return { NEO4J_URI: c.uri, NEO4J_USER: c.user, NEO4J_PASSWORD: c.password, NEO4J_DATABASE: c.database };
}

/** Deletes every node of the Neo4j database (graph, users, audit), in batches so a large graph cannot exhaust memory. */
export async function wipeNeo4j(): Promise<void> {
  const c = neo4jConnection();
  const driver = neo4j.driver(c.uri, neo4j.auth.basic(c.user, c.password));
  const session = driver.session({ database: c.database });
  try {
    await session.run('MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS');
  } finally {
    await session.close();
    await driver.close();
  }
}

export interface OpenStore {
  readonly store: GraphStore;
  readonly cleanup: () => Promise<void>;
}

/** An empty store of the kind under test, with its schema, and what to call when done with it. */
export async function freshStoreUnderTest(): Promise<OpenStore> {
  if (onNeo4j) {
    await wipeNeo4j();
    const store = new Neo4jStore({ logger: quietLogger, ...neo4jConnection(), queryTimeoutMs: 120_000 });
    await store.ensureSchema();
    return {
      store,
      cleanup: async () => {
        await store.close();
        await wipeNeo4j();
      },
    };
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'maillon-'));
  const store = new KuzuStore({ logger: quietLogger, dataDir, bufferPoolMb: 256 });
  await store.ensureSchema();
  return {
    store,
    cleanup: async () => {
      await store.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
