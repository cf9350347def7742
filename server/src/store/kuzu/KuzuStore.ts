/**
 * The embedded GraphStore: Kùzu on disk under `${dataDir}/kuzu`.
 *
 * Concurrency: Kùzu allows one write transaction at a time and a connection
 * must not run two queries at once. Writes (imports, users, audit, schema) go
 * through one write connection, serialised by its queue, so an audit append
 * waits for a running import instead of failing. Reads go through separate
 * read connections with their own queues (and the query timeout): they proceed
 * during an import and see the last committed state.
 *
 * Kùzu has no transaction metadata, so `TxMeta` is not used here; the import
 * log line names the user.
 */
import fs from 'node:fs';
import path from 'node:path';
import kuzu from 'kuzu';
import type { Database } from 'kuzu';
import { createLogger, type Logger } from '../../logger.ts';
import type {
  Adjacency,
  AdjacencyQuery,
  AuditFilter,
  AuditRecord,
  EntityRecord,
  GraphStore,
  ImportOptions,
  ImportOutcome,
  ImportStatements,
  NeighbourhoodQuery,
  ReadScope,
  RelationshipRecord,
  RelationshipScan,
  SearchHit,
  SearchQuery,
  ShortestPathQuery,
  ShortestPaths,
  StoreStats,
  Subgraph,
  TxMeta,
  UserRecord,
} from '../GraphStore.ts';
import { StoreUnavailableError } from '../../errors.ts';
import { adjacent } from './adjacency.ts';
import { countNodes, getEntities, scanRelationships, stats } from './entity-reads.ts';
import { runImport } from './import.ts';
import { KuzuConnection } from './KuzuConnection.ts';
import { ensureSchema } from './schema.ts';
import { cachedRecordFetch } from './record-cache.ts';
import { entitiesByKey, kuzuRecordFetch } from './record-fetch.ts';
import { search } from './search.ts';
import { SearchIndexCache } from './search-index-cache.ts';
import { searchIndexed } from './search-indexed.ts';
import { SnapshotCache } from './snapshot.ts';
import type { AdjacencySnapshot } from '../traversal/AdjacencySnapshot.ts';
import { neighbourhoodByQueries } from '../traversal/neighbourhood-by-queries.ts';
import { neighbourhoodFromSnapshot, shortestPathsFromSnapshot, type RecordFetch } from '../traversal/snapshot-reads.ts';
import * as accounts from './users-audit.ts';

/**
 * Reads run on two connections side by side: measured on 2 cores, ten concurrent
 * user lookups take 45 % of the time they take on one connection, and a table
 * scan beside another 75 %. More connections than cores only add queueing in Kùzu.
 */
const READ_CONNECTIONS = 2;

/** See KuzuStoreOptions.snapshotWaitMs. */
const SNAPSHOT_WAIT_MS = 1_000;

/** A search waits this long for the name index being built before it scans instead (2 s a query at 1 M people). */
const SEARCH_INDEX_WAIT_MS = 1_000;

export interface KuzuStoreOptions {
  readonly dataDir: string;
  readonly logger?: Logger;
  /** Read queries running longer are stopped with QUERY_TIMEOUT. Default 30 s. */
  readonly queryTimeoutMs?: number;
  /** Kùzu buffer pool; pages beyond it are evicted to disk. Default 1024 MB. */
  readonly bufferPoolMb?: number;
  /**
   * Build the adjacency snapshot as soon as the schema is ensured and after
   * every committed import, so that the first expansion does not wait for it
   * (the server's store process). Command-line tools leave it lazy.
   */
  readonly eagerSnapshot?: boolean;
  /**
   * How long an expansion waits for a snapshot being built before it is answered
   * from Kùzu queries instead (slower, never refused). Default 1 s.
   */
  readonly snapshotWaitMs?: number;
}

export class KuzuStore implements GraphStore {
  readonly kind = 'kuzu' as const;
  private readonly database: Database;
  private readonly writer: KuzuConnection;
  private readonly reader: KuzuConnection;
  private readonly logger: Logger;
  private readonly snapshot: SnapshotCache;
  private readonly searchIndex: SearchIndexCache;
  private readonly snapshotWaitMs: number;

  constructor(options: KuzuStoreOptions) {
    this.logger = options.logger ?? createLogger('kuzu-store');
    fs.mkdirSync(options.dataDir, { recursive: true });
    const databasePath = path.join(options.dataDir, 'kuzu');
    this.database = new kuzu.Database(databasePath, (options.bufferPoolMb ?? 1024) * 1024 * 1024);
    this.writer = new KuzuConnection(this.database, { logger: this.logger });
    this.reader = new KuzuConnection(this.database, {
      queryTimeoutMs: options.queryTimeoutMs ?? 30_000,
      logger: this.logger,
      connections: READ_CONNECTIONS,
    });
    this.snapshot = new SnapshotCache(this.reader, this.logger, {
      // Half the query timeout: a call that waited for the snapshot still has time to read its records.
      waitMs: (options.queryTimeoutMs ?? 30_000) / 2,
      eager: options.eagerSnapshot === true,
    });
    this.searchIndex = new SearchIndexCache(this.reader, this.logger);
    this.snapshotWaitMs = options.snapshotWaitMs ?? SNAPSHOT_WAIT_MS;
    this.logger.debug({ databasePath }, 'opened the embedded Kùzu database');
  }

  async ensureSchema(): Promise<void> {
    await this.writer.exclusive(ensureSchema);
    this.snapshot.invalidate();
    this.searchIndex.rebuild();
    // Prepared statements are bound to the schema they saw.
    this.reader.forgetPrepared();
    this.writer.forgetPrepared();
  }

  async ping(): Promise<void> {
    try {
      await this.reader.query('RETURN 1 AS ok');
    } catch (error) {
      throw error instanceof StoreUnavailableError ? error : new StoreUnavailableError();
    }
  }

  async close(): Promise<void> {
    await this.reader.close();
    await this.writer.close();
    await this.database.close();
  }

  countNodes(): Promise<number> {
    return countNodes(this.reader);
  }

  stats(scope: ReadScope, _meta: TxMeta): Promise<StoreStats> {
    return stats(this.reader, scope);
  }

  /**
   * From the name index once it is built (and kept beside the snapshot's records
   * when that is built too); until then by a scan of the folded column.
   */
  async search(query: SearchQuery, _meta: TxMeta): Promise<SearchHit[]> {
    const index = await this.searchIndex.get(SEARCH_INDEX_WAIT_MS);
    if (!index) return search(this.reader, query);
    const snapshot = this.snapshot.ready();
    return searchIndexed(index, query, (keys) =>
      snapshot ? this.recordsOf(snapshot).entities(keys) : entitiesByKey(this.reader, keys),
    );
  }

  /**
   * With the snapshot built, each id's label is known, so records are read by
   * primary key (and kept beside the snapshot); before, one scan per label.
   * Measured at 1 M people: one id by scan 0.4-1 s for the Person table alone, by key 1-3 ms.
   */
  async getEntities(ids: readonly string[], _meta: TxMeta): Promise<EntityRecord[]> {
    const snapshot = this.snapshot.ready();
    if (!snapshot) return this.entitiesWithoutSnapshot(ids);
    const keys = ids.flatMap((id) => {
      const node = snapshot.indexOf(id);
      return node === undefined ? [] : [{ id, label: snapshot.labelOf(node) }];
    });
    return this.recordsOf(snapshot).entities(keys);
  }

  /**
   * While the snapshot builds, the name index (built sooner: no relationships)
   * knows each id's label, so records are still read by key rather than by a scan
   * of every table. Returned in the order asked.
   */
  private async entitiesWithoutSnapshot(ids: readonly string[]): Promise<EntityRecord[]> {
    const index = this.searchIndex.built();
    if (!index) return getEntities(this.reader, ids);
    const unique = [...new Set(ids)];
    const keys = unique.flatMap((id) => {
      const label = index.labelOf(id);
      return label === undefined ? [] : [{ id, label }];
    });
    const byId = new Map((await entitiesByKey(this.reader, keys)).map((entity) => [entity.id, entity]));
    return unique.flatMap((id) => byId.get(id) ?? []);
  }

  adjacent(query: AdjacencyQuery, scope: ReadScope, _meta: TxMeta): Promise<Adjacency> {
    return adjacent(this.reader, query, scope);
  }

  /**
   * Over the adjacency snapshot; while it is being built (after a start or an
   * import), over Kùzu queries instead, so that no expansion is refused meanwhile.
   */
  async neighbourhood(query: NeighbourhoodQuery, scope: ReadScope, meta: TxMeta): Promise<Subgraph> {
    const snapshot = await this.snapshot.within(this.snapshotWaitMs);
    if (snapshot) return neighbourhoodFromSnapshot(snapshot, query, scope, this.recordsOf(snapshot));
    return neighbourhoodByQueries(query, {
      entities: (ids) => this.getEntities(ids, meta),
      adjacent: (adjacency) => this.adjacent(adjacency, scope, meta),
    });
  }

  async shortestPaths(query: ShortestPathQuery, scope: ReadScope, _meta: TxMeta): Promise<ShortestPaths> {
    const snapshot = await this.snapshot.get();
    return shortestPathsFromSnapshot(snapshot, query, scope, this.recordsOf(snapshot));
  }

  /** Records by primary key for the keys of `snapshot`, the ones read before served from beside it. */
  private recordsOf(snapshot: AdjacencySnapshot): RecordFetch {
    return cachedRecordFetch(snapshot, kuzuRecordFetch(this.reader, snapshot));
  }

  scanRelationships(
    scan: RelationshipScan,
    scope: ReadScope,
    _meta: TxMeta,
  ): Promise<{ relationships: RelationshipRecord[]; truncated: boolean }> {
    return scanRelationships(this.reader, scan, scope);
  }

  async runImport(statements: ImportStatements, options: ImportOptions): Promise<ImportOutcome> {
    const outcome = await runImport(this.writer, statements, options, (renamed) => this.searchIndex.apply(renamed));
    if (!options.dryRun) this.snapshot.invalidate();
    this.logger.info({ ...outcome, dryRun: options.dryRun, user: options.meta.user }, 'import finished');
    return outcome;
  }

  findUser(username: string): Promise<UserRecord | undefined> {
    return accounts.findUser(this.reader, username);
  }

  listUsers(): Promise<UserRecord[]> {
    return accounts.listUsers(this.reader);
  }

  saveUser(user: UserRecord): Promise<void> {
    return accounts.saveUser(this.writer, user);
  }

  appendAudit(records: readonly AuditRecord[]): Promise<void> {
    return accounts.appendAudit(this.writer, records);
  }

  lastAudit(): Promise<AuditRecord | undefined> {
    return accounts.lastAudit(this.reader);
  }

  queryAudit(filter: AuditFilter): Promise<AuditRecord[]> {
    return accounts.queryAudit(this.reader, filter);
  }

  readAuditChain(afterSeq: number, limit: number): Promise<AuditRecord[]> {
    return accounts.readAuditChain(this.reader, afterSeq, limit);
  }
}
