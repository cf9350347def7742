/** Sign-in and user administration. Password hashes never leave the server. */
import { isRole } from '../../auth/viewer.ts';
import { AuthenticationError, ForbiddenError, UserInputError } from '../../errors.ts';
import * as clearance from '../../users/clearance.ts';
import * as users from '../../users/accounts.ts';
import type { Role, UserRecord } from '../../model/records.ts';
import type { MaillonContext } from '../context.ts';

const toUser = (user: UserRecord) => ({
  username: user.username,
  role: user.role,
  informantClearance: user.informantClearance,
  disabled: user.disabled,
});

function role(value: string | null | undefined): Role | undefined {
  if (value === null || value === undefined) return undefined;
  if (!isRole(value)) throw new UserInputError('role must be VIEWER, INVESTIGATOR or ADMIN', { argument: 'role' });
  return value;
}

export const userQueries = {
  /**
   * The viewer is the user record as this request's token check read it (a disabled
   * user gets no viewer): reading it a second time would cost a store round trip per `{ me }`.
   */
  me: (_: unknown, _args: unknown, ctx: MaillonContext) => {
    if (!ctx.viewer) throw new AuthenticationError();
    const { username, role, informantClearance } = ctx.viewer;
    return { username, role, informantClearance, disabled: false };
  },
  users: async (_: unknown, _args: unknown, ctx: MaillonContext) =>
    (await users.listUsers(ctx.services.store)).map(toUser),
};

export const userMutations = {
  login: async (_: unknown, args: { username: string; password: string }, ctx: MaillonContext) => {
    const result = await ctx.services.auth.login({
      username: users.normaliseUsername(args.username),
      password: args.password,
      clientAddress: ctx.clientAddress,
    });
    return { token: result.token, expiresAt: result.expiresAt.toISOString(), user: toUser(result.user) };
  },

  createUser: async (
    _: unknown,
    args: { username: string; password: string; role: string; informantClearance?: boolean | null },
    ctx: MaillonContext,
  ) => {
    if (args.informantClearance === true) {
      // Otherwise an uncleared admin would create a cleared account for itself.
      throw new ForbiddenError('a new user starts without clearance: two cleared admins grant it afterwards');
    }
    const created = await users.createUser(ctx.services.store, {
      username: args.username,
      password: args.password,
      role: role(args.role) ?? 'VIEWER',
      informantClearance: false,
    });
    ctx.services.logger.info(
      { by: ctx.viewer?.username, username: created.username, role: created.role },
      'user created',
    );
    return toUser(created);
  },

  updateUser: async (
    _: unknown,
    args: { username: string; role?: string | null; informantClearance?: boolean | null; password?: string | null },
    ctx: MaillonContext,
  ) => {
    if (!ctx.viewer) throw new AuthenticationError();
    const newRole = role(args.role);
    const username = users.normaliseUsername(args.username);
    if (username === ctx.viewer.username && newRole && newRole !== ctx.viewer.role) {
      throw new UserInputError('you cannot change your own role; ask another admin', { argument: 'role' });
    }
    if (args.informantClearance === true) {
      throw new ForbiddenError(
        'informant clearance is granted by two cleared admins: proposeClearance, then approveClearance',
      );
    }
    if (args.password !== null && args.password !== undefined && !ctx.viewer.informantClearance) {
      // A new password for a cleared account would hand its clearance to whoever set it.
      const target = await users.getUser(ctx.services.store, username);
      if (target.informantClearance) {
        throw new ForbiddenError("only an admin with informant clearance may reset a cleared user's password");
      }
    }
    if (args.informantClearance === false) {
      const revoked = await clearance.revokeClearance(ctx.services.store, ctx.viewer, username);
      ctx.auditDetails.clearanceChange = revoked.change;
      ctx.entityIds.add(clearance.userMark(username));
    }
    const updated = await users.updateUser(ctx.services.store, {
      username,
      role: newRole,
      password: args.password ?? undefined,
    });
    ctx.services.logger.info({ by: ctx.viewer?.username, username: updated.username }, 'user updated');
    return toUser(updated);
  },

  disableUser: async (_: unknown, args: { username: string }, ctx: MaillonContext) => {
    if (users.normaliseUsername(args.username) === ctx.viewer?.username) {
      throw new UserInputError('you cannot disable your own account; ask another admin', { argument: 'username' });
    }
    const disabled = await users.disableUser(ctx.services.store, args.username);
    ctx.services.logger.info({ by: ctx.viewer?.username, username: disabled.username }, 'user disabled');
    return toUser(disabled);
  },
};
