/**
 * The audit trail remembers which person an informant was identified as when a
 * cleared user read it. An admin without the clearance must not learn that from
 * the audit log: for them, such records lose the identified persons (from
 * entityIds and details), and a filter on one of those persons does not match.
 */
import type { AuditRecord } from '../model/records.ts';
import type { IdentityLink } from './returned-entities.ts';

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

const isLink = (value: unknown): value is IdentityLink =>
  typeof value === 'object' && value !== null && typeof (value as IdentityLink).person === 'string';

/** Records as an admin with or without informant clearance may see them; `entityId` is the filter the query used. */
export function redactAuditRecords(
  records: readonly AuditRecord[],
  viewer: { readonly informantClearance: boolean; readonly entityId?: string | null | undefined },
): AuditRecord[] {
  if (viewer.informantClearance) return [...records];
  const visible: AuditRecord[] = [];
  for (const record of records) {
    const details = parseDetails(record.details);
    const links = Array.isArray(details.identityReads) ? details.identityReads.filter(isLink) : [];
    if (links.length === 0) {
      visible.push(record);
      continue;
    }
    const hidden = new Set(links.map((l) => l.person));
    if (viewer.entityId && hidden.has(viewer.entityId)) continue;
    // The person may also appear in what was asked (details.calls): scrub every mention.
    let text = JSON.stringify(details);
    for (const person of hidden) text = text.replaceAll(JSON.stringify(person), '"(redacted)"');
    visible.push({ ...record, entityIds: record.entityIds.filter((id) => !hidden.has(id)), details: text });
  }
  return visible;
}
