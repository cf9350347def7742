export type AlertKind = 'CANARY_READ' | 'VOLUME' | 'SESSION_SUSPENDED' | 'IDENTITY_LEAK_BLOCKED';

/** Something an admin should look at: a likely insider lookup. */
export interface Alert {
  readonly id: string;
  /** ISO datetime */
  readonly at: string;
  readonly kind: AlertKind;
  readonly user: string;
  readonly summary: string;
  readonly entityIds: readonly string[];
  readonly requestId: string;
  /** Raised by a read made under informant clearance: what it names may come from an identity. */
  readonly restricted?: boolean;
}

/**
 * Alerts kept in memory, newest last, capped. They are also written into the
 * request's audit record (details.alerts), which is the durable, tamper-evident
 * copy; this list is what the admin API and the explorer show.
 */
export class AlertLog {
  readonly #alerts: Alert[] = [];
  readonly #capacity: number;
  #next = 1;

  constructor(capacity = 10_000) {
    this.#capacity = capacity;
  }

  add(alert: Omit<Alert, 'id'>): Alert {
    const stored: Alert = { ...alert, id: `alert-${this.#next++}` };
    this.#alerts.push(stored);
    if (this.#alerts.length > this.#capacity) this.#alerts.shift();
    return stored;
  }

  /** Newest first. */
  list(limit: number): Alert[] {
    return this.#alerts.slice(-Math.max(0, limit)).reverse();
  }
}
