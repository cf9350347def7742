/**
 * HTTP semantics for errors that are not plain GraphQL failures: 401 without a
 * valid token, 429 with Retry-After when throttled, 503 with Retry-After when the
 * database (or the audit trail) is unavailable, 400 for a malformed header.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { ErrorCode, HTTP_STATUS, MaillonError } from '../errors.ts';

const EXTRA_STATUS: Partial<Record<string, number>> = { [ErrorCode.BAD_USER_INPUT]: 400 };

const retryAfterOf = (extensions: Record<string, unknown> | undefined): number | undefined => {
  const value = extensions?.retryAfter;
  return typeof value === 'number' && value > 0 ? Math.ceil(value) : undefined;
};

/** A copy of an error thrown before execution, carrying the HTTP status Apollo should answer with. */
export function withHttpStatus(error: MaillonError): GraphQLError {
  const status = HTTP_STATUS[error.code] ?? EXTRA_STATUS[error.code] ?? 400;
  const retryAfter = retryAfterOf(error.extensions);
  const headers = new Map<string, string>(retryAfter ? [['retry-after', String(retryAfter)]] : []);
  return new GraphQLError(error.message, { extensions: { ...error.extensions, http: { status, headers } } });
}

/** The status and Retry-After a response with these errors deserves, if any. */
export function httpFromErrors(
  errors: readonly GraphQLFormattedError[],
): { status: number; retryAfter?: number } | undefined {
  let chosen: { status: number; retryAfter?: number } | undefined;
  for (const error of errors) {
    const status = HTTP_STATUS[error.extensions?.code as ErrorCode];
    if (status === undefined || (chosen && chosen.status >= status)) continue;
    const retryAfter = retryAfterOf(error.extensions);
    chosen = retryAfter ? { status, retryAfter } : { status };
  }
  return chosen;
}

/** Sets the HTTP status of responses whose errors call for one (e.g. 503 for DB_UNAVAILABLE). */
export function httpStatusPlugin<T extends object>(): ApolloServerPlugin<T> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const http = httpFromErrors(response.body.singleResult.errors ?? []);
          if (!http) return;
          response.http.status = http.status;
          if (http.retryAfter) response.http.headers.set('retry-after', String(http.retryAfter));
        },
      };
    },
  };
}
