/** Informant clearance: proposed by one cleared admin, approved by another, revoked by any admin but oneself. */
import { AuthenticationError } from '../../errors.ts';
import * as clearance from '../../users/clearance.ts';
import type { UserRecord } from '../../model/records.ts';
import type { MaillonContext } from '../context.ts';

type Change = (
  store: MaillonContext['services']['store'],
  actor: NonNullable<MaillonContext['viewer']>,
  username: string,
) => Promise<{ user: UserRecord; change: clearance.ClearanceChange }>;

/** Runs a change and puts it, with both names, in the request's audit record. */
async function applyChange(change: Change, username: string, ctx: MaillonContext) {
  if (!ctx.viewer) throw new AuthenticationError();
  const result = await change(ctx.services.store, ctx.viewer, username);
  ctx.auditDetails.clearanceChange = result.change;
  ctx.entityIds.add(clearance.userMark(result.user.username));
  ctx.services.logger.info({ ...result.change, requestId: ctx.requestId }, 'informant clearance change');
  const { username: name, role, informantClearance, disabled } = result.user;
  return { username: name, role, informantClearance, disabled };
}

export const clearanceMutations = {
  proposeClearance: (_: unknown, args: { username: string }, ctx: MaillonContext) =>
    applyChange(clearance.proposeClearance, args.username, ctx),
  approveClearance: (_: unknown, args: { username: string }, ctx: MaillonContext) =>
    applyChange((store, actor, username) => clearance.approveClearance(store, actor, username), args.username, ctx),
  revokeClearance: (_: unknown, args: { username: string }, ctx: MaillonContext) =>
    applyChange(clearance.revokeClearance, args.username, ctx),
};
