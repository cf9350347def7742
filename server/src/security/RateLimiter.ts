import { MemorySharedState } from '../store/MemorySharedState.ts';
import type { SharedStateStore } from '../store/SharedStateStore.ts';

const DEFAULT_PER_MINUTE = 600;
const MINUTE_MS = 60_000;

export type RateVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * Requests per key (a username, or the client address before sign-in) and
 * minute, counted in the shared state, so that the limit holds across every app
 * server on the database and under any concurrency (the count is one atomic
 * increment). A fixed window per minute: at most `perMinute` in any calendar
 * minute. The clock is injected so tests can move time without waiting.
 */
export class RateLimiter {
  readonly #state: SharedStateStore;
  readonly #perMinute: number;
  readonly #clock: () => number;

  constructor(options: { state?: SharedStateStore; perMinute?: number; clock?: () => number } = {}) {
    this.#state = options.state ?? new MemorySharedState();
    this.#perMinute = options.perMinute ?? DEFAULT_PER_MINUTE;
    this.#clock = options.clock ?? Date.now;
  }

  /** Counts one request; says how many seconds to wait when the key is over its limit. */
  async take(key: string): Promise<RateVerdict> {
    const now = this.#clock();
    const { count, windowStart } = await this.#state.countInWindow({
      key: `rate:${key}`,
      at: now,
      windowMs: MINUTE_MS,
    });
    if (count <= this.#perMinute) return { allowed: true };
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((windowStart + MINUTE_MS - now) / 1000)) };
  }
}
