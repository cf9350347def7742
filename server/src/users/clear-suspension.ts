/**
 * `npm run users -- clear-suspension NAME`: the way back when no other admin is
 * left to run `clearSuspension` (a suspended sole admin). Server-side only, so it
 * needs access to the database, not a token; written into the audit trail like the
 * mutation (the same call shape, marked as coming from the command line).
 */
import os from 'node:os';
import type { AuditTrail } from '../audit/AuditTrail.ts';
import { normaliseUsername } from './accounts.ts';
import type { GraphStore } from '../store/GraphStore.ts';
import { hasSharedState } from '../store/SharedStateStore.ts';

/** `trail` records the lift like the clearSuspension mutation would. */
export async function clearSuspensionFromCli(
  { store, trail }: { readonly store: GraphStore; readonly trail: AuditTrail },
  name: string,
): Promise<boolean> {
  if (!hasSharedState(store)) throw new Error('This store does not keep suspensions.');
  const username = normaliseUsername(name);
  await store.forgetPersonReads(username);
  const lifted = await store.liftSuspension(username);
  await trail.record({
    user: `cli:${os.userInfo().username}`,
    role: 'ADMIN',
    operation: 'clearSuspension',
    purpose: 'server-side command line',
    entityIds: [],
    outcome: 'OK',
    requestId: `cli-${process.pid}-${Date.now()}`,
    clientAddress: 'local',
    details: { via: 'cli', lifted, calls: [{ field: 'clearSuspension', arguments: { username } }] },
  });
  return lifted;
}
