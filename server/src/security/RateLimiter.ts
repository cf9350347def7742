export interface RateLimit {
  /** Requests a key may make in a burst. */
  readonly burst: number;
  /** Sustained requests per minute. */
  readonly perMinute: number;
}

export const DEFAULT_RATE_LIMIT: RateLimit = { burst: 300, perMinute: 600 };

/** A sustained rate per minute, with bursts of half of it (at least 1). */
export function perMinute(rate: number): RateLimit {
  return { perMinute: rate, burst: Math.max(1, Math.floor(rate / 2)) };
}

/**
 * Token bucket per key (a username, or the client address before sign-in).
 * The clock is injected so tests can move time without waiting.
 */
export class RateLimiter {
  readonly #limit: RateLimit;
  readonly #clock: () => number;
  readonly #buckets = new Map<string, { tokens: number; at: number }>();

  constructor(options: { limit?: RateLimit; clock?: () => number } = {}) {
    this.#limit = options.limit ?? DEFAULT_RATE_LIMIT;
    this.#clock = options.clock ?? Date.now;
  }

  /** Takes one token; returns how many seconds to wait when there is none. */
  take(key: string): { allowed: true } | { allowed: false; retryAfterSeconds: number } {
    const now = this.#clock();
    const perMs = this.#limit.perMinute / 60_000;
    const bucket = this.#buckets.get(key) ?? { tokens: this.#limit.burst, at: now };
    bucket.tokens = Math.min(this.#limit.burst, bucket.tokens + (now - bucket.at) * perMs);
    bucket.at = now;
    this.#buckets.set(key, bucket);
    if (this.#buckets.size > 100_000) this.#forgetFullBuckets();
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { allowed: true };
    }
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / perMs / 1000)) };
  }

  /** A full bucket is the same as no bucket: drop them so many one-off keys cannot grow memory. */
  #forgetFullBuckets(): void {
    for (const [key, bucket] of this.#buckets) if (bucket.tokens >= this.#limit.burst - 1) this.#buckets.delete(key);
  }
}
