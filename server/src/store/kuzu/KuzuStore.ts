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
import type { Logger } from '../../logger.ts';
import type { AuditRecord, EntityRecord, RelationshipRecord, UserRecord } from '../../model/records.ts';
import type { GraphStore } from '../GraphStore.ts';
import type { AuditFilter } from '../ports/AuditStore.ts';
import type { ExportNode, ExportRelationship, NodePage, RelationshipPage } from '../ports/GraphExport.ts';
import type { ImportOptions, ImportOutcome, ImportStatements } from '../ports/GraphImport.ts';
import type {
  Adjacency,
  AdjacencyQuery,
  NeighbourhoodQuery,
  RelationshipScan,
  SearchHit,
  SearchQuery,
  ShortestPathQuery,
  ShortestPaths,
  StoreStats,
  Subgraph,
} from '../ports/GraphReads.ts';
import type { ReadScope, TxMeta } from '../ports/read-scope.ts';
import { StoreUnavailableError } from '../../errors.ts';
import { adjacent } from './adjacency.ts';
import { AuditJournal } from './audit-journal.ts';
import { countNodes, getEntities, scanRelationshipPage, scanRelationships, stats } from './entity-reads.ts';
import { exportNodes, exportRelationships } from './export-reads.ts';
import { runImport } from './import.ts';
import { KuzuConnection } from './KuzuConnection.ts';
import { ensureSchema } from './schema.ts';
import { cachedRecordFetch } from './record-cache.ts';
import { entitiesByKey, kuzuRecordFetch } from './record-fetch.ts';
import { search } from './search.ts';
import { SearchIndexCache } from './search-index-cache.ts';
import { searchIndexed } from './search-indexed.ts';
import { shortestPathsByQuery } from './shortest-paths.ts';
import type { ScanPage } from './scan-pages.ts';
import { SnapshotCache } from './snapshot.ts';
import { OwnWritesCache } from './own-writes-cache.ts';
import type { AdjacencySnapshot } from '../traversal/AdjacencySnapshot.ts';
import { neighbourhoodByQueries } from '../traversal/neighbourhood-by-queries.ts';
import { neighbourhoodFromSnapshot, shortestPathsFromSnapshot, type RecordFetch } from '../traversal/snapshot-reads.ts';
import * as accounts from './users-audit.ts';
import type { CaseFileStore, CaseRow, CaseTable } from '../CaseFileStore.ts';
import * as caseFiles from './case-files.ts';
import type { SharedStateStore } from '../SharedStateStore.ts';
import { KuzuSharedState } from './KuzuSharedState.ts';
import { WAL_CHECKPOINT_BYTES, WalCheckpoints } from './wal-checkpoints.ts';

/**
 * Reads run on two connections side by side: measured on 2 cores, ten concurrent
 * user lookups take 45 % of the time they take on one connection, and a table
 * scan beside another 75 %. More connections than cores only add queueing in Kùzu.
 */
const READ_CONNECTIONS = 2;

/** Reads this recent make an import leave them the CPU (import.ts). */
const READS_SERVED_MS = 1_000;

/** See KuzuStoreOptions.snapshotWaitMs. */
const SNAPSHOT_WAIT_MS = 1_000;

/** A search waits this long for the name index being built before it scans instead (2 s a query at 1 M people). */
const SEARCH_INDEX_WAIT_MS = 1_000;

export interface KuzuStoreOptions {
  readonly dataDir: string;
  readonly logger: Logger;
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
   * Build the name index only when a search first needs it, not at every start: a
   * command-line import has no search to serve, and keeping the index current costs
   * it the names of every node it creates (1.3 M at a million people). Default false.
   */
  readonly lazySearchIndex?: boolean;
  /**
   * How long an expansion waits for a snapshot being built before it is answered
   * from Kùzu queries instead (slower, never refused). Default 1 s.
   */
  readonly snapshotWaitMs?: number;
  /** The write-ahead log's size past which the store checkpoints (wal-checkpoints.ts). Default 16 MB. */
  readonly checkpointWalBytes?: number;
}

export class KuzuStore implements GraphStore, CaseFileStore, SharedStateStore {
  readonly kind = 'kuzu' as const;
  private readonly database: Database;
  private readonly writer: KuzuConnection;
  private readonly reader: KuzuConnection;
  private readonly logger: Logger;
  private readonly snapshot: SnapshotCache;
  private readonly searchIndex: SearchIndexCache;
  private readonly lazySearchIndex: boolean;
  /** Where an import writes the rows it loads with COPY FROM (bulk-copy.ts). */
  private readonly scratchDir: string;
  private readonly shared: KuzuSharedState;
  /** Audit records appended while an import holds the write connection (audit-journal.ts). */
  private readonly journal: AuditJournal;
  /** The last journal append queued; the next one waits for it (appendAudit). */
  private journalTurn: Promise<void> = Promise.resolve();
  /** Appends queued for the journal and not in it yet: a later append must not overtake them. */
  private journalWaiting = 0;
  /**
   * The audit table's last record as this process last wrote or read it; undefined
   * when unknown (at open, after a failed write or a drain). This process is the
   * table's only writer, so a known head saves each append a scan of the table.
   */
  private auditHead: { readonly last: AuditRecord | undefined } | undefined;
  private readonly users = new OwnWritesCache<UserRecord>();
  private importsRunning = 0;
  private draining: Promise<void> | undefined;
  private readonly snapshotWaitMs: number;
  private readonly dataDir: string;
  private unsafeRollback = false;
  private readonly checkpoints: WalCheckpoints;

  constructor(options: KuzuStoreOptions) {
    this.logger = options.logger;
    fs.mkdirSync(options.dataDir, { recursive: true });
    this.dataDir = options.dataDir;
    const databasePath = path.join(options.dataDir, 'kuzu');
    this.scratchDir = path.join(options.dataDir, 'import-scratch');
    this.journal = new AuditJournal(path.join(options.dataDir, 'audit-journal.jsonl'));
    // No automatic checkpoint: it deadlocks a write's COMMIT against reads in flight (wal-checkpoints.ts).
    const autoCheckpoint = false;
    this.database = new kuzu.Database(
      databasePath,
      (options.bufferPoolMb ?? 1024) * 1024 * 1024,
      true,
      false,
      0,
      autoCheckpoint,
    );
    this.writer = new KuzuConnection(this.database, { logger: this.logger });
    this.reader = new KuzuConnection(this.database, {
      queryTimeoutMs: options.queryTimeoutMs ?? 30_000,
      logger: this.logger,
      connections: READ_CONNECTIONS,
    });
    this.shared = new KuzuSharedState(this.reader, this.writer);
    this.snapshot = new SnapshotCache(this.reader, this.logger, {
      // Half the query timeout: a call that waited for the snapshot still has time to read its records.
      waitMs: (options.queryTimeoutMs ?? 30_000) / 2,
      eager: options.eagerSnapshot === true,
    });
    this.searchIndex = new SearchIndexCache(this.reader, this.logger);
    this.lazySearchIndex = options.lazySearchIndex === true;
    this.snapshotWaitMs = options.snapshotWaitMs ?? SNAPSHOT_WAIT_MS;
    this.checkpoints = new WalCheckpoints({
      walPath: `${databasePath}.wal`,
      thresholdBytes: options.checkpointWalBytes ?? WAL_CHECKPOINT_BYTES,
      checkpoint: () =>
        this.writer.exclusive(async (session) => {
          await this.reader.idle(() => session.raw('CHECKPOINT'));
        }),
      logger: this.logger,
    });
    this.logger.debug({ databasePath }, 'opened the embedded Kùzu database');
  }

  async ensureSchema(): Promise<void> {
    await this.writer.exclusive(ensureSchema);
    this.auditHead = undefined;
    this.snapshot.invalidate();
    if (this.lazySearchIndex) this.searchIndex.forget();
    else this.searchIndex.rebuild();
    // Prepared statements are bound to the schema they saw.
    this.reader.forgetPrepared();
    this.writer.forgetPrepared();
    // Records a process that died during an import had made durable in the journal.
    await this.drainJournal();
  }

  async ping(): Promise<void> {
    try {
      await this.reader.query('RETURN 1 AS ok');
    } catch (error) {
      throw error instanceof StoreUnavailableError ? error : new StoreUnavailableError();
    }
  }

  /**
   * Copies the database files into `dir` (a dry run loads a throw-away copy: process/dry-run.ts).
   * Holding the write connection, nothing commits meanwhile, so the main file and its
   * write-ahead log are copied as one consistent state; the copy replays the log when opened.
   */
  copyDatabaseTo(dir: string): Promise<void> {
    return this.writer.exclusive(async () => {
      fs.mkdirSync(dir, { recursive: true });
      for (const name of fs.readdirSync(this.dataDir)) {
        if (name === 'kuzu' || name.startsWith('kuzu.'))
          fs.copyFileSync(path.join(this.dataDir, name), path.join(dir, name));
      }
    });
  }

  /**
   * Set when an import was rolled back after a COPY FROM in its transaction: Kùzu 0.11.3 then
   * crashes at the next checkpoint or relationship COPY (measured, import.ts), so the process
   * holding this database must stop without closing it and open it again (kuzu-child.ts).
   */
  get mustReopen(): boolean {
    return this.unsafeRollback;
  }

  /** Checkpoints now if the write-ahead log has passed its threshold (the store also checks every second). */
  checkpointIfDue(): Promise<void> {
    return this.checkpoints.checkNow();
  }

  async close(): Promise<void> {
    await this.checkpoints.stop();
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

  /** Like neighbourhood: over the snapshot, or Kùzu's own shortest-path match while it is being built. */
  async shortestPaths(query: ShortestPathQuery, scope: ReadScope, meta: TxMeta): Promise<ShortestPaths> {
    // Kùzu 0.11.3 measures `* ALL SHORTEST` before it applies a node predicate, so a path that
    // avoids a label could never be found by query: that search waits for the snapshot.
    const snapshot = query.excludeLabels?.length
      ? await this.snapshot.get()
      : await this.snapshot.within(this.snapshotWaitMs);
    if (snapshot) return shortestPathsFromSnapshot(snapshot, query, scope, this.recordsOf(snapshot));
    const ends = await this.getEntities([query.from, query.to], meta);
    const end = (id: string) => ends.find((entity) => entity.id === id);
    return shortestPathsByQuery(this.reader, query, { from: end(query.from), to: end(query.to) }, scope);
  }

  /** The adjacency snapshot of the last committed graph if it is built; never waits (for checks and figures). */
  adjacencySnapshot(): AdjacencySnapshot | undefined {
    return this.snapshot.ready();
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

  /** One page of scanRelationships, for the API process to call page by page (scan-pages.ts). */
  scanRelationshipPage(scan: RelationshipScan, scope: ReadScope, fromOffset: number): Promise<ScanPage> {
    return scanRelationshipPage(this.reader, scan, scope, fromOffset);
  }

  exportNodes(page: NodePage, _meta: TxMeta): Promise<ExportNode[]> {
    return exportNodes(this.reader, page);
  }

  exportRelationships(page: RelationshipPage, scope: ReadScope, _meta: TxMeta): Promise<ExportRelationship[]> {
    return exportRelationships(this.reader, page, scope);
  }

  async runImport(statements: ImportStatements, options: ImportOptions): Promise<ImportOutcome> {
    this.importsRunning++;
    let outcome: ImportOutcome;
    try {
      outcome = await runImport(
        this.writer,
        statements,
        {
          ...options,
          scratchDir: this.scratchDir,
          namesWanted: () => this.searchIndex.takesChanges(),
          whenIdle: (task) => this.reader.idle(task),
          readsServed: () => this.reader.usedWithin(READS_SERVED_MS),
          onUnsafeRollback: () => {
            this.unsafeRollback = true;
            this.logger.warn('an import was rolled back after COPY FROM: the database is reopened');
          },
        },
        async ({ renamed, added }) => {
          this.searchIndex.apply(renamed);
          // Before the import returns: the next expansion sees what it added.
          try {
            this.snapshot.extend(this.snapshot.ready() ? await added() : undefined);
          } catch (error) {
            this.logger.warn({ err: error }, 'the adjacency snapshot could not be extended; building it again');
            this.snapshot.invalidate();
          }
        },
      );
    } finally {
      this.importsRunning--;
      if (this.importsRunning === 0) {
        await this.drainJournal().catch((error: unknown) =>
          this.logger.error({ err: error }, 'audit journal not written to the table yet; kept for the next try'),
        );
      }
    }
    this.logger.info({ ...outcome, dryRun: options.dryRun, user: options.meta.user }, 'import finished');
    return outcome;
  }

  /** From memory once read (own-writes-cache.ts): every request's token is checked against it. */
  findUser(username: string): Promise<UserRecord | undefined> {
    return this.users.find(username, () => accounts.findUser(this.reader, username));
  }

  listUsers(): Promise<UserRecord[]> {
    return accounts.listUsers(this.reader);
  }

  saveUser(user: UserRecord): Promise<void> {
    return this.users.save(user.username, () => accounts.saveUser(this.writer, user));
  }

  recordPersonReads: SharedStateStore['recordPersonReads'] = (...a) => this.shared.recordPersonReads(...a);
  countPersonReads: SharedStateStore['countPersonReads'] = (...a) => this.shared.countPersonReads(...a);
  forgetPersonReads: SharedStateStore['forgetPersonReads'] = (...a) => this.shared.forgetPersonReads(...a);
  suspend: SharedStateStore['suspend'] = (...a) => this.shared.suspend(...a);
  liftSuspension: SharedStateStore['liftSuspension'] = (...a) => this.shared.liftSuspension(...a);
  findSuspension: SharedStateStore['findSuspension'] = (...a) => this.shared.findSuspension(...a);
  addAlert: SharedStateStore['addAlert'] = (...a) => this.shared.addAlert(...a);
  listAlerts: SharedStateStore['listAlerts'] = (...a) => this.shared.listAlerts(...a);
  countInWindow: SharedStateStore['countInWindow'] = (...a) => this.shared.countInWindow(...a);
  takeAttempt: SharedStateStore['takeAttempt'] = (...a) => this.shared.takeAttempt(...a);
  resetAttempts: SharedStateStore['resetAttempts'] = (...a) => this.shared.resetAttempts(...a);
  grantAllowance: SharedStateStore['grantAllowance'] = (...a) => this.shared.grantAllowance(...a);
  findAllowance: SharedStateStore['findAllowance'] = (...a) => this.shared.findAllowance(...a);

  /** During an import, into the journal: durable at once instead of waiting for the import's transaction. */
  async appendAudit(records: readonly AuditRecord[]): Promise<void> {
    if (this.importsRunning === 0 && this.journal.size === 0 && this.journalWaiting === 0) {
      return this.appendToTable(records);
    }
    // One journal append at a time, in call order: concurrent appends would otherwise each await
    // the table's head and reach the journal in whatever order those reads come back.
    this.journalWaiting++;
    const turn = this.journalTurn.then(async () => {
      try {
        const tableHead = this.journal.size > 0 ? 0 : ((await this.tableHead())?.seq ?? 0);
        this.journal.append(records, tableHead);
      } finally {
        this.journalWaiting--;
      }
    });
    this.journalTurn = turn.catch(() => undefined);
    await turn;
    if (this.importsRunning === 0) await this.drainJournal();
  }

  async lastAudit(): Promise<AuditRecord | undefined> {
    return this.journal.last ?? this.tableHead();
  }

  private async tableHead(): Promise<AuditRecord | undefined> {
    if (this.auditHead) return this.auditHead.last;
    const last = await accounts.lastAudit(this.reader);
    // Only if no append landed meanwhile: that one's head is newer than what was read.
    this.auditHead ??= { last };
    return last;
  }

  private async appendToTable(records: readonly AuditRecord[]): Promise<void> {
    const known = this.auditHead;
    // A write that fails may or may not have landed: read the head again next time.
    this.auditHead = undefined;
    await accounts.appendAudit(this.writer, records, known);
    if (records.length > 0) this.auditHead = { last: records.at(-1) };
    else this.auditHead = known;
  }

  /** Writes the journal's records to the audit table, skipping those already there; one drain at a time. */
  private drainJournal(): Promise<void> {
    if (this.journal.size === 0) return this.draining ?? Promise.resolve();
    this.draining ??= (async () => {
      try {
        const head = (await this.tableHead())?.seq ?? 0;
        await this.journal.drain((records) => this.appendToTable(records.filter((r) => r.seq > head)));
      } finally {
        this.draining = undefined;
      }
    })();
    return this.draining;
  }

  queryAudit(filter: AuditFilter): Promise<AuditRecord[]> {
    return accounts.queryAudit(this.reader, filter);
  }

  readAuditChain(afterSeq: number, limit: number): Promise<AuditRecord[]> {
    return accounts.readAuditChain(this.reader, afterSeq, limit);
  }

  putCaseRow(table: CaseTable, row: CaseRow): Promise<void> {
    return caseFiles.putCaseRow(this.writer, table, row);
  }

  caseRowsById(table: CaseTable, ids: readonly string[]): Promise<CaseRow[]> {
    return caseFiles.caseRowsById(this.reader, table, ids);
  }

  caseRowsByOwner(table: CaseTable, owner: string): Promise<CaseRow[]> {
    return caseFiles.caseRowsByOwner(this.reader, table, owner);
  }

  caseRowsByKey(table: CaseTable, keys: readonly string[]): Promise<CaseRow[]> {
    return caseFiles.caseRowsByKey(this.reader, table, keys);
  }
}
