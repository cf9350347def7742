import { createHash } from 'node:crypto';
import type { AuditRecord } from '../model/records.ts';
import { canonicalJson } from './canonical-json.ts';

export { GENESIS_HASH } from '../store/audit-head.ts';

export type AuditFields = Omit<AuditRecord, 'hash'>;

/**
 * sha256 over the canonical JSON of every field but the hash itself. The
 * previous record's hash is one of those fields, which chains the records:
 * changing, removing or reordering one breaks every hash after it.
 */
export function hashAuditFields(fields: AuditFields): string {
  const hashed: AuditFields = {
    seq: fields.seq,
    at: fields.at,
    user: fields.user,
    role: fields.role,
    operation: fields.operation,
    purpose: fields.purpose,
    entityIds: [...fields.entityIds],
    outcome: fields.outcome,
    requestId: fields.requestId,
    clientAddress: fields.clientAddress,
    details: fields.details,
    prevHash: fields.prevHash,
  };
  return createHash('sha256').update(canonicalJson(hashed), 'utf8').digest('hex');
}
