/**
 * SharedStateStore in one process's memory: what the embedded store uses for
 * everything but suspensions (it admits one process, so its memory is shared by
 * every request there is), and what unit tests of the detector and throttles use.
 * Synchronous inside each method, so each one is atomic on Node's one thread.
 */
import {
  attemptDelayMs,
  attemptWaitMs,
  type Allowance,
  type AttemptRule,
  type AttemptVerdict,
  type PersonReads,
  type SharedStateStore,
  type StoredAlert,
  type Suspension,
} from './SharedStateStore.ts';

const MAX_ALERTS = 10_000;
const MAX_KEYS = 100_000;

export class MemorySharedState implements SharedStateStore {
  /** user -> person id -> last read */
  readonly #reads = new Map<string, Map<string, number>>();
  readonly #suspensions = new Map<string, Suspension>();
  readonly #alerts: StoredAlert[] = [];
  readonly #windows = new Map<string, { count: number; windowStart: number }>();
  readonly #attempts = new Map<string, { attempts: number; blockedUntil: number }>();
  readonly #allowances = new Map<string, Allowance>();

  async recordPersonReads(reads: PersonReads): Promise<number> {
    const seen = this.#window(reads.user, reads.windowStart);
    for (const id of reads.personIds) seen.set(id, reads.at);
    return seen.size;
  }

  async countPersonReads(reads: Omit<PersonReads, 'at'>): Promise<{ distinct: number; unread: number }> {
    const seen = this.#window(reads.user, reads.windowStart);
    return { distinct: seen.size, unread: new Set(reads.personIds.filter((id) => !seen.has(id))).size };
  }

  async forgetPersonReads(user: string): Promise<void> {
    this.#reads.delete(user);
  }

  async suspend(suspension: Suspension): Promise<boolean> {
    if (this.#suspensions.has(suspension.user)) return false;
    this.#suspensions.set(suspension.user, suspension);
    return true;
  }

  async liftSuspension(user: string): Promise<boolean> {
    return this.#suspensions.delete(user);
  }

  async findSuspension(user: string): Promise<Suspension | undefined> {
    return this.#suspensions.get(user);
  }

  async addAlert(alert: StoredAlert): Promise<void> {
    this.#alerts.push(alert);
    if (this.#alerts.length > MAX_ALERTS) this.#alerts.shift();
  }

  async listAlerts(limit: number): Promise<StoredAlert[]> {
    return this.#alerts.slice(-Math.max(0, limit)).reverse();
  }

  async countInWindow(input: { key: string; at: number; windowMs: number }) {
    const windowStart = input.at - (input.at % input.windowMs);
    const current = this.#windows.get(input.key);
    const entry = current && current.windowStart === windowStart ? current : { count: 0, windowStart };
    entry.count += 1;
    this.#windows.set(input.key, entry);
    if (this.#windows.size > MAX_KEYS) {
      for (const [key, value] of this.#windows) if (value.windowStart < windowStart) this.#windows.delete(key);
    }
    return { count: entry.count, windowStart };
  }

  async takeAttempt(input: { key: string; at: number; rule: AttemptRule }): Promise<AttemptVerdict> {
    const entry = this.#attempts.get(input.key) ?? { attempts: 0, blockedUntil: 0 };
    const waitMs = attemptWaitMs(entry, input.at, input.rule);
    if (waitMs > 0) return { allowed: false, retryAfterMs: waitMs };
    entry.attempts += 1;
    entry.blockedUntil = input.at + attemptDelayMs(entry.attempts, input.rule);
    this.#attempts.set(input.key, entry);
    if (this.#attempts.size > MAX_KEYS) {
      for (const [key, value] of this.#attempts) if (value.blockedUntil < input.at) this.#attempts.delete(key);
    }
    return { allowed: true };
  }

  async resetAttempts(key: string): Promise<void> {
    this.#attempts.delete(key);
  }

  async grantAllowance(allowance: Allowance): Promise<void> {
    this.#allowances.set(allowance.user, allowance);
  }

  async findAllowance(user: string, at: number): Promise<Allowance | undefined> {
    const allowance = this.#allowances.get(user);
    return allowance && allowance.until > at ? allowance : undefined;
  }

  #window(user: string, windowStart: number): Map<string, number> {
    const seen = this.#reads.get(user) ?? new Map<string, number>();
    this.#reads.set(user, seen);
    for (const [id, at] of seen) if (at < windowStart) seen.delete(id);
    return seen;
  }
}
