/**
 * Informant clearance changes. Nobody changes their own clearance; a grant takes
 * two admins who hold the clearance themselves (one proposes, another approves)
 * or the operator of the server-side CLI; anyone admin may revoke someone else
 * at once. The pending proposal lives in the audit trail itself: the proposal's
 * record is durable before its answer leaves, every server reads the same trail,
 * and the chain makes a forged proposal evident. Records of a user's clearance
 * changes carry `user:<name>` among their entity ids, so
 * `auditLog(entityId: "user:<name>")` is that user's clearance history.
 */
import type { Viewer } from '../auth/viewer.ts';
import { ForbiddenError, UserInputError } from '../errors.ts';
import type { AuditRecord, UserRecord } from '../model/records.ts';
import type { GraphStore } from '../store/GraphStore.ts';
import { getUser, normaliseUsername } from './accounts.ts';

/** A proposal nobody approves within a day lapses. */
const PROPOSAL_TTL_MS = 24 * 60 * 60 * 1000;

export type ClearanceChange =
  | { readonly action: 'proposed'; readonly username: string; readonly proposedBy: string }
  | { readonly action: 'granted'; readonly username: string; readonly proposedBy: string; readonly approvedBy: string }
  | { readonly action: 'revoked'; readonly username: string; readonly revokedBy: string };

/** The entity id under which a user's clearance changes are recorded. */
export const userMark = (username: string): string => `user:${username}`;

type ClearanceStore = Pick<GraphStore, 'findUser' | 'saveUser' | 'queryAudit'>;

function refuseSelf(actor: Viewer, username: string, what: string): void {
  if (actor.username === username) throw new ForbiddenError(`you cannot ${what} your own clearance; ask another admin`);
}

function requireClearedAdmin(actor: Viewer, what: string): void {
  if (actor.role !== 'ADMIN' || !actor.informantClearance) {
    throw new ForbiddenError(`${what} informant clearance takes an admin who holds it`);
  }
}

/** The newest clearance change recorded for `username`, if any. */
async function latestChange(
  store: Pick<GraphStore, 'queryAudit'>,
  username: string,
): Promise<{ change: ClearanceChange; at: string } | undefined> {
  const records = await store.queryAudit({ entityId: userMark(username), limit: 50 });
  for (const record of records) {
    const change = changeOf(record);
    if (change?.username === username) return { change, at: record.at };
  }
  return undefined;
}

/** The clearance change a record made; only a completed admin request or the CLI counts. */
function changeOf(record: AuditRecord): ClearanceChange | undefined {
  if (record.outcome !== 'OK') return undefined;
  try {
    const details = JSON.parse(record.details) as { clearanceChange?: ClearanceChange };
    return details.clearanceChange;
  } catch {
    return undefined;
  }
}

async function setClearance(store: ClearanceStore, user: UserRecord, informantClearance: boolean): Promise<UserRecord> {
  // A lost clearance must not live on in tokens issued before: the version is checked on every request.
  const updated: UserRecord = { ...user, informantClearance, tokenVersion: user.tokenVersion + 1 };
  await store.saveUser(updated);
  return updated;
}

export async function proposeClearance(
  store: ClearanceStore,
  actor: Viewer,
  target: string,
): Promise<{ user: UserRecord; change: ClearanceChange }> {
  const username = normaliseUsername(target);
  requireClearedAdmin(actor, 'Proposing');
  refuseSelf(actor, username, 'propose');
  const user = await getUser(store, username);
  if (user.disabled) throw new UserInputError(`${username} is disabled`);
  if (user.informantClearance) throw new UserInputError(`${username} already holds informant clearance`);
  return { user, change: { action: 'proposed', username, proposedBy: actor.username } };
}

export async function approveClearance(
  store: ClearanceStore,
  actor: Viewer,
  target: string,
  now = new Date(),
): Promise<{ user: UserRecord; change: ClearanceChange }> {
  const username = normaliseUsername(target);
  requireClearedAdmin(actor, 'Approving');
  refuseSelf(actor, username, 'approve');
  const user = await getUser(store, username);
  const latest = await latestChange(store, username);
  if (latest?.change.action !== 'proposed' || now.getTime() - Date.parse(latest.at) > PROPOSAL_TTL_MS) {
    throw new UserInputError(
      `no pending clearance proposal for ${username}: another cleared admin must propose it first`,
    );
  }
  const { proposedBy } = latest.change;
  if (proposedBy === actor.username) throw new ForbiddenError('the admin who proposed a clearance cannot approve it');
  // The proposer must still be a cleared admin: a proposal does not outlive its author's rights.
  const proposer = await store.findUser(proposedBy);
  if (!proposer || proposer.disabled || proposer.role !== 'ADMIN' || !proposer.informantClearance) {
    throw new UserInputError(`the proposal by ${proposedBy} lapsed: they no longer hold clearance as an admin`);
  }
  if (user.disabled) throw new UserInputError(`${username} is disabled`);
  const updated = user.informantClearance ? user : await setClearance(store, user, true);
  return { user: updated, change: { action: 'granted', username, proposedBy, approvedBy: actor.username } };
}

export async function revokeClearance(
  store: ClearanceStore,
  actor: Viewer,
  target: string,
): Promise<{ user: UserRecord; change: ClearanceChange }> {
  const username = normaliseUsername(target);
  if (actor.role !== 'ADMIN') throw new ForbiddenError('revoking informant clearance takes an admin');
  refuseSelf(actor, username, 'revoke');
  const user = await getUser(store, username);
  const updated = user.informantClearance ? await setClearance(store, user, false) : user;
  return { user: updated, change: { action: 'revoked', username, revokedBy: actor.username } };
}

/** The server-side CLI: its operator stands for both admins (they hold the database itself). */
export async function setClearanceByOperator(
  store: ClearanceStore,
  target: string,
  informantClearance: boolean,
  operator: string,
): Promise<{ user: UserRecord; change: ClearanceChange }> {
  const username = normaliseUsername(target);
  const user = await getUser(store, username);
  const updated =
    user.informantClearance === informantClearance ? user : await setClearance(store, user, informantClearance);
  const by = `cli:${operator}`;
  const change: ClearanceChange = informantClearance
    ? { action: 'granted', username, proposedBy: by, approvedBy: by }
    : { action: 'revoked', username, revokedBy: by };
  return { user: updated, change };
}

/** The audit entry of a change made with the server-side CLI (no request, no client address). */
export function operatorAuditEntry(change: ClearanceChange, operator: string) {
  return {
    user: `cli:${operator}`,
    role: 'OPERATOR',
    operation: `cli ${change.action === 'revoked' ? 'revoke' : 'grant'}-clearance`,
    purpose: '',
    entityIds: [userMark(change.username)],
    outcome: 'OK',
    requestId: '',
    clientAddress: 'local',
    details: { clearanceChange: change },
  };
}
