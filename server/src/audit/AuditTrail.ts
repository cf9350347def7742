import { AuditUnavailableError, StoreUnavailableError } from '../errors.ts';
import type { Logger } from '../logger.ts';
import { movedHead } from '../store/audit-head.ts';
import type { AuditRecord } from '../model/records.ts';
import { GENESIS_HASH, hashAuditFields, type AuditFields } from './audit-hash.ts';
import type { AuditStore } from './audit-store.ts';
import { canonicalJson } from './canonical-json.ts';

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
  /** Where a batch that could not be written is reported. */
  readonly logger: Logger;
  /** Injectable for tests. */
  readonly clock?: () => Date;
}

/** Client-chosen strings (operation names, purposes) are capped so one request cannot bloat the trail. */
const MAX_FIELD_CHARS = 1000;
const cap = (value: string): string => (value.length > MAX_FIELD_CHARS ? `${value.slice(0, MAX_FIELD_CHARS)}…` : value);

/** Records written in one store transaction at most: bounds the size of one write. */
const MAX_BATCH = 256;
/**
 * Times a batch is linked again behind a head another server moved. Each retry
 * follows a commit by someone else, so this bounds starvation, not progress.
 */
const MAX_RELINKS = 50;

interface Waiting {
  readonly entry: AuditEntry;
  /** When the operation was recorded, not when its batch was written. */
  readonly at: Date;
  readonly resolve: (record: AuditRecord) => void;
  readonly reject: (error: Error) => void;
}

/**
 * Append-only, hash-chained audit trail with group commit. Records are chained
 * in the order `record` is called, so two concurrent requests never take the
 * same seq or fork the chain (across servers, the store appends only behind the
 * real head and the batch is linked again when another server moved it); while one write is in flight, the records that
 * arrive wait and are then written together in one store transaction (one write
 * transaction costs about as much as ten records, so this is what lets many
 * concurrent readers be audited synchronously). Fail-closed: when the store
 * cannot take a batch, every `record` in it rejects with AuditUnavailableError
 * and the callers must not hand out their data.
 */
export class AuditTrail {
  readonly #store: AuditStore;
  readonly #clock: () => Date;
  readonly #log: Logger;
  readonly #waiting: Waiting[] = [];
  #writing = false;
  /** Last written link; undefined means "read it from the store first". */
  #head: { seq: number; hash: string } | undefined;

  constructor(options: AuditTrailOptions) {
    this.#store = options.store;
    this.#clock = options.clock ?? (() => new Date());
    this.#log = options.logger.child({ component: 'audit' });
  }

  /** Resolves once the record is durable. */
  record(entry: AuditEntry): Promise<AuditRecord> {
    return new Promise<AuditRecord>((resolve, reject) => {
      this.#waiting.push({ entry, at: this.#clock(), resolve, reject });
      if (!this.#writing) void this.#writeAll();
    });
  }

  async #writeAll(): Promise<void> {
    this.#writing = true;
    try {
      while (this.#waiting.length > 0) await this.#writeBatch(this.#waiting.splice(0, MAX_BATCH));
    } finally {
      this.#writing = false;
    }
  }

  async #writeBatch(batch: readonly Waiting[]): Promise<void> {
    let records: AuditRecord[] = [];
    try {
      let head = this.#head ?? (await this.#readHead());
      for (let attempt = 0; ; attempt++) {
        let next = head;
        records = batch.map((waiting) => {
          const record = link(next, waiting);
          next = { seq: record.seq, hash: record.hash };
          return record;
        });
        try {
          await this.#store.appendAudit(records);
          this.#head = next;
          break;
        } catch (error) {
          // Another server appended since this one last saw the head: link behind it and try again.
          const moved = movedHead(error);
          if (moved === undefined || attempt >= MAX_RELINKS) throw error;
          head = moved;
        }
      }
    } catch (error) {
      // A failed write may or may not have landed: read the head again next time.
      this.#head = undefined;
      this.#log.error(
        { err: error, records: batch.length, operations: [...new Set(batch.map((w) => w.entry.operation))] },
        'audit records could not be written',
      );
      // A database that does not answer is said so (DB_UNAVAILABLE, Retry-After); anything else is the trail's own failure.
      const failure = error instanceof StoreUnavailableError ? error : new AuditUnavailableError();
      for (const waiting of batch) waiting.reject(failure);
      return;
    }
    batch.forEach((waiting, index) => waiting.resolve(records[index] as AuditRecord));
  }

  async #readHead(): Promise<{ seq: number; hash: string }> {
    const last = await this.#store.lastAudit();
    return last ? { seq: last.seq, hash: last.hash } : { seq: 0, hash: GENESIS_HASH };
  }
}

/** The record that follows `head` in the chain. */
function link(head: { seq: number; hash: string }, waiting: Waiting): AuditRecord {
  const { entry } = waiting;
  const fields: AuditFields = {
    seq: head.seq + 1,
    at: waiting.at.toISOString(),
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
  return { ...fields, hash: hashAuditFields(fields) };
}
