import { describe, expect, it } from 'vitest';
import { AuditTrail, type AuditEntry } from '../audit/AuditTrail.ts';
import { MemoryAuditStore } from '../audit/memory-audit-store.ts';
import { InsiderDetector } from './InsiderDetector.ts';
import { restoreSuspensions } from './restore-suspensions.ts';

const entry = (user: string, outcome: string, details: Record<string, unknown> = {}): AuditEntry => ({
  user,
  role: 'INVESTIGATOR',
  operation: 'x',
  purpose: '',
  entityIds: [],
  outcome,
  requestId: 'r',
  clientAddress: '::1',
  details,
});
const clearing = (username: string) =>
  entry('admin', 'OK', { calls: [{ field: 'clearSuspension', arguments: { username } }] });

describe('restoreSuspensions', () => {
  it('puts back suspensions that no admin cleared since', async () => {
    const store = new MemoryAuditStore();
    const trail = new AuditTrail({ store });
    await trail.record(entry('alice', 'SESSION_SUSPENDED'));
    await trail.record(entry('bob', 'SESSION_SUSPENDED'));
    await trail.record(clearing('Alice'));
    await trail.record(entry('carol', 'SESSION_SUSPENDED'));
    await trail.record(clearing('carol'));
    await trail.record(entry('carol', 'SESSION_SUSPENDED'));
    await trail.record(entry('dave', 'OK'));

    const detector = new InsiderDetector();
    expect(await restoreSuspensions({ store, detector })).toEqual(['carol', 'bob']);
    expect(['alice', 'bob', 'carol', 'dave'].map((u) => detector.isSuspended(u))).toEqual([false, true, true, false]);
    // Listed among the alerts again, where an admin looks for whom to clear.
    expect(detector.alerts.list(10).map((a) => [a.kind, a.user])).toEqual([
      ['SESSION_SUSPENDED', 'bob'],
      ['SESSION_SUSPENDED', 'carol'],
    ]);
    // A failed clearSuspension does not count.
    await trail.record({ ...clearing('bob'), outcome: 'FORBIDDEN' });
    const again = new InsiderDetector();
    await restoreSuspensions({ store, detector: again });
    expect(again.isSuspended('bob')).toBe(true);
  });
});
