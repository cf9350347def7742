import { UserInputError } from '../errors.ts';
import { redactAuditRecords, type RedactedRecord } from '../audit/redact.ts';
import type { AuditRecord } from '../model/records.ts';
import type { AuditFilter, AuditStore } from '../store/ports/AuditStore.ts';
import { entityId, intInRange } from './validate.ts';

export interface AuditLogInput {
  readonly limit?: number | null | undefined;
  readonly user?: string | null | undefined;
  readonly entityId?: string | null | undefined;
  readonly since?: string | null | undefined;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** Records read at most to fill one page of an uncleared reader's entity filter. */
const MAX_SCAN = 20_000;

/**
 * The audit log as this reader may see it. For an uncleared reader, an entity
 * filter skips restricted records; the page is then filled from further back,
 * so how many restricted records match never shows in how many others are listed.
 */
export async function readAuditLogAs(
  store: Pick<AuditStore, 'queryAudit'>,
  input: AuditLogInput,
  reader: { readonly informantClearance: boolean },
): Promise<RedactedRecord[]> {
  const filter = auditFilter(input);
  const redact = (records: readonly AuditRecord[]) =>
    redactAuditRecords(records, { informantClearance: reader.informantClearance, entityId: filter.entityId });
  if (reader.informantClearance || filter.entityId === undefined) return redact(await store.queryAudit(filter));
  for (let scan = filter.limit * 2; ; scan *= 4) {
    const records = await store.queryAudit({ ...filter, limit: Math.min(scan, MAX_SCAN) });
    const visible = redact(records);
    if (visible.length >= filter.limit || records.length < scan || scan >= MAX_SCAN) {
      return visible.slice(0, filter.limit);
    }
  }
}

/** Newest first, filtered by user, entity and time. */
function auditFilter(input: AuditLogInput): AuditFilter {
  const limit = intInRange({ name: 'limit', value: input.limit ?? 100, min: 1, max: 1000 });
  let since: string | undefined;
  if (input.since !== null && input.since !== undefined) {
    const parsed = new Date(input.since);
    if (!ISO_DATE.test(input.since) || Number.isNaN(parsed.getTime())) {
      throw new UserInputError('since must be an ISO date or datetime, e.g. 2026-01-31 or 2026-01-31T08:00:00Z', {
        argument: 'since',
      });
    }
    since = parsed.toISOString();
  }
  return {
    limit,
    ...(input.user ? { user: input.user.trim().toLowerCase() } : {}),
    ...(input.entityId ? { entityId: entityId('entityId', input.entityId) } : {}),
    ...(since ? { since } : {}),
  };
}
