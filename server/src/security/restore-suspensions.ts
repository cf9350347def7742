/**
 * Suspensions live in memory, but must outlast a restart: "until an admin
 * clears it". At start-up the recent audit trail says who was suspended
 * (outcome SESSION_SUSPENDED) and who was cleared since (an OK clearSuspension
 * naming them); the newest fact about each user wins.
 */
import type { AuditStore } from '../audit/audit-store.ts';
import type { InsiderDetector } from './InsiderDetector.ts';

/** How far back to look, in records. */
const RECENT_RECORDS = 10_000;

function clearedUsers(details: string): string[] {
  try {
    const parsed = JSON.parse(details) as { calls?: Array<{ field?: unknown; arguments?: { username?: unknown } }> };
    return (parsed.calls ?? [])
      .filter((call) => call.field === 'clearSuspension' && typeof call.arguments?.username === 'string')
      .map((call) => String(call.arguments?.username).trim().toLowerCase());
  } catch {
    return [];
  }
}

export async function restoreSuspensions(options: {
  readonly store: AuditStore;
  readonly detector: InsiderDetector;
  readonly recent?: number;
}): Promise<string[]> {
  const records = await options.store.queryAudit({ limit: options.recent ?? RECENT_RECORDS });
  const decided = new Set<string>();
  const restored: string[] = [];
  for (const record of records) {
    if (record.outcome === 'OK') for (const user of clearedUsers(record.details)) decided.add(user);
    if (record.outcome === 'SESSION_SUSPENDED' && !decided.has(record.user)) {
      decided.add(record.user);
      restored.push(record.user);
      options.detector.restoreSuspension({
        at: record.at,
        kind: 'SESSION_SUSPENDED',
        user: record.user,
        summary: `${record.user}'s session was suspended before the restart and has not been cleared`,
        entityIds: [],
        requestId: record.requestId,
      });
    }
  }
  return restored;
}
