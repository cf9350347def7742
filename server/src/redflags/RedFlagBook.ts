/**
 * Red flags kept computed in the background, one book page per read scope, and answered from the
 * last complete computation. At 100,000 people a rule computed per request took up to 43 s (the
 * reading of every relationship it needs), past the 10 s query timeout; from the book an answer
 * is a filter of flags already found. A scope's flags are computed with what that scope may see
 * only (the uncleared page never reads IDENTIFIES_AS).
 *
 * Kept current: every committed write through this server's store (watch-graph-writes.ts) marks
 * every page changed and recomputes it (one computation at a time per page, one more queued if
 * writes came meanwhile; none while an import runs). Writes by another server on a shared Neo4j
 * are seen only by the periodic recheck, which compares the scope's counts of nodes and
 * relationships by label and type with those taken when the page was computed.
 */
import { LimitExceededError } from '../errors.ts';
import type { Logger } from '../logger.ts';
import type { GraphReads } from '../store/ports/GraphReads.ts';
import type { ReadScope, TxMeta } from '../store/ports/read-scope.ts';
import { computeRedFlags, type RedFlagComputation, type TypeScan } from './compute-red-flags.ts';
import { flagsOf } from './find-red-flags.ts';
import { RULE_IDS, type RedFlag, type RuleId } from './types.ts';

export interface RedFlagBookOptions {
  readonly store: Pick<GraphReads, 'scanRelationships' | 'getEntities' | 'stats'>;
  readonly logger: Logger;
  readonly scanLimit: number;
  /** How long an answer waits for a page's first computation (the query timeout). */
  readonly waitMs: number;
  /** How often each page's counts are compared with the graph's (writes by another server). */
  readonly recheckMs: number;
  /** Waited after each type's scan (MAILLON_RED_FLAG_SCAN_PAUSE_MS). */
  readonly pauseMs: number;
}

/** How fresh a scope's flags are (the redFlagStatus query). */
export interface RedFlagStatus {
  /** When the reads of the computation answered from began; undefined before the first. */
  readonly computedAt: Date | undefined;
  readonly scannedRelationships: readonly TypeScan[];
  /** How long that computation took, from its first read to its last flag. */
  readonly computationMs: number | undefined;
  readonly computing: boolean;
  readonly computingSince: Date | undefined;
  /** What the computation under way has read so far. */
  readonly computingScanned: readonly TypeScan[];
  /** A write may be missing from the flags answered (an import runs, or a recomputation is due or under way). */
  readonly stale: boolean;
}

interface Page {
  readonly scope: ReadScope;
  last?: {
    readonly computation: RedFlagComputation;
    readonly startedAt: Date;
    readonly ms: number;
    readonly fingerprint: string;
  };
  running?: { readonly startedAt: Date; scans: readonly TypeScan[] };
  failure?: { readonly at: Date; readonly message: string };
  /** A write came after the last computation began. */
  changed: boolean;
  /** When the last computation ended, and the timer that starts the next one no sooner than its gap. */
  endedAt?: number;
  next?: NodeJS.Timeout;
  readonly waiters: Set<() => void>;
}

const META: TxMeta = { user: 'maillon', operation: 'redFlags (background)' };
/** A failed computation is tried again this soon (or at the recheck, if sooner). */
const RETRY_MS = 30_000;

const keyOf = (scope: ReadScope): string => [...scope.hiddenRelTypes].sort().join(',');
const listed = (scans: readonly TypeScan[]): string =>
  scans.length === 0
    ? 'nothing yet'
    : scans.map((s) => `${s.type} ${s.relationships.toLocaleString('en')}${s.truncated ? '+' : ''}`).join(', ');

export class RedFlagBook {
  private readonly pages = new Map<string, Page>();
  private readonly stopping = new AbortController();
  private importsRunning = 0;
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly options: RedFlagBookOptions) {}

  /** Computes `scope`'s page now (the server's start) and starts the periodic recheck. */
  start(scope: ReadScope): void {
    this.pageOf(scope);
    this.timer ??= setInterval(() => void this.recheck(), this.options.recheckMs).unref();
  }

  stop(): void {
    clearInterval(this.timer);
    for (const page of this.pages.values()) clearTimeout(page.next);
    this.stopping.abort(new Error('the server is stopping'));
  }

  /** The flags of `rules` under `scope`, from the last complete computation (waiting for a first one). */
  async answer(scope: ReadScope, rules: readonly RuleId[], limit: number): Promise<RedFlag[]> {
    const page = this.pageOf(scope);
    if (page.last === undefined) await this.firstComputation(page);
    if (page.last === undefined) throw this.notComputedYet(page);
    const when = ` (by the background computation of ${page.last.startedAt.toISOString()})`;
    return flagsOf(page.last.computation, rules, limit, this.options.logger, when);
  }

  status(scope: ReadScope): RedFlagStatus {
    const page = this.pageOf(scope);
    return {
      computedAt: page.last?.startedAt,
      scannedRelationships: page.last?.computation.scans ?? [],
      computationMs: page.last?.ms,
      computing: page.running !== undefined,
      computingSince: page.running?.startedAt,
      computingScanned: page.running?.scans ?? [],
      stale: page.last === undefined || page.changed || page.running !== undefined || this.importsRunning > 0,
    };
  }

  /** An import began: the flags may miss what it writes, and none are computed until it ends. */
  writeStarted(): void {
    this.importsRunning++;
  }

  writeFinished(committed: boolean): void {
    this.importsRunning--;
    for (const page of this.pages.values()) {
      if (committed) page.changed = true;
      if (page.changed) this.schedule(page);
    }
  }

  private pageOf(scope: ReadScope): Page {
    const key = keyOf(scope);
    let page = this.pages.get(key);
    if (page === undefined) {
      page = { scope: { hiddenRelTypes: [...scope.hiddenRelTypes] }, changed: true, waiters: new Set() };
      this.pages.set(key, page);
      this.schedule(page);
    }
    return page;
  }

  /**
   * Under a stream of imports the next computation waits, after the last one ended, as long as
   * that one took: the book never takes more than half the time, however often the graph changes.
   */
  private schedule(page: Page): void {
    if (page.running || page.next || this.importsRunning > 0 || this.stopping.signal.aborted) return;
    const gap = (page.last?.ms ?? 0) - (Date.now() - (page.endedAt ?? 0));
    if (gap <= 0) {
      void this.compute(page);
      return;
    }
    page.next = setTimeout(() => {
      page.next = undefined;
      this.schedule(page);
    }, gap).unref();
  }

  private async compute(page: Page): Promise<void> {
    const { store, logger, scanLimit, pauseMs } = this.options;
    const signal = this.stopping.signal;
    const run = { startedAt: new Date(), scans: [] as readonly TypeScan[] };
    page.running = run;
    page.changed = false;
    try {
      const fingerprint = await this.fingerprint(page.scope);
      const computation = await computeRedFlags(
        { store, scope: page.scope, meta: META, scanLimit },
        { rules: RULE_IDS, pauseMs, signal, onScan: (scans) => (run.scans = scans) },
      );
      const ms = Date.now() - run.startedAt.getTime();
      page.last = { computation, startedAt: run.startedAt, ms, fingerprint };
      page.failure = undefined;
      logger.info(
        { component: 'redflags', scope: page.scope.hiddenRelTypes, ms },
        `red flags computed: ${computation.flags.length} flags, read ${listed(computation.scans)}`,
      );
    } catch (error) {
      if (signal.aborted) return;
      page.failure = { at: new Date(), message: error instanceof Error ? error.message : String(error) };
      logger.warn({ component: 'redflags', err: error }, 'red-flag computation failed; it will be tried again');
      setTimeout(() => this.schedule(page), Math.min(RETRY_MS, this.options.recheckMs)).unref();
    } finally {
      page.running = undefined;
      page.endedAt = Date.now();
      for (const wake of page.waiters) wake();
      page.waiters.clear();
      if (page.changed && page.failure === undefined) this.schedule(page);
    }
  }

  /** What the periodic recheck compares: the scope's counts by label and by type. */
  private async fingerprint(scope: ReadScope): Promise<string> {
    return JSON.stringify(await this.options.store.stats(scope, META));
  }

  private async recheck(): Promise<void> {
    for (const page of this.pages.values()) {
      if (page.running || this.importsRunning > 0) continue;
      try {
        if (page.last === undefined || (await this.fingerprint(page.scope)) !== page.last.fingerprint) {
          page.changed = true;
          this.schedule(page);
        }
      } catch (error) {
        this.options.logger.warn({ component: 'redflags', err: error }, 'red-flag recheck failed');
      }
    }
  }

  /** Resolves when the page's computation ends, or after waitMs, whichever comes first. */
  private firstComputation(page: Page): Promise<void> {
    if (!page.running) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(done, this.options.waitMs);
      function done(): void {
        clearTimeout(timer);
        page.waiters.delete(done);
        resolve();
      }
      page.waiters.add(done);
    });
  }

  /** A refusal that says what is under way: never flags from part of the graph, never DB_UNAVAILABLE. */
  private notComputedYet(page: Page): LimitExceededError {
    const running = page.running;
    const failed = page.failure
      ? ` The last attempt failed at ${page.failure.at.toISOString()}: ${page.failure.message}.`
      : '';
    const state = running
      ? `they are being computed in the background since ${running.startedAt.toISOString()}; read so far: ${listed(running.scans)}.`
      : this.importsRunning > 0
        ? 'an import is under way; they will be computed when it ends.'
        : 'they will be computed again shortly.';
    return new LimitExceededError(
      `Red flags are not ready: ${state}${failed} Ask again later; redFlagStatus says when they are ready.`,
      {
        computing: running !== undefined,
        ...(running ? { computingSince: running.startedAt.toISOString() } : {}),
        scanned: running?.scans ?? [],
      },
    );
  }
}
