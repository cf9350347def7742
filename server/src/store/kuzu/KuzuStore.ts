/**
 * The embedded GraphStore: Kùzu on disk under `${dataDir}/kuzu`.
 *
 * Concurrency: Kùzu allows one write transaction at a time and a connection
 * must not run two queries at once. Writes (imports, users, audit, schema) go
 * through one write connection, serialised by its queue, so an audit append
 * waits for a running import instead of failing. Reads go through a separate
 * read connection with its own queue (and the query timeout): they proceed
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
  ReadScope,
  RelationshipRecord,
  RelationshipScan,
  SearchHit,
  SearchQuery,
  StoreStats,
  TxMeta,
  UserRecord,
} from '../GraphStore.ts';
import { StoreUnavailableError } from '../../errors.ts';
import { adjacent } from './adjacency.ts';
import { countNodes, getEntities, scanRelationships, stats } from './entity-reads.ts';
import { runImport } from './import.ts';
import { KuzuConnection } from './KuzuConnection.ts';
import { ensureSchema } from './schema.ts';
import { search } from './search.ts';
import * as accounts from './users-audit.ts';

export interface KuzuStoreOptions {
  readonly dataDir: string;
  readonly logger?: Logger;
  /** Read queries running longer are stopped with QUERY_TIMEOUT. Default 30 s. */
  readonly queryTimeoutMs?: number;
  /** Kùzu buffer pool; pages beyond it are evicted to disk. Default 1024 MB. */
  readonly bufferPoolMb?: number;
}

export class KuzuStore implements GraphStore {
  readonly kind = 'kuzu' as const;
  private readonly database: Database;
  private readonly writer: KuzuConnection;
  private readonly reader: KuzuConnection;
  private readonly logger: Logger;

  constructor(options: KuzuStoreOptions) {
    this.logger = options.logger ?? createLogger('kuzu-store');
    fs.mkdirSync(options.dataDir, { recursive: true });
    const databasePath = path.join(options.dataDir, 'kuzu');
    this.database = new kuzu.Database(databasePath, (options.bufferPoolMb ?? 1024) * 1024 * 1024);
    this.writer = new KuzuConnection(this.database, { logger: this.logger });
    this.reader = new KuzuConnection(this.database, {
      queryTimeoutMs: options.queryTimeoutMs ?? 30_000,
      logger: this.logger,
    });
    this.logger.debug({ databasePath }, 'opened the embedded Kùzu database');
  }

  async ensureSchema(): Promise<void> {
    await this.writer.exclusive(ensureSchema);
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

  search(query: SearchQuery, _meta: TxMeta): Promise<SearchHit[]> {
    return search(this.reader, query);
  }

  getEntities(ids: readonly string[], _meta: TxMeta): Promise<EntityRecord[]> {
    return getEntities(this.reader, ids);
  }

  adjacent(query: AdjacencyQuery, scope: ReadScope, _meta: TxMeta): Promise<Adjacency> {
    return adjacent(this.reader, query, scope);
  }

  scanRelationships(
    scan: RelationshipScan,
    scope: ReadScope,
    _meta: TxMeta,
  ): Promise<{ relationships: RelationshipRecord[]; truncated: boolean }> {
    return scanRelationships(this.reader, scan, scope);
  }

  async runImport(statements: ImportStatements, options: ImportOptions): Promise<ImportOutcome> {
    const outcome = await runImport(this.writer, statements, options);
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

  appendAudit(record: AuditRecord): Promise<void> {
    return accounts.appendAudit(this.writer, record);
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
