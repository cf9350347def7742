/**
 * What the audit plugin asks of whoever watches read volume and canaries (security's
 * InsiderDetector): told of every answer's entities, it answers with alerts and whether the
 * reader is suspended. Named here so that audit stays below security, which builds the plugin.
 */
import type { Role } from '../model/records.ts';
import type { StoredAlert } from '../store/SharedStateStore.ts';

export interface ReadObservation {
  readonly user: string;
  /** The reader's role picks the thresholds (INVESTIGATOR when absent). */
  readonly role?: Role;
  readonly requestId: string;
  /** Every entity id the response carries (nodes and relationship endpoints). */
  readonly entityIds: readonly string[];
  /** The subset of entityIds known to be Person nodes. */
  readonly personIds: readonly string[];
  /** Made under informant clearance (see audit/restricted-reads.ts); the alerts it raises say so. */
  readonly restricted?: boolean;
}

export interface Verdict {
  readonly alerts: readonly StoredAlert[];
  /** True when this read crossed the suspension threshold or the user was already suspended. */
  readonly suspended: boolean;
}

export interface ReadWatch {
  /** Raises an alert that no read volume decides (an informant identity withheld, say). */
  flag(alert: Omit<StoredAlert, 'id' | 'at'>): Promise<StoredAlert>;
  observe(read: ReadObservation): Promise<Verdict>;
}
