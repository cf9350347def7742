/**
 * Picks the adapter from the configuration: Neo4j when NEO4J_URI is set, else the
 * embedded Kùzu store, in a child process with a memory cap so that a runaway
 * query cannot take the API down. Each adapter is loaded only when chosen.
 */
import type { Config } from '../config.ts';
import type { Logger } from '../logger.ts';
import type { GraphStore } from './GraphStore.ts';

export interface StoreUse {
  /** A server keeps read structures warm (the embedded store's adjacency snapshot); a CLI does not need them. */
  readonly serving?: boolean;
}

export async function createStore(config: Config, logger: Logger, use: StoreUse = {}): Promise<GraphStore> {
  const store = await openStore(config, logger, use);
  try {
    await store.ensureSchema();
  } catch (error) {
    await store.close().catch(() => undefined);
    throw error;
  }
  return store;
}

async function openStore(config: Config, logger: Logger, use: StoreUse): Promise<GraphStore> {
  if (config.neo4j) {
    const { Neo4jStore } = await import('./neo4j/Neo4jStore.ts');
    logger.info({ uri: config.neo4j.uri, database: config.neo4j.database }, 'using Neo4j');
    return new Neo4jStore({ ...config.neo4j, queryTimeoutMs: config.queryTimeoutMs, logger });
  }
  const { KuzuProcessStore } = await import('./kuzu/process/KuzuProcessStore.ts');
  logger.info({ dataDir: config.dataDir, memoryLimitMb: config.kuzuMemoryLimitMb }, 'using the embedded Kùzu store');
  return new KuzuProcessStore({
    dataDir: config.dataDir,
    queryTimeoutMs: config.queryTimeoutMs,
    memoryLimitMb: config.kuzuMemoryLimitMb,
    // Half the cap for Kùzu's page cache leaves room for query working memory below the kill line.
    bufferPoolMb: Math.floor(config.kuzuMemoryLimitMb / 2),
    eagerSnapshot: use.serving === true,
    lazySearchIndex: use.serving !== true,
    logger,
  });
}
