/**
 * Sign-in back-off, per (username, client address) and per client address: after
 * a few attempts every further attempt must wait, doubling each time up to a
 * ceiling. An attempt is taken (atomically, in the shared state) before the
 * password is checked, so 30 concurrent guesses get as many checks as 30 in a row
 * would, and the count holds on every app server on the database.
 */
import { MemorySharedState } from '../store/MemorySharedState.ts';
import type { AttemptRule, SharedStateStore } from '../store/SharedStateStore.ts';

const MAX_DELAY_MS = 15 * 60 * 1000;
/** One account from one address: three free tries, then 1 s, 2 s, 4 s... */
const ACCOUNT_RULE: AttemptRule = { freeAttempts: 3, baseDelayMs: 1000, maxDelayMs: MAX_DELAY_MS };
/** One address across accounts (password spraying), generous for offices behind one address. */
const ADDRESS_RULE: AttemptRule = { freeAttempts: 30, baseDelayMs: 1000, maxDelayMs: MAX_DELAY_MS };

export class LoginThrottle {
  readonly #state: SharedStateStore;
  readonly #now: () => number;

  constructor(options: { state?: SharedStateStore; clock?: () => number } = {}) {
    this.#state = options.state ?? new MemorySharedState();
    this.#now = options.clock ?? Date.now;
  }

  static #keys(username: string, address: string): { account: string; address: string } {
    return { account: `login:${username.trim().toLowerCase()}\u0000${address}`, address: `login-address:${address}` };
  }

  /** Takes an attempt; answers the seconds to wait first (0: go ahead and check the password). */
  async begin(username: string, address: string): Promise<number> {
    const keys = LoginThrottle.#keys(username, address);
    const at = this.#now();
    for (const [key, rule] of [
      [keys.account, ACCOUNT_RULE],
      [keys.address, ADDRESS_RULE],
    ] as const) {
      const verdict = await this.#state.takeAttempt({ key, at, rule });
      if (!verdict.allowed) return Math.max(1, Math.ceil(verdict.retryAfterMs / 1000));
    }
    return 0;
  }

  /** A good password forgives the attempts from this address. */
  async succeeded(username: string, address: string): Promise<void> {
    const keys = LoginThrottle.#keys(username, address);
    await this.#state.resetAttempts(keys.account);
    await this.#state.resetAttempts(keys.address);
  }
}
