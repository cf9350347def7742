/**
 * The embedded store behind a process boundary. Kùzu runs native code in the
 * caller's process: one runaway query (UNWIND range(1, 2e8)) can grow to tens of
 * GB and get the whole API killed. Here the database lives in a child process
 * watched for memory; if it dies, callers get DB_UNAVAILABLE at once (HTTP 503 with
 * Retry-After), a warm standby process opens the database in its place, and Kùzu's
 * write-ahead log keeps committed data.
 */
import { LimitExceededError, QueryTimeoutError, StoreUnavailableError } from '../../../errors.ts';
import type { Logger } from '../../../logger.ts';
import type { CaseFileStore } from '../../CaseFileStore.ts';
import type { GraphStore } from '../../GraphStore.ts';
import type { ImportOptions, ImportOutcome, ImportStatements } from '../../ports/GraphImport.ts';
import type { SharedStateStore } from '../../SharedStateStore.ts';
import fs from 'node:fs';
import { MemorySharedState } from '../../MemorySharedState.ts';
import type { UserRecord } from '../../../model/records.ts';
import type { Suspension } from '../../SharedStateStore.ts';
import { OwnWritesCache } from '../own-writes-cache.ts';
import { scanInPages } from '../scan-pages.ts';
import { ChildHandle } from './ChildHandle.ts';
import { GraphReadCache } from './GraphReadCache.ts';
import { dryRunOnCopy, dryRunsDir } from './dry-run.ts';
import { ImportFeed } from './import-feed.ts';
import { readRssMb } from './memory-watch.ts';
import type { ChildOptions, OneChildMessage, StoreMethod } from './protocol.ts';
import { fromWireError } from './wire-error.ts';

export interface KuzuProcessStoreOptions extends ChildOptions {
  readonly logger: Logger;
  /** The database process is killed when its resident memory exceeds this. Default 4096 MB. */
  readonly memoryLimitMb?: number;
  /**
   * Dry runs of more statements than this (or of a count not known) run on a throw-away copy of
   * the database in a process of their own (dry-run.ts), as fast as a real run; smaller ones are
   * rolled back in the live database, which skips the copy and the process start. Default 10.
   */
  readonly dryRunOnCopyAbove?: number;
}

interface PendingCall {
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: Error) => void;
  readonly onProgress?: (done: number) => void;
  readonly timer?: NodeJS.Timeout;
  /** An import's statements, sent in batches as the database process asks for them. */
  readonly feed?: ImportFeed;
}

type Phase =
  | { readonly name: 'idle' }
  | { readonly name: 'starting'; readonly child: ChildHandle; readonly ready: Promise<void> }
  | { readonly name: 'ready'; readonly child: ChildHandle }
  | { readonly name: 'closed' };

type KillReason = 'memory' | 'deadline' | 'reopen';

const WATCH_INTERVAL_MS = 200;
/** Grace beyond Kùzu's own query timeout before the parent gives up on a silent child. */
const HARD_DEADLINE_GRACE_MS = 5_000;
const RETRY_AFTER_S = 1;
/** Calls that take the embedded store's write connection (audit appends do not wait: audit-journal.ts). */
const WRITE_METHODS: ReadonlySet<StoreMethod> = new Set<StoreMethod>(['saveUser', 'ensureSchema']);
const CRASH_LOOP_MS = 1_000;

export class KuzuProcessStore implements GraphStore, CaseFileStore, SharedStateStore {
  readonly kind = 'kuzu' as const;
  private phase: Phase = { name: 'idle' };
  private standby: ChildHandle | undefined;
  private everReady = false;
  private lastStartAt = 0;
  private readonly pending = new Map<number, PendingCall>();
  private nextId = 1;
  private killReason: KillReason | undefined;
  private watch: NodeJS.Timeout | undefined;
  private readonly memoryLimitMb: number;
  /** While one runs, calls that wait for the write connection behind it are not killed for being slow. */
  private importsRunning = 0;
  /**
   * Every request's token is checked against its user's record: kept here, it costs no round trip
   * to the database process. Exact because saveUser below is the only way to write a user record.
   */
  private readonly users = new OwnWritesCache<UserRecord>();
  /** The same for suspensions, asked for on every request (suspend and liftSuspension write them). */
  private readonly suspensions = new OwnWritesCache<Suspension>();
  /**
   * Read volumes, alerts, counters and throttles: the database process keeps them in its memory
   * only (KuzuSharedState), for this process alone, which is its only client. Kept here they are
   * as shared and cost no round trip (a subgraph's read volume took two in a row).
   */
  private readonly memory = new MemorySharedState();
  /** Neighbourhoods answered before, until the next write to the graph (GraphReadCache.ts). */
  private readonly reads = new GraphReadCache();

  constructor(private readonly options: KuzuProcessStoreOptions) {
    this.memoryLimitMb = options.memoryLimitMb ?? 4096;
  }

  /** Process id of the database process, for operators and tests. */
  get childPid(): number | undefined {
    return this.phase.name === 'ready' || this.phase.name === 'starting' ? this.phase.child.pid : undefined;
  }

  // Creating some forty tables on a fresh database can outlast the read deadline on a loaded
  // machine (measured 14 s on 2 busy cores); like an import, it gets the memory watch only.
  ensureSchema = (): Promise<void> => this.call('ensureSchema', [], { deadline: false });
  ping = (): Promise<void> => this.call('ping', []);
  countNodes: GraphStore['countNodes'] = () => this.call('countNodes', []);
  stats: GraphStore['stats'] = (...a) => this.call('stats', a);
  search: GraphStore['search'] = (...a) => this.call('search', a);
  getEntities: GraphStore['getEntities'] = (...a) => this.call('getEntities', a);
  adjacent: GraphStore['adjacent'] = (...a) => this.call('adjacent', a);
  neighbourhood: GraphStore['neighbourhood'] = (query, scope, meta) =>
    this.reads.read(JSON.stringify(['neighbourhood', query, scope]), () =>
      this.call('neighbourhood', [query, scope, meta]),
    );
  shortestPaths: GraphStore['shortestPaths'] = (...a) => this.call('shortestPaths', a);
  // Page by page, each its own call: one call for a whole type outlived the deadline at 1 M people.
  scanRelationships: GraphStore['scanRelationships'] = (scan, scope) =>
    scanInPages(scan.limit, (from, limit) => this.call('scanRelationshipPage', [{ ...scan, limit }, scope, from]));
  exportNodes: GraphStore['exportNodes'] = (...a) => this.call('exportNodes', a);
  exportRelationships: GraphStore['exportRelationships'] = (...a) => this.call('exportRelationships', a);
  findUser: GraphStore['findUser'] = (username) => this.users.find(username, () => this.call('findUser', [username]));
  listUsers: GraphStore['listUsers'] = () => this.call('listUsers', []);
  saveUser: GraphStore['saveUser'] = (user) => this.users.save(user.username, () => this.call('saveUser', [user]));
  appendAudit: GraphStore['appendAudit'] = (...a) => this.call('appendAudit', a);
  lastAudit: GraphStore['lastAudit'] = () => this.call('lastAudit', []);
  queryAudit: GraphStore['queryAudit'] = (...a) => this.call('queryAudit', a);
  readAuditChain: GraphStore['readAuditChain'] = (...a) => this.call('readAuditChain', a);
  putCaseRow: CaseFileStore['putCaseRow'] = (...a) => this.call('putCaseRow', a);
  caseRowsById: CaseFileStore['caseRowsById'] = (...a) => this.call('caseRowsById', a);
  caseRowsByOwner: CaseFileStore['caseRowsByOwner'] = (...a) => this.call('caseRowsByOwner', a);
  caseRowsByKey: CaseFileStore['caseRowsByKey'] = (...a) => this.call('caseRowsByKey', a);
  recordPersonReads: SharedStateStore['recordPersonReads'] = (...a) => this.memory.recordPersonReads(...a);
  countPersonReads: SharedStateStore['countPersonReads'] = (...a) => this.memory.countPersonReads(...a);
  forgetPersonReads: SharedStateStore['forgetPersonReads'] = (...a) => this.memory.forgetPersonReads(...a);
  suspend: SharedStateStore['suspend'] = (suspension) =>
    this.suspensions.save(suspension.user, () => this.call('suspend', [suspension]));
  liftSuspension: SharedStateStore['liftSuspension'] = (user) =>
    this.suspensions.save(user, () => this.call('liftSuspension', [user]));
  findSuspension: SharedStateStore['findSuspension'] = (user) =>
    this.suspensions.find(user, () => this.call('findSuspension', [user]));
  addAlert: SharedStateStore['addAlert'] = (...a) => this.memory.addAlert(...a);
  listAlerts: SharedStateStore['listAlerts'] = (...a) => this.memory.listAlerts(...a);
  countInWindow: SharedStateStore['countInWindow'] = (...a) => this.memory.countInWindow(...a);
  takeAttempt: SharedStateStore['takeAttempt'] = (...a) => this.memory.takeAttempt(...a);
  resetAttempts: SharedStateStore['resetAttempts'] = (...a) => this.memory.resetAttempts(...a);
  grantAllowance: SharedStateStore['grantAllowance'] = (...a) => this.memory.grantAllowance(...a);
  findAllowance: SharedStateStore['findAllowance'] = (...a) => this.memory.findAllowance(...a);

  runImport: GraphStore['runImport'] = (statements, options: ImportOptions) => {
    const { onProgress, ...rest } = options;
    // Imports may legitimately run for minutes: no hard deadline; the memory watch still applies.
    // The statements stream over in batches (import-feed.ts), never as one message.
    this.importsRunning++;
    const onCopy = rest.dryRun && (rest.statements ?? Infinity) > (this.options.dryRunOnCopyAbove ?? 10);
    const run = () =>
      onCopy
        ? dryRunOnCopy({
            child: this.childOptions(),
            copyTo: (dir) => this.call('copyDatabaseTo', [dir], { deadline: false }),
            statements,
            options: rest,
            onProgress,
            memoryLimitMb: this.memoryLimitMb,
          })
        : this.call<ImportOutcome>('runImport', [null, rest], { onProgress, deadline: false, statements });
    return this.reads.write(run).finally(() => this.importsRunning--);
  };

  async close(): Promise<void> {
    const phase = this.phase;
    this.phase = { name: 'closed' };
    this.stopWatch();
    this.standby?.kill();
    this.standby = undefined;
    if (phase.name === 'ready' || phase.name === 'starting') await phase.child.shutdown(10_000);
  }

  private start(): void {
    // What dry runs killed with this process's parent left behind (dry-run.ts).
    if (!this.everReady) fs.rmSync(dryRunsDir(this.options.dataDir), { recursive: true, force: true });
    const child = this.standby ?? this.spawn();
    this.standby = undefined;
    const ready = child.open(this.childOptions()).then(() => {
      if (this.phase.name !== 'starting' || this.phase.child !== child) return;
      this.phase = { name: 'ready', child };
      this.everReady = true;
      this.startWatch(child);
      this.prepareStandby();
    });
    ready.catch((error: unknown) => {
      if (this.phase.name !== 'starting' || this.phase.child !== child) return;
      this.options.logger.error({ err: error }, 'the embedded database could not be opened');
      // The next call tries again; until then callers are told the database is unavailable.
      this.phase = { name: 'idle' };
      child.kill();
    });
    this.lastStartAt = Date.now();
    this.phase = { name: 'starting', child, ready };
  }

  private spawn(): ChildHandle {
    const child: ChildHandle = new ChildHandle((message) => {
      if (this.isActive(child)) this.onMessage(message);
    });
    child.process.once('exit', (code, signal) => this.onExit(child, code, signal));
    return child;
  }

  private prepareStandby(): void {
    if (this.phase.name === 'closed' || this.standby?.alive) return;
    this.standby = this.spawn();
  }

  private isActive(child: ChildHandle): boolean {
    return (this.phase.name === 'ready' || this.phase.name === 'starting') && this.phase.child === child;
  }

  private childOptions(): ChildOptions {
    const { dataDir, queryTimeoutMs, bufferPoolMb, eagerSnapshot, lazySearchIndex } = this.options;
    return { dataDir, queryTimeoutMs, bufferPoolMb, eagerSnapshot, lazySearchIndex };
  }

  private async call<T>(
    method: StoreMethod,
    args: unknown[],
    extra: { onProgress?: (done: number) => void; deadline?: boolean; statements?: ImportStatements } = {},
  ): Promise<T> {
    if (this.phase.name === 'idle') this.start();
    // Only the first start is waited for; during a restart callers are told to come back.
    if (this.phase.name === 'starting' && !this.everReady) await this.phase.ready;
    const phase = this.phase;
    if (phase.name === 'closed') throw new StoreUnavailableError('The embedded database is closed.');
    if (phase.name !== 'ready') {
      throw new StoreUnavailableError('The embedded database is restarting. Try again shortly.', RETRY_AFTER_S);
    }
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      const queuedBehindImport = this.importsRunning > 0 && WRITE_METHODS.has(method);
      const timer = extra.deadline === false || queuedBehindImport ? undefined : this.deadlineTimer(phase.child, id);
      const feed = extra.statements && new ImportFeed(extra.statements, (m) => phase.child.send(m), id);
      this.pending.set(id, {
        resolve: resolve as (v: unknown) => void,
        reject,
        onProgress: extra.onProgress,
        timer,
        feed,
      });
      phase.child.send({ kind: 'call', id, method, args, progress: extra.onProgress !== undefined });
    });
  }

  /**
   * Kills a child silent past the deadline, except while an import runs: Kùzu begins no
   * transaction while one commits (8 s for a 20,000-person import on 2 busy cores, longer for
   * larger ones), so a read waiting for that is slow, not hung, and killing the process would
   * cost the import too (issue 11). Such a call is looked at again a deadline later; the memory
   * watch still stops a runaway, and Kùzu's own query timeout a long read.
   */
  private deadlineTimer(child: ChildHandle, id: number): NodeJS.Timeout | undefined {
    const timeoutMs = this.options.queryTimeoutMs;
    if (!timeoutMs) return undefined;
    return setTimeout(() => {
      const call = this.pending.get(id);
      if (call === undefined) return;
      if (this.importsRunning === 0) this.kill(child, 'deadline');
      else this.pending.set(id, { ...call, timer: this.deadlineTimer(child, id) });
    }, timeoutMs + HARD_DEADLINE_GRACE_MS);
  }

  private kill(child: ChildHandle, reason: KillReason): void {
    this.killReason = reason;
    child.kill();
  }

  private onMessage(message: OneChildMessage): void {
    if (message.kind === 'reopening') {
      this.killReason = 'reopen';
      return;
    }
    if (message.kind === 'pull') {
      this.pending.get(message.id)?.feed?.pull();
      return;
    }
    if (message.kind !== 'progress' && message.kind !== 'result' && message.kind !== 'error') return;
    const call = this.pending.get(message.id);
    if (!call) return;
    if (message.kind === 'progress') {
      call.onProgress?.(message.done);
      return;
    }
    this.pending.delete(message.id);
    if (call.timer) clearTimeout(call.timer);
    call.feed?.close();
    if (message.kind === 'result') call.resolve(message.value);
    else call.reject(call.feed?.failure ?? fromWireError(message.error));
  }

  private onExit(child: ChildHandle, code: number | null, signal: NodeJS.Signals | null): void {
    if (this.standby === child) this.standby = undefined;
    if (!this.isActive(child)) return;
    const reason = this.killReason;
    this.killReason = undefined;
    this.stopWatch();
    const error = this.exitError(reason);
    for (const call of this.pending.values()) {
      if (call.timer) clearTimeout(call.timer);
      call.feed?.close();
      call.reject(error);
    }
    this.pending.clear();
    if (!this.everReady) {
      // It never opened (e.g. another process holds the database): report, do not loop.
      this.phase = { name: 'idle' };
      return;
    }
    if (reason === 'reopen') this.options.logger.warn({ pid: child.pid }, 'reopening the embedded database');
    else
      this.options.logger.error(
        { pid: child.pid, code, signal, reason },
        'embedded database process stopped; reopening',
      );
    if (reason !== 'reopen' && Date.now() - this.lastStartAt < CRASH_LOOP_MS) {
      // Dying again right after a start: wait for the next call instead of looping.
      this.phase = { name: 'idle' };
      return;
    }
    this.start();
  }

  private exitError(reason: KillReason | undefined): Error {
    switch (reason) {
      case 'memory':
        return new LimitExceededError(
          `The query needed more than ${this.memoryLimitMb} MB of memory and was stopped. Narrow it and try again.`,
        );
      case 'deadline':
        return new QueryTimeoutError();
      case 'reopen':
        return new StoreUnavailableError('The embedded database is reopening. Try again shortly.', RETRY_AFTER_S);
      case undefined:
        return new StoreUnavailableError(
          'The embedded database stopped unexpectedly and is restarting. Try again shortly.',
          RETRY_AFTER_S,
        );
    }
  }

  private startWatch(child: ChildHandle): void {
    this.stopWatch();
    this.watch = setInterval(() => {
      const rss = child.pid === undefined ? undefined : readRssMb(child.pid);
      if (rss !== undefined && rss > this.memoryLimitMb) this.kill(child, 'memory');
    }, WATCH_INTERVAL_MS);
    this.watch.unref();
  }

  private stopWatch(): void {
    if (this.watch) clearInterval(this.watch);
    this.watch = undefined;
  }
}
