/**
 * Requests refused before execution (no or a bad token, a body that is not JSON,
 * a wrong method) per client address and minute, counted in the shared state so
 * the limit holds on every app server on the database. The first `limit` of a
 * minute are recorded one by one by the caller; beyond it the address is answered
 * 429 and each refusal is folded into one summary per address and minute, written
 * as a single audit record when the minute ends (or on flush), so a flood cannot
 * flood the trail and no refusal goes unrecorded.
 */
import type { AuditEntry } from '../audit/AuditTrail.ts';
import type { Logger } from '../logger.ts';
import type { SharedStateStore } from '../store/SharedStateStore.ts';
import type { RateVerdict } from './RateLimiter.ts';

const DEFAULT_REFUSAL_LIMIT = 60;
export const FLOOD_OPERATION = '(refusal flood)';
const MINUTE_MS = 60_000;
/** Summaries held in memory at most; past it the oldest is written early. */
const DEFAULT_MAX_ADDRESSES = 10_000;

export interface RefusalFloodOptions {
  readonly state: Pick<SharedStateStore, 'countInWindow'>;
  readonly trail: { record(entry: AuditEntry): Promise<unknown> } | undefined;
  readonly logger: Logger;
  readonly limit?: number;
  readonly maxAddresses?: number;
  /** Injectable for tests (milliseconds since the epoch). */
  readonly clock?: () => number;
  /** Runs `write` after `delayMs`; injectable so tests need no real timers. */
  readonly schedule?: (write: () => void, delayMs: number) => void;
}

interface Summary {
  readonly address: string;
  readonly windowStart: number;
  /** The first folded request, so the summary can be found from a client's report. */
  readonly requestId: string;
  count: number;
  firstAt: number;
  lastAt: number;
  readonly reasons: Record<string, number>;
}

/** Unref'd: a pending summary must not keep the process alive (stop flushes it). */
const unrefTimer = (write: () => void, delayMs: number): void => {
  setTimeout(write, delayMs).unref();
};

export class RefusalFlood {
  readonly #state: RefusalFloodOptions['state'];
  readonly #trail: RefusalFloodOptions['trail'];
  readonly #log: Logger;
  readonly #limit: number;
  readonly #maxAddresses: number;
  readonly #clock: () => number;
  readonly #schedule: NonNullable<RefusalFloodOptions['schedule']>;
  /** Insertion order is age: the first entry is the oldest summary. */
  readonly #summaries = new Map<string, Summary>();
  readonly #scheduledWindows = new Set<number>();
  readonly #writes = new Set<Promise<void>>();

  constructor(options: RefusalFloodOptions) {
    this.#state = options.state;
    this.#trail = options.trail;
    this.#log = options.logger.child({ component: 'audit' });
    this.#limit = options.limit ?? DEFAULT_REFUSAL_LIMIT;
    this.#maxAddresses = options.maxAddresses ?? DEFAULT_MAX_ADDRESSES;
    this.#clock = options.clock ?? Date.now;
    this.#schedule = options.schedule ?? unrefTimer;
  }

  /**
   * Counts one refusal. Allowed: the caller records it as usual. Not allowed: it
   * is folded here and the caller answers 429. A shared state that cannot be read
   * lets the refusal through to be recorded alone (it carries no data either way).
   */
  async count(refusal: { address: string; code: string; requestId: string }): Promise<RateVerdict> {
    const at = this.#clock();
    let counted: { count: number; windowStart: number };
    try {
      counted = await this.#state.countInWindow({ key: `refused:${refusal.address}`, at, windowMs: MINUTE_MS });
    } catch (error) {
      this.#log.warn({ err: error, requestId: refusal.requestId }, 'refusals could not be counted');
      return { allowed: true };
    }
    if (counted.count <= this.#limit) return { allowed: true };
    this.#fold(refusal, at, counted.windowStart);
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((counted.windowStart + MINUTE_MS - at) / 1000)) };
  }

  /** Writes every summary held and waits for the writes under way (stop, and tests). */
  async flush(): Promise<void> {
    for (const key of [...this.#summaries.keys()]) this.#write(key);
    await Promise.all([...this.#writes]);
  }

  #fold(refusal: { address: string; code: string; requestId: string }, at: number, windowStart: number): void {
    const key = `${refusal.address}\u0000${windowStart}`;
    let summary = this.#summaries.get(key);
    if (!summary) {
      summary = { ...refusal, windowStart, count: 0, firstAt: at, lastAt: at, reasons: {} };
      this.#summaries.set(key, summary);
      this.#scheduleWindow(windowStart);
      if (this.#summaries.size > this.#maxAddresses) this.#write(this.#summaries.keys().next().value as string);
    }
    summary.count += 1;
    summary.firstAt = Math.min(summary.firstAt, at);
    summary.lastAt = Math.max(summary.lastAt, at);
    summary.reasons[refusal.code] = (summary.reasons[refusal.code] ?? 0) + 1;
  }

  /** One timer per minute, whatever the number of addresses, fired when that minute is over. */
  #scheduleWindow(windowStart: number): void {
    if (this.#scheduledWindows.has(windowStart)) return;
    this.#scheduledWindows.add(windowStart);
    this.#schedule(
      () => {
        this.#scheduledWindows.delete(windowStart);
        for (const [key, summary] of this.#summaries) if (summary.windowStart === windowStart) this.#write(key);
      },
      Math.max(0, windowStart + MINUTE_MS - this.#clock()),
    );
  }

  #write(key: string): void {
    const summary = this.#summaries.get(key);
    if (!summary) return;
    this.#summaries.delete(key);
    const written = this.#record(summary).finally(() => this.#writes.delete(written));
    this.#writes.add(written);
  }

  async #record(summary: Summary): Promise<void> {
    if (!this.#trail) return;
    try {
      await this.#trail.record({
        user: 'anonymous',
        role: '',
        operation: FLOOD_OPERATION,
        purpose: '',
        entityIds: [],
        outcome: 'RATE_LIMITED',
        requestId: summary.requestId,
        clientAddress: summary.address,
        details: {
          refusedBeforeExecution: true,
          count: summary.count,
          firstAt: new Date(summary.firstAt).toISOString(),
          lastAt: new Date(summary.lastAt).toISOString(),
          reasons: summary.reasons,
        },
      });
    } catch (error) {
      // AuditTrail logs the failed write too; the count is said here so the operator knows what is missing.
      this.#log.error({ err: error, address: summary.address, count: summary.count }, 'refusal flood not audited');
    }
  }
}
