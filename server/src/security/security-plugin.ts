/**
 * Checks that run once an operation is known and before it executes: a
 * suspended session gets nothing, and each user (or, before sign-in, each
 * client address) has a rate limit. Refusals carry their HTTP status (403, 429)
 * so that Apollo does not answer them as a 500.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { withHttpStatus } from '../api/http-status.ts';
import { RateLimitedError, SessionSuspendedError } from '../errors.ts';
import type { AuditedContext } from '../audit/audit-plugin.ts';
import type { InsiderDetector } from './InsiderDetector.ts';
import type { RateLimiter } from './RateLimiter.ts';

export interface SecurityPluginOptions {
  readonly detector?: InsiderDetector;
  readonly rateLimiter?: RateLimiter;
}

export function securityPlugin<TContext extends AuditedContext>(
  options: SecurityPluginOptions,
): ApolloServerPlugin<TContext> {
  const { detector, rateLimiter } = options;
  return {
    async requestDidStart({ contextValue: ctx }) {
      // The token is taken as the request arrives, so documents refused later in
      // parsing or validation still use up the caller's budget.
      const user = ctx.viewer?.username;
      const verdict = rateLimiter?.take(user ?? `address:${ctx.clientAddress}`);
      return {
        async didResolveOperation() {
          if (user !== undefined && detector?.isSuspended(user)) {
            throw withHttpStatus(new SessionSuspendedError());
          }
          if (verdict && !verdict.allowed) {
            const message = `Too many requests. Try again in ${verdict.retryAfterSeconds} s.`;
            throw withHttpStatus(new RateLimitedError(message, verdict.retryAfterSeconds));
          }
        },
      };
    },
  };
}
