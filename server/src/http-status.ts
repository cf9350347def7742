/**
 * HTTP semantics for errors that are not plain GraphQL failures, as error-codes.ts decides
 * them (401 without a valid token, 403 when suspended, 429 or 503 with Retry-After, 400 for a
 * request refused before execution): applied to responses here, and to errors thrown while
 * the context is built through Apollo's `extensions.http`.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { answeredStatusOf, refusedStatusOf, type MaillonError } from './errors.ts';

const retryAfterOf = (extensions: Record<string, unknown> | undefined): number | undefined => {
  const value = extensions?.retryAfter;
  return typeof value === 'number' && value > 0 ? Math.ceil(value) : undefined;
};

/** A copy of an error refusing the request before execution, with the HTTP status Apollo answers with. */
export function withHttpStatus(error: MaillonError): GraphQLError {
  const status = refusedStatusOf(error.code);
  const retryAfter = retryAfterOf(error.extensions);
  const headers = new Map<string, string>(retryAfter ? [['retry-after', String(retryAfter)]] : []);
  return new GraphQLError(error.message, { extensions: { ...error.extensions, http: { status, headers } } });
}

/** The status and Retry-After a response with these errors deserves, if any. */
function httpFromErrors(errors: readonly GraphQLFormattedError[]): { status: number; retryAfter?: number } | undefined {
  let chosen: { status: number; retryAfter?: number } | undefined;
  for (const error of errors) {
    const status = answeredStatusOf(error.extensions?.code);
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
