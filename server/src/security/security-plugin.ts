/**
 * Checks that run once an operation is known and before it executes: a
 * suspended session gets nothing, and each user (or, before sign-in, each
 * client address) has a rate limit. Both are read from the shared state, so
 * they hold on every app server at once. Refusals carry their HTTP status
 * (403, 429, 503) so that Apollo does not answer them as a 500.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLError } from 'graphql';
import { withHttpStatus } from '../http-status.ts';
import { MaillonError, RateLimitedError, SessionSuspendedError, StoreUnavailableError } from '../errors.ts';
import type { AuditedContext } from '../audit/audit-plugin.ts';
import type { InsiderDetector } from './InsiderDetector.ts';
import type { RateLimiter, RateVerdict } from './RateLimiter.ts';

export interface SecurityPluginOptions {
  readonly detector?: InsiderDetector;
  readonly rateLimiter?: RateLimiter;
}

/** A shared state that cannot be read refuses the request (fail closed) with the store's own error. */
const unavailable = (error: unknown): GraphQLError =>
  withHttpStatus(error instanceof MaillonError ? error : new StoreUnavailableError());

export function securityPlugin<TContext extends AuditedContext>(
  options: SecurityPluginOptions,
): ApolloServerPlugin<TContext> {
  const { detector, rateLimiter } = options;
  return {
    async requestDidStart({ contextValue: ctx }) {
      // The request is counted as it arrives, so documents refused later in
      // parsing or validation still use up the caller's budget.
      const user = ctx.viewer?.username;
      const counted: Promise<RateVerdict | { failure: unknown }> | undefined = rateLimiter
        ?.take(user ?? `address:${ctx.clientAddress}`)
        .catch((failure: unknown) => ({ failure }));
      // Asked now, beside the count and the parsing, rather than after them: one store
      // round trip less on every request's path. It is still answered before anything runs.
      const suspension: Promise<boolean | { failure: unknown }> | undefined =
        user !== undefined && detector
          ? detector.isSuspended(user).catch((failure: unknown) => ({ failure }))
          : undefined;
      return {
        async didResolveOperation() {
          const suspended = await suspension;
          if (typeof suspended === 'object') throw unavailable(suspended.failure);
          if (suspended === true) throw withHttpStatus(new SessionSuspendedError());
          const verdict = await counted;
          if (verdict === undefined) return;
          if ('failure' in verdict) throw unavailable(verdict.failure);
          if (!verdict.allowed) {
            const message = `Too many requests. Try again in ${verdict.retryAfterSeconds} s.`;
            throw withHttpStatus(new RateLimitedError(message, verdict.retryAfterSeconds));
          }
        },
      };
    },
  };
}
