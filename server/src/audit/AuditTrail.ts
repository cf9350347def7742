import { AuditUnavailableError } from '../errors.ts';
import { createLogger } from '../logger.ts';
import type { AuditRecord } from '../store/GraphStore.ts';
import { GENESIS_HASH, hashAuditFields, type AuditFields } from './audit-hash.ts';
import type { AuditStore } from './audit-store.ts';
import { canonicalJson } from './canonical-json.ts';

const log = createLogger('audit');

/** What a caller knows about one operation; the trail adds seq, time and the chain. */
export interface AuditEntry {
  readonly user: string;
  readonly role: string;
  readonly operation: string;
  readonly purpose: string;
  readonly entityIds: readonly string[];
  readonly outcome: string;
  readonly requestId: string;
  readonly clientAddress: string;
  readonly details?: Readonly<Record<string, unknown>>;
}

export interface AuditTrailOptions {
  readonly store: AuditStore;
  /** Injectable for tests. */
  readonly clock?: () => Date;
}

/** Client-chosen strings (operation names, purposes) are capped so one request cannot bloat the trail. */
const MAX_FIELD_CHARS = 1000;
const cap = (value: string): string => (value.length > MAX_FIELD_CHARS ? `${value.slice(0, MAX_FIELD_CHARS)}…` : value);

/**
 * Append-only, hash-chained audit trail. Appends are serialised within the
 * process so that two concurrent requests never take the same seq or fork the
 * chain. Fail-closed: when the store cannot take the record, `record` rejects
 * with AuditUnavailableError and the caller must not hand out its data.
 */
export class AuditTrail {
  readonly #store: AuditStore;
  readonly #clock: () => Date;
  #tail: Promise<unknown> = Promise.resolve();
  /** Last written link; undefined means "read it from the store first". */
  #head: { seq: number; hash: string } | undefined;

  constructor(options: AuditTrailOptions) {
    this.#store = options.store;
    this.#clock = options.clock ?? (() => new Date());
  }

  record(entry: AuditEntry): Promise<AuditRecord> {
    const appended = this.#tail.then(() => this.#append(entry));
    this.#tail = appended.catch(() => undefined);
    return appended;
  }

  async #append(entry: AuditEntry): Promise<AuditRecord> {
    try {
      const head = this.#head ?? (await this.#readHead());
      const fields: AuditFields = {
        seq: head.seq + 1,
        at: this.#clock().toISOString(),
        user: cap(entry.user),
        role: cap(entry.role),
        operation: cap(entry.operation),
        purpose: cap(entry.purpose),
        entityIds: [...new Set(entry.entityIds)],
        outcome: cap(entry.outcome),
        requestId: cap(entry.requestId),
        clientAddress: cap(entry.clientAddress),
        details: canonicalJson(entry.details ?? {}),
        prevHash: head.hash,
      };
      const record: AuditRecord = { ...fields, hash: hashAuditFields(fields) };
      await this.#store.appendAudit(record);
      this.#head = { seq: record.seq, hash: record.hash };
      return record;
    } catch (error) {
      // A failed write may or may not have landed: read the head again next time.
      this.#head = undefined;
      log.error({ err: error, operation: entry.operation, user: entry.user }, 'audit record could not be written');
      throw new AuditUnavailableError();
    }
  }

  async #readHead(): Promise<{ seq: number; hash: string }> {
    const last = await this.#store.lastAudit();
    return last ? { seq: last.seq, hash: last.hash } : { seq: 0, hash: GENESIS_HASH };
  }
}
