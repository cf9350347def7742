/**
 * What several app servers on one database must agree on, kept in that database:
 * the insider detector's read window per user, suspensions, alerts, back-off
 * throttles and rate-limit counters. A narrow port of its own (not GraphStore):
 * each adapter makes every method atomic on its own (Neo4j by a write lock on the
 * node it changes; the embedded store admits one process, so that process's
 * memory, with suspensions in a table so that they outlast a restart and the
 * server-side CLI can lift them). Times are milliseconds since the epoch, so
 * every value crosses the embedded store's process boundary as it is.
 */

export interface Suspension {
  readonly user: string;
  /** ISO datetime */
  readonly at: string;
  readonly reason: string;
  readonly requestId: string;
}

export interface StoredAlert {
  readonly id: string;
  /** ISO datetime */
  readonly at: string;
  readonly kind: string;
  readonly user: string;
  readonly summary: string;
  readonly entityIds: readonly string[];
  readonly requestId: string;
  /** Raised by a read made under informant clearance: what it names may come from an identity. */
  readonly restricted?: boolean;
}

export interface PersonReads {
  readonly user: string;
  readonly personIds: readonly string[];
  readonly at: number;
  /** Reads older than this are forgotten. */
  readonly windowStart: number;
}

/** A back-off throttle: after `freeAttempts`, each attempt waits twice as long as the last, up to `maxDelayMs`. */
export interface AttemptRule {
  readonly freeAttempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
}

export type AttemptVerdict = { readonly allowed: true } | { readonly allowed: false; readonly retryAfterMs: number };

/** Extra distinct persons an admin approved in advance for another user's stated bulk work. */
export interface Allowance {
  readonly user: string;
  readonly persons: number;
  readonly purpose: string;
  readonly approvedBy: string;
  /** Milliseconds since the epoch. */
  readonly until: number;
}

export interface SharedStateStore {
  /** Adds the reads and answers how many distinct persons the user read since windowStart. */
  recordPersonReads(reads: PersonReads): Promise<number>;
  /** Read-only: how many distinct persons since windowStart, and how many of personIds would be new. */
  countPersonReads(reads: Omit<PersonReads, 'at'>): Promise<{ distinct: number; unread: number }>;
  forgetPersonReads(user: string): Promise<void>;

  /** True when the user was not suspended before. */
  suspend(suspension: Suspension): Promise<boolean>;
  /** True when the user was suspended. */
  liftSuspension(user: string): Promise<boolean>;
  findSuspension(user: string): Promise<Suspension | undefined>;

  addAlert(alert: StoredAlert): Promise<void>;
  /** Newest first. */
  listAlerts(limit: number): Promise<StoredAlert[]>;

  /** Counts one event under `key` in the fixed window of `windowMs` that holds `at`; answers the window's count. */
  countInWindow(input: { key: string; at: number; windowMs: number }): Promise<{ count: number; windowStart: number }>;
  /** Takes one attempt (counted as a failure until resetAttempts) or says how long to wait. */
  takeAttempt(input: { key: string; at: number; rule: AttemptRule }): Promise<AttemptVerdict>;
  resetAttempts(key: string): Promise<void>;

  /** Replaces the user's allowance. */
  grantAllowance(allowance: Allowance): Promise<void>;
  findAllowance(user: string, at: number): Promise<Allowance | undefined>;
}

/** The delay after `attempts` attempts under `rule` (0 while they are free). */
/**
 * How long an attempt must still wait after the ones already taken, or 0. Only attempts past
 * the free ones block: concurrent sign-ins reach the shared state out of clock order, and a
 * free attempt stamped a few milliseconds later must not refuse one stamped earlier.
 */
export function attemptWaitMs(
  taken: { attempts: number; blockedUntil: number },
  at: number,
  rule: AttemptRule,
): number {
  if (taken.attempts <= rule.freeAttempts) return 0;
  return Math.max(0, taken.blockedUntil - at);
}

export function attemptDelayMs(attempts: number, rule: AttemptRule): number {
  if (attempts <= rule.freeAttempts) return 0;
  return Math.min(rule.maxDelayMs, rule.baseDelayMs * 2 ** (attempts - rule.freeAttempts - 1));
}

/** Every method of the port, for adapters that forward them (the embedded store's process boundary). */
const SHARED_STATE_METHODS = [
  'recordPersonReads',
  'countPersonReads',
  'forgetPersonReads',
  'suspend',
  'liftSuspension',
  'findSuspension',
  'addAlert',
  'listAlerts',
  'countInWindow',
  'takeAttempt',
  'resetAttempts',
  'grantAllowance',
  'findAllowance',
] as const satisfies ReadonlyArray<keyof SharedStateStore>;

/** Whether a store (or a test's proxy around one) also implements this port. */
export function hasSharedState<T extends object>(store: T): store is T & SharedStateStore {
  return SHARED_STATE_METHODS.every((method) => typeof (store as Record<string, unknown>)[method] === 'function');
}
