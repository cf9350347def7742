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
  constructor(private readonly runner: Runner) {}

  async recordPersonReads(reads: PersonReads): Promise<number> {
    const rows = await this.runner.write(meta('recordPersonReads'), (tx) =>
      run(tx, S.RECORD_PERSON_READS, { ...reads, personIds: [...new Set(reads.personIds)] }),
    );
    return asNumber(rows[0]?.distinct);
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

  async findSuspension(user: string): Promise<Suspension | undefined> {
    const rows = await this.runner.read(meta('findSuspension'), (tx) => run(tx, S.FIND_SUSPENSION, { user }));
    return rows[0] ? suspensionFrom(rows[0].suspension) : undefined;
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

  countInWindow(input: { key: string; at: number; windowMs: number }) {
    const windowStart = input.at - (input.at % input.windowMs);
    return this.runner.write(meta('countInWindow'), async (tx) => {
      const rows = await run(tx, S.LOCK_COUNTER, { key: input.key });
      const state = asRecord(rows[0]?.state);
      const count = asNumber(state.windowStart) === windowStart ? asNumber(state.count) + 1 : 1;
      await run(tx, S.SAVE_COUNTER, { key: input.key, state: { count, windowStart } });
      return { count, windowStart };
    });
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

  async findAllowance(user: string, at: number): Promise<Allowance | undefined> {
    const rows = await this.runner.read(meta('findAllowance'), (tx) => run(tx, S.FIND_ALLOWANCE, { user, at }));
    return rows[0] ? allowanceFrom(rows[0].allowance) : undefined;
  }
}
