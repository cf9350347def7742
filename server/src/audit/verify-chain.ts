import type { AuditRecord } from '../model/records.ts';
import { GENESIS_HASH, hashAuditFields } from './audit-hash.ts';
import type { AuditStore } from './audit-store.ts';

export type ChainVerdict =
  | { readonly ok: true; readonly records: number; readonly headHash: string }
  | { readonly ok: false; readonly records: number; readonly brokenSeq: number; readonly reason: string };

/** Why `record` does not follow from the link before it, or undefined when it does. */
function findBreak(record: AuditRecord, previous: { seq: number; hash: string }): string | undefined {
  if (record.seq > previous.seq + 1)
    return `record seq ${previous.seq + 1} is missing: expected seq ${previous.seq + 1} but found ${record.seq} (records removed)`;
  if (record.seq !== previous.seq + 1)
    return `expected seq ${previous.seq + 1} but found ${record.seq} (records removed or reordered)`;
  if (record.prevHash !== previous.hash)
    return 'prevHash does not match the previous record (a record before it was changed or removed)';
  if (hashAuditFields(record) !== record.hash) return 'hash does not match the record content (the record was altered)';
  return undefined;
}

/** Walks the whole chain oldest first and reports the first record that breaks it. */
export async function verifyAuditChain(store: AuditStore, pageSize = 1000): Promise<ChainVerdict> {
  let previous = { seq: 0, hash: GENESIS_HASH };
  let count = 0;
  for (;;) {
    const page = await store.readAuditChain(previous.seq, pageSize);
    for (const record of page) {
      const reason = findBreak(record, previous);
      if (reason) return { ok: false, records: count, brokenSeq: record.seq, reason };
      previous = { seq: record.seq, hash: record.hash };
      count += 1;
    }
    if (page.length < pageSize) return { ok: true, records: count, headHash: previous.hash };
  }
}
