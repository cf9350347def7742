import { UserInputError } from '../errors.ts';
import type { AuditStore } from '../store/ports/AuditStore.ts';
import type { AuditRecord } from '../model/records.ts';
import { entityId, intInRange } from './validate.ts';

export interface AuditLogInput {
  readonly limit?: number | null | undefined;
  readonly user?: string | null | undefined;
  readonly entityId?: string | null | undefined;
  readonly since?: string | null | undefined;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** Newest first, filtered by user, entity and time. */
export async function readAuditLog(store: AuditStore, input: AuditLogInput): Promise<AuditRecord[]> {
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
  return store.queryAudit({
    limit,
    ...(input.user ? { user: input.user.trim().toLowerCase() } : {}),
    ...(input.entityId ? { entityId: entityId('entityId', input.entityId) } : {}),
    ...(since ? { since } : {}),
  });
}
