/**
 * Login back-off per (username, client address): after a few failures every
 * further attempt must wait, doubling each time up to a ceiling. Kept in memory:
 * one server's view is enough to make guessing slow; a restart forgives.
 */
const FREE_FAILURES = 3;
const BASE_DELAY_MS = 1000;
const MAX_DELAY_MS = 15 * 60 * 1000;
/** Forget a key after this long without failures. */
const FORGET_AFTER_MS = 60 * 60 * 1000;
const MAX_KEYS = 100_000;

interface Entry {
  failures: number;
  blockedUntil: number;
  lastFailure: number;
}

export class LoginThrottle {
  readonly #entries = new Map<string, Entry>();
  readonly #now: () => number;

  constructor(now: () => number = Date.now) {
    this.#now = now;
  }

  static key(username: string, address: string): string {
    return `${username.toLowerCase()}\u0000${address}`;
  }

  /** Seconds to wait before this key may try again; 0 when it may try now. */
  retryAfterSeconds(key: string): number {
    const entry = this.#entries.get(key);
    if (!entry) return 0;
    const wait = entry.blockedUntil - this.#now();
    return wait > 0 ? Math.ceil(wait / 1000) : 0;
  }

  recordFailure(key: string): void {
    const now = this.#now();
    const entry = this.#entries.get(key) ?? { failures: 0, blockedUntil: 0, lastFailure: now };
    entry.failures += 1;
    entry.lastFailure = now;
    if (entry.failures > FREE_FAILURES) {
      const delay = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** (entry.failures - FREE_FAILURES - 1));
      entry.blockedUntil = now + delay;
    }
    this.#entries.set(key, entry);
    if (this.#entries.size > MAX_KEYS) this.#prune(now);
  }

  recordSuccess(key: string): void {
    this.#entries.delete(key);
  }

  #prune(now: number): void {
    for (const [key, entry] of this.#entries) {
      if (now - entry.lastFailure > FORGET_AFTER_MS) this.#entries.delete(key);
    }
    // Still too many (an attack from many addresses): drop the oldest half.
    if (this.#entries.size > MAX_KEYS) {
      const oldest = [...this.#entries.keys()].slice(0, Math.floor(this.#entries.size / 2));
      for (const key of oldest) this.#entries.delete(key);
    }
  }
}
