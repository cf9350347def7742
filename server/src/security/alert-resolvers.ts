/** Admin access to insider-lookup alerts and session suspensions (guarded by ACCESS_RULES as ADMIN). */
import { UserInputError } from '../errors.ts';
import { normaliseUsername } from '../users/accounts.ts';
import type { Alert } from './alerts.ts';
import type { InsiderDetector } from './InsiderDetector.ts';

/** What the resolvers need from the request context (MaillonContext has it once app.ts wires security). */
interface AlertContext {
  readonly services: { readonly security?: { readonly detector: InsiderDetector } };
  readonly viewer?: { readonly informantClearance: boolean } | undefined;
}

/** An alert as an admin without informant clearance may see it: who and when, not what. */
function redactAlert(alert: Alert): Alert {
  return { ...alert, entityIds: [], summary: `${alert.user}: a read under informant clearance raised this alert` };
}

function detectorOf(ctx: AlertContext): InsiderDetector {
  const detector = ctx.services.security?.detector;
  if (!detector) throw new Error('insider-lookup detection is not configured on this server');
  return detector;
}

export const alertQueries = {
  alerts: async (_: unknown, args: { limit?: number | null }, ctx: AlertContext): Promise<Alert[]> => {
    const limit = args.limit ?? 100;
    if (!Number.isInteger(limit) || limit < 1 || limit > 1000) {
      throw new UserInputError('limit must be between 1 and 1000', { argument: 'limit' });
    }
    const alerts = await detectorOf(ctx).listAlerts(limit);
    if (ctx.viewer?.informantClearance === true) return alerts;
    return alerts.map((alert) => (alert.restricted === true ? redactAlert(alert) : alert));
  },
};

export const alertMutations = {
  /** True when the user was suspended and is no longer (on every server: the suspension lives in the database). */
  clearSuspension: (_: unknown, args: { username: string }, ctx: AlertContext): Promise<boolean> =>
    detectorOf(ctx).clearSuspension(normaliseUsername(args.username)),
};

export const alertFields = {
  /** Whether the alert's user is suspended now, so the explorer offers "Clear suspension" only then. */
  userSuspended: (alert: Alert, _: unknown, ctx: AlertContext): Promise<boolean> =>
    detectorOf(ctx).isSuspended(alert.user),
  restricted: (alert: Alert): boolean => alert.restricted === true,
};
