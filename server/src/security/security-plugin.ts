/**
 * Checks that run once an operation is known and before it executes: a
 * suspended session gets nothing, and each user (or, before sign-in, each
 * client address) has a rate limit. Refusals carry their HTTP status (403, 429)
 * so that Apollo does not answer them as a 500.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { ErrorCode } from '../errors.ts';
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
            throw new GraphQLError(
              'This session is suspended after an unusual number of reads. An administrator must clear it.',
              { extensions: { code: ErrorCode.SESSION_SUSPENDED, http: { status: 403 } } },
            );
          }
          if (verdict && !verdict.allowed) {
            throw new GraphQLError(`Too many requests. Try again in ${verdict.retryAfterSeconds} s.`, {
              extensions: {
                code: ErrorCode.RATE_LIMITED,
                retryAfter: verdict.retryAfterSeconds,
                http: { status: 429, headers: new Map([['retry-after', String(verdict.retryAfterSeconds)]]) },
              },
            });
          }
        },
      };
    },
  };
}
