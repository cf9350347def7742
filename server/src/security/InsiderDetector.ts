import { randomUUID } from 'node:crypto';
import type { Role } from '../model/records.ts';
import { MemorySharedState } from '../store/MemorySharedState.ts';
import type { Allowance, SharedStateStore, Suspension } from '../store/SharedStateStore.ts';
import type { ReadObservation, ReadWatch, Verdict } from '../audit/read-watch.ts';
import type { Alert } from './alerts.ts';

/** Distinct persons one user may read in a window: above `alert` an alert, above `suspend` a suspension. */
export interface VolumeThresholds {
  readonly alert: number;
  readonly suspend: number;
}

export interface InsiderRules {
  /** Entities no legitimate work touches: any read raises an alert. */
  readonly canaryIds: ReadonlySet<string>;
  readonly thresholds: Readonly<Record<Role, VolumeThresholds>>;
  readonly windowMs: number;
}

const DEFAULT_THRESHOLDS: VolumeThresholds = { alert: 50, suspend: 200 };

const DEFAULT_RULES: Omit<InsiderRules, 'canaryIds'> = {
  thresholds: { VIEWER: DEFAULT_THRESHOLDS, INVESTIGATOR: DEFAULT_THRESHOLDS, ADMIN: DEFAULT_THRESHOLDS },
  windowMs: 60 * 60 * 1000,
};

/** What a user may still read, for the explorer's warning before a read crosses a threshold. */
export interface ReadVolume {
  readonly distinctPersons: number;
  readonly alertAbove: number;
  readonly suspendAbove: number;
  readonly windowMinutes: number;
  /** Of the persons asked about, how many the user has not read in the window. */
  readonly newPersons: number;
  readonly allowance: Allowance | undefined;
}

/** MAILLON_CANARY_IDS="id1,id2" -> set of ids. */
export function canaryIdsFromEnv(value: string | undefined): Set<string> {
  return new Set(
    (value ?? '')
      .split(',')
      .map((id) => id.trim())
      .filter((id) => id.length > 0),
  );
}

/**
 * Insider-lookup detection: canary reads and read volume per user over a window.
 * Everything it remembers lives in the shared state (the database), so a user
 * spreading reads over several app servers is counted once, and a suspension or
 * its clearance holds on all of them at once. The clock is injected so tests can
 * move time without waiting.
 */
export class InsiderDetector implements ReadWatch {
  readonly #state: SharedStateStore;
  readonly #rules: InsiderRules;
  readonly #clock: () => number;

  constructor(options: { state?: SharedStateStore; rules?: Partial<InsiderRules>; clock?: () => number } = {}) {
    this.#state = options.state ?? new MemorySharedState();
    this.#rules = { ...DEFAULT_RULES, canaryIds: new Set(), ...options.rules };
    this.#clock = options.clock ?? Date.now;
  }

  thresholdsFor(role: Role | undefined): VolumeThresholds {
    return this.#rules.thresholds[role ?? 'INVESTIGATOR'];
  }

  async isSuspended(user: string): Promise<boolean> {
    return (await this.#state.findSuspension(user)) !== undefined;
  }

  findSuspension(user: string): Promise<Suspension | undefined> {
    return this.#state.findSuspension(user);
  }

  /** Returns whether the user was suspended. The reads counted so far are forgiven with it. */
  async clearSuspension(user: string): Promise<boolean> {
    await this.#state.forgetPersonReads(user);
    return this.#state.liftSuspension(user);
  }

  listAlerts(limit: number): Promise<Alert[]> {
    return this.#state.listAlerts(limit);
  }

  /** Raises an alert found elsewhere (e.g. an identity the response filter had to withhold). */
  async flag(alert: Omit<Alert, 'id' | 'at'>): Promise<Alert> {
    return this.#add({ ...alert, at: new Date(this.#clock()).toISOString() });
  }

  /** Bulk work approved in advance: `persons` more distinct persons before a suspension, until `until`. */
  approveBulk(allowance: Allowance): Promise<void> {
    return this.#state.grantAllowance(allowance);
  }

  async readVolume(input: { user: string; role: Role; personIds?: readonly string[] }): Promise<ReadVolume> {
    const now = this.#clock();
    const { distinct, unread } = await this.#state.countPersonReads({
      user: input.user,
      personIds: input.personIds ?? [],
      windowStart: now - this.#rules.windowMs,
    });
    const allowance = await this.#state.findAllowance(input.user, now);
    const thresholds = this.thresholdsFor(input.role);
    return {
      distinctPersons: distinct,
      alertAbove: thresholds.alert + (allowance?.persons ?? 0),
      suspendAbove: thresholds.suspend + (allowance?.persons ?? 0),
      windowMinutes: Math.round(this.#rules.windowMs / 60_000),
      newPersons: unread,
      allowance,
    };
  }

  async observe(read: ReadObservation): Promise<Verdict> {
    const now = this.#clock();
    const raised: Alert[] = [];
    const raise = async (kind: Alert['kind'], summary: string, entityIds: readonly string[]): Promise<void> => {
      const alert = {
        at: new Date(now).toISOString(),
        kind,
        user: read.user,
        summary,
        entityIds,
        requestId: read.requestId,
        ...(read.restricted === true ? { restricted: true } : {}),
      };
      raised.push(await this.#add(alert));
    };

    const canaries = [...new Set(read.entityIds.filter((id) => this.#rules.canaryIds.has(id)))];
    if (canaries.length > 0)
      await raise('CANARY_READ', `${read.user} read canary entity ${canaries.join(', ')}`, canaries);
    if (read.personIds.length === 0) return { alerts: raised, suspended: false };

    const { windowMs } = this.#rules;
    const distinct = await this.#state.recordPersonReads({
      user: read.user,
      personIds: read.personIds,
      at: now,
      windowStart: now - windowMs,
    });
    const allowance = await this.#state.findAllowance(read.user, now);
    const extra = allowance?.persons ?? 0;
    const thresholds = this.thresholdsFor(read.role);
    if (distinct > thresholds.alert + extra) {
      // One volume alert per user and window, whichever server saw the read.
      const seen = await this.#state.countInWindow({ key: `volume-alert:${read.user}`, at: now, windowMs });
      if (seen.count === 1) {
        await raise(
          'VOLUME',
          `${read.user} read ${distinct} distinct persons within an hour (alert above ${thresholds.alert + extra})`,
          [],
        );
      }
    }
    if (distinct <= thresholds.suspend + extra) return { alerts: raised, suspended: false };
    const summary = `${read.user} read ${distinct} distinct persons within an hour: session suspended until an admin clears it`;
    const fresh = await this.#state.suspend({
      user: read.user,
      at: new Date(now).toISOString(),
      reason: summary,
      requestId: read.requestId,
    });
    if (fresh) await raise('SESSION_SUSPENDED', summary, []);
    return { alerts: raised, suspended: true };
  }

  async #add(alert: Omit<Alert, 'id'>): Promise<Alert> {
    const stored: Alert = { ...alert, id: `alert-${randomUUID()}` };
    await this.#state.addAlert(stored);
    return stored;
  }
}
