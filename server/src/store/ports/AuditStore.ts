/** The audit port: the append-only, hash-chained record of every request. */
import type { AuditRecord } from '../../model/records.ts';

export interface AuditFilter {
  readonly limit: number;
  readonly user?: string;
  readonly entityId?: string;
  /** ISO datetime */
  readonly since?: string;
}

export interface AuditStore {
  /**
   * Appends the records, in order, in one transaction: all of them are durable
   * when this resolves, none when it rejects (the trail batches concurrent requests).
   */
  appendAudit(records: readonly AuditRecord[]): Promise<void>;
  lastAudit(): Promise<AuditRecord | undefined>;
  /** Newest first. */
  queryAudit(filter: AuditFilter): Promise<AuditRecord[]>;
  /** Oldest first, for chain verification; `afterSeq` pages through. */
  readAuditChain(afterSeq: number, limit: number): Promise<AuditRecord[]>;
}
