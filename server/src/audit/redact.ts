/**
 * The audit log as an admin without informant clearance sees it: computed as if
 * the restricted relationships did not exist. A record of a request that may
 * have touched restricted data (see restricted-reads.ts; records written before
 * that flag existed count when they list identity reads) keeps who, when, the
 * operation, purpose and outcome, and loses its entity ids and details; a
 * filter on an entity never matches it, since its ids are not shown.
 */
import type { AuditRecord } from '../model/records.ts';

function parseDetails(details: string): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(details);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : {};
  } catch {
    return {};
  }
}

/** Whether the record may carry something only a cleared reader may learn. */
function isRestrictedRecord(record: AuditRecord): boolean {
  const details = parseDetails(record.details);
  return details.restricted === true || details.clearedIdentityRead === true || 'identityReads' in details;
}

export interface RedactedRecord extends AuditRecord {
  readonly restricted: boolean;
}

/** Records as an admin with or without informant clearance may see them; `entityId` is the filter the query used. */
export function redactAuditRecords(
  records: readonly AuditRecord[],
  viewer: { readonly informantClearance: boolean; readonly entityId?: string | null | undefined },
): RedactedRecord[] {
  const visible: RedactedRecord[] = [];
  for (const record of records) {
    const restricted = isRestrictedRecord(record);
    if (viewer.informantClearance || !restricted) {
      visible.push({ ...record, restricted });
      continue;
    }
    if (viewer.entityId) continue;
    visible.push({ ...record, entityIds: [], details: '', restricted: true });
  }
  return visible;
}
