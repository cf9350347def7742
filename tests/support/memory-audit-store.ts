import type { AuditFilter } from '../../server/src/store/ports/AuditStore.ts';
import type { AuditRecord } from '../../server/src/model/records.ts';
import type { AuditStore } from '../../server/src/audit/audit-store.ts';

/**
 * The audit half of the store port kept in an array: for unit tests of the
 * chain logic, which must not depend on a database being there. Integration
 * tests run the same code against the real stores.
 */
export class MemoryAuditStore implements AuditStore {
  readonly records: AuditRecord[] = [];

  async appendAudit(records: readonly AuditRecord[]): Promise<void> {
    this.records.push(...records.map((record) => structuredClone(record)));
  }

  async lastAudit(): Promise<AuditRecord | undefined> {
    return this.records.at(-1);
  }

  async queryAudit(filter: AuditFilter): Promise<AuditRecord[]> {
    return this.records
      .filter(
        (r) =>
          (filter.user === undefined || r.user === filter.user) && (filter.since === undefined || r.at >= filter.since),
      )
      .filter((r) => filter.entityId === undefined || r.entityIds.includes(filter.entityId))
      .reverse()
      .slice(0, filter.limit);
  }

  async readAuditChain(afterSeq: number, limit: number): Promise<AuditRecord[]> {
    return this.records.filter((r) => r.seq > afterSeq).slice(0, limit);
  }
}
