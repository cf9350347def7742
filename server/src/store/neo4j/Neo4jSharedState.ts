/** SharedStateStore on Neo4j: every method one short transaction (queries in shared-state-queries.ts). */
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
} from '../SharedStateStore.ts';
import type { TxMeta } from '../ports/read-scope.ts';
import { countInWindows, type CountTake, type WindowCount } from './counters.ts';
import { GroupCommit } from './group-commit.ts';
import { recordPersonReadsBatch } from './person-reads.ts';
import { run, type Runner } from './runner.ts';
import * as S from './shared-state-queries.ts';
import { asNumber, asRecord, asString, asStrings } from './values.ts';

const meta = (operation: string): TxMeta => ({ user: 'system', operation });

const suspensionFrom = (value: unknown): Suspension => {
  const s = asRecord(value);
  return { user: asString(s.user), at: asString(s.at), reason: asString(s.reason), requestId: asString(s.requestId) };
};

const alertFrom = (value: unknown): StoredAlert => {
  const a = asRecord(value);
  return {
    id: asString(a.id),
    at: asString(a.at),
    kind: asString(a.kind),
    user: asString(a.user),
    summary: asString(a.summary),
    entityIds: asStrings(a.entityIds),
    requestId: asString(a.requestId),
    ...(a.restricted === true ? { restricted: true } : {}),
  };
};

const allowanceFrom = (value: unknown): Allowance => {
  const a = asRecord(value);
  return {
    user: asString(a.user),
    persons: asNumber(a.persons),
    purpose: asString(a.purpose),
    approvedBy: asString(a.approvedBy),
    until: asNumber(a.until),
  };
};

export class Neo4jSharedState implements SharedStateStore {
  private readonly counts: GroupCommit<CountTake, WindowCount>;
  private readonly suspensions: GroupCommit<string, Suspension | undefined>;
  private readonly allowances: GroupCommit<string, Allowance | undefined>;
  private readonly personReads: GroupCommit<PersonReads, number>;

  constructor(private readonly runner: Runner) {
    this.counts = new GroupCommit((takes) => countInWindows(runner, takes));
    this.suspensions = new GroupCommit(async (users) => {
      const rows = await runner.readOnce(meta('findSuspension'), S.FIND_SUSPENSIONS, { users: [...new Set(users)] });
      const found = new Map(rows.map((row) => suspensionFrom(row.suspension)).map((s) => [s.user, s]));
      return users.map((user) => found.get(user));
    });
    this.allowances = new GroupCommit(async (users) => {
      const rows = await runner.readOnce(meta('findAllowance'), S.FIND_ALLOWANCES, { users: [...new Set(users)] });
      const found = new Map(rows.map((row) => allowanceFrom(row.allowance)).map((a) => [a.user, a]));
      return users.map((user) => found.get(user));
    });
    this.personReads = new GroupCommit((batch) => recordPersonReadsBatch(runner, batch));
  }

  /** Every read of persons is recorded before its answer leaves: concurrent ones share a transaction. */
  recordPersonReads(reads: PersonReads): Promise<number> {
    return this.personReads.submit(reads);
  }

  async countPersonReads(reads: Omit<PersonReads, 'at'>): Promise<{ distinct: number; unread: number }> {
    const rows = await this.runner.read(meta('countPersonReads'), (tx) =>
      run(tx, S.COUNT_PERSON_READS, { ...reads, personIds: [...new Set(reads.personIds)] }),
    );
    return { distinct: asNumber(rows[0]?.distinct), unread: asNumber(rows[0]?.unread) };
  }

  async forgetPersonReads(user: string): Promise<void> {
    await this.runner.write(meta('forgetPersonReads'), (tx) => run(tx, S.FORGET_PERSON_READS, { user }));
  }

  async suspend(suspension: Suspension): Promise<boolean> {
    const rows = await this.runner.write(meta('suspend'), (tx) =>
      run(tx, S.SUSPEND, { suspension: { ...suspension } }),
    );
    return rows[0]?.created === true;
  }

  async liftSuspension(user: string): Promise<boolean> {
    const rows = await this.runner.write(meta('liftSuspension'), (tx) => run(tx, S.LIFT_SUSPENSION, { user }));
    return rows[0]?.found === true;
  }

  /** Asked by every request: concurrent asks share one read (group-commit.ts). */
  findSuspension(user: string): Promise<Suspension | undefined> {
    return this.suspensions.submit(user);
  }

  async addAlert(alert: StoredAlert): Promise<void> {
    await this.runner.write(meta('addAlert'), (tx) =>
      run(tx, S.ADD_ALERT, { alert: { ...alert, entityIds: [...alert.entityIds] } }),
    );
  }

  async listAlerts(limit: number): Promise<StoredAlert[]> {
    const rows = await this.runner.read(meta('listAlerts'), (tx) =>
      run(tx, S.LIST_ALERTS, { limit: Math.max(0, Math.floor(limit)) }),
    );
    return rows.map((row) => alertFrom(row.alert));
  }

  /** Every request is counted (rate limits): concurrent counts share one transaction (counters.ts). */
  countInWindow(input: { key: string; at: number; windowMs: number }): Promise<WindowCount> {
    return this.counts.submit({ key: input.key, windowStart: input.at - (input.at % input.windowMs) });
  }

  takeAttempt(input: { key: string; at: number; rule: AttemptRule }): Promise<AttemptVerdict> {
    return this.runner.write(meta('takeAttempt'), async (tx): Promise<AttemptVerdict> => {
      const rows = await run(tx, S.LOCK_ATTEMPT, { key: input.key });
      const state = asRecord(rows[0]?.state);
      const taken = { attempts: asNumber(state.attempts), blockedUntil: asNumber(state.blockedUntil) };
      const waitMs = attemptWaitMs(taken, input.at, input.rule);
      if (waitMs > 0) {
        await run(tx, S.SAVE_ATTEMPT, { key: input.key, state: {} });
        return { allowed: false, retryAfterMs: waitMs };
      }
      const attempts = taken.attempts + 1;
      const next = { attempts, blockedUntil: input.at + attemptDelayMs(attempts, input.rule) };
      await run(tx, S.SAVE_ATTEMPT, { key: input.key, state: next });
      return { allowed: true };
    });
  }

  async resetAttempts(key: string): Promise<void> {
    await this.runner.write(meta('resetAttempts'), (tx) => run(tx, S.RESET_ATTEMPTS, { key }));
  }

  async grantAllowance(allowance: Allowance): Promise<void> {
    await this.runner.write(meta('grantAllowance'), (tx) =>
      run(tx, S.GRANT_ALLOWANCE, { allowance: { ...allowance } }),
    );
  }

  /** Asked after every read of persons: concurrent asks share one read. */
  async findAllowance(user: string, at: number): Promise<Allowance | undefined> {
    const allowance = await this.allowances.submit(user);
    return allowance !== undefined && allowance.until > at ? allowance : undefined;
  }
}
