import { AlertLog, type Alert } from './alerts.ts';

export interface InsiderRules {
  /** Entities no legitimate work touches: any read raises an alert. */
  readonly canaryIds: ReadonlySet<string>;
  /** More than this many distinct persons in one window raises an alert. */
  readonly personAlertThreshold: number;
  /** More than this many suspends the session until an admin clears it. */
  readonly personSuspendThreshold: number;
  readonly windowMs: number;
}

export const DEFAULT_RULES: Omit<InsiderRules, 'canaryIds'> = {
  personAlertThreshold: 50,
  personSuspendThreshold: 200,
  windowMs: 60 * 60 * 1000,
};

export interface ReadObservation {
  readonly user: string;
  readonly requestId: string;
  /** Every entity id the response carries (nodes and relationship endpoints). */
  readonly entityIds: readonly string[];
  /** The subset of entityIds known to be Person nodes. */
  readonly personIds: readonly string[];
  /** Made under informant clearance (see audit/restricted-reads.ts); the alerts it raises say so. */
  readonly restricted?: boolean;
}

export interface Verdict {
  readonly alerts: readonly Alert[];
  /** True when this read crossed the suspension threshold or the user was already suspended. */
  readonly suspended: boolean;
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
 * Insider-lookup detection: canary reads and read volume per user over a
 * sliding window. The clock is injected so tests can move time without waiting.
 */
export class InsiderDetector {
  readonly alerts = new AlertLog();
  readonly #rules: InsiderRules;
  readonly #clock: () => number;
  /** user -> person id -> last time read */
  readonly #reads = new Map<string, Map<string, number>>();
  /** user -> time of the last volume alert, so one burst raises one alert per window */
  readonly #lastVolumeAlert = new Map<string, number>();
  readonly #suspended = new Map<string, Alert>();

  constructor(options: { rules?: Partial<InsiderRules>; clock?: () => number } = {}) {
    this.#rules = { ...DEFAULT_RULES, canaryIds: new Set(), ...options.rules };
    this.#clock = options.clock ?? Date.now;
  }

  isSuspended(user: string): boolean {
    return this.#suspended.has(user);
  }

  suspendedUsers(): string[] {
    return [...this.#suspended.keys()];
  }

  /**
   * Puts a suspension back in force (after a restart, from the audit trail), and lists it
   * among the alerts again, since that is where an admin finds whom to clear.
   */
  restoreSuspension(alert: Omit<Alert, 'id'>): void {
    if (!this.#suspended.has(alert.user)) this.#suspended.set(alert.user, this.alerts.add(alert));
  }

  /** Returns whether the user was suspended. */
  clearSuspension(user: string): boolean {
    this.#reads.delete(user);
    this.#lastVolumeAlert.delete(user);
    return this.#suspended.delete(user);
  }

  /** Raises an alert found elsewhere (e.g. an identity the response filter had to withhold). */
  flag(alert: Omit<Alert, 'id' | 'at'>): Alert {
    return this.alerts.add({ ...alert, at: new Date(this.#clock()).toISOString() });
  }

  observe(read: ReadObservation): Verdict {
    const now = this.#clock();
    const raised: Alert[] = [];
    const raise = (kind: Alert['kind'], summary: string, entityIds: readonly string[]): Alert => {
      const alert = this.alerts.add({
        at: new Date(now).toISOString(),
        kind,
        user: read.user,
        summary,
        entityIds,
        requestId: read.requestId,
        ...(read.restricted === true ? { restricted: true } : {}),
      });
      raised.push(alert);
      return alert;
    };

    const canaries = [...new Set(read.entityIds.filter((id) => this.#rules.canaryIds.has(id)))];
    if (canaries.length > 0) raise('CANARY_READ', `${read.user} read canary entity ${canaries.join(', ')}`, canaries);

    const distinct = this.#countPersons(read, now);
    const { personAlertThreshold, personSuspendThreshold, windowMs } = this.#rules;
    const lastAlert = this.#lastVolumeAlert.get(read.user);
    if (distinct > personAlertThreshold && (lastAlert === undefined || now - lastAlert >= windowMs)) {
      this.#lastVolumeAlert.set(read.user, now);
      raise(
        'VOLUME',
        `${read.user} read ${distinct} distinct persons within an hour (alert above ${personAlertThreshold})`,
        [],
      );
    }
    if (distinct > personSuspendThreshold && !this.#suspended.has(read.user)) {
      const suspension = raise(
        'SESSION_SUSPENDED',
        `${read.user} read ${distinct} distinct persons within an hour: session suspended until an admin clears it`,
        [],
      );
      this.#suspended.set(read.user, suspension);
    }
    return { alerts: raised, suspended: this.#suspended.has(read.user) };
  }

  #countPersons(read: ReadObservation, now: number): number {
    const seen = this.#reads.get(read.user) ?? new Map<string, number>();
    this.#reads.set(read.user, seen);
    for (const [id, at] of seen) if (now - at >= this.#rules.windowMs) seen.delete(id);
    for (const id of read.personIds) seen.set(id, now);
    return seen.size;
  }
}
