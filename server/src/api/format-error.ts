/**
 * The one place errors leave the server. Errors with a Maillon or GraphQL-protocol
 * code pass through; anything else (a bug, a driver error that escaped its
 * adapter) is logged with its request id and answered as INTERNAL_SERVER_ERROR,
 * without message details or stack.
 */
import { ApolloServerErrorCode, unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import { ErrorCode, MaillonError } from '../errors.ts';
import type { Logger } from '../logger.ts';
import { currentRequestId } from './request-scope.ts';

const PASSED_THROUGH: ReadonlySet<string> = new Set([
  ...Object.values(ErrorCode).filter((c) => c !== ErrorCode.INTERNAL_SERVER_ERROR),
  ApolloServerErrorCode.GRAPHQL_PARSE_FAILED,
  ApolloServerErrorCode.GRAPHQL_VALIDATION_FAILED,
  ApolloServerErrorCode.BAD_USER_INPUT,
  ApolloServerErrorCode.BAD_REQUEST,
  ApolloServerErrorCode.OPERATION_RESOLUTION_FAILURE,
  ApolloServerErrorCode.PERSISTED_QUERY_NOT_FOUND,
  ApolloServerErrorCode.PERSISTED_QUERY_NOT_SUPPORTED,
]);

/**
 * Apollo prefixes context errors it does not recognise as GraphQLErrors. Ours are, but
 * where two copies of graphql are loaded (ESM and CJS, as under test runners) the
 * instanceof check fails; the message the client sees must not depend on that.
 */
const CONTEXT_PREFIX = 'Context creation failed: ';
const withoutApolloPrefix = (message: string): string =>
  message.startsWith(CONTEXT_PREFIX) ? message.slice(CONTEXT_PREFIX.length) : message;

export function createFormatError(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    const code = original instanceof MaillonError ? original.code : formatted.extensions?.code;
    if (typeof code === 'string' && PASSED_THROUGH.has(code)) {
      // Keep the code and the caller-facing extras, never a stack trace.
      const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, message: withoutApolloPrefix(formatted.message), extensions: { ...extensions, code } };
    }
    const requestId = currentRequestId();
    logger.error({ err: original, requestId, path: formatted.path }, 'unexpected error, masked in the response');
    return {
      message: `Internal server error. Quote request id ${requestId ?? 'unknown'} when reporting it.`,
      ...(formatted.locations ? { locations: formatted.locations } : {}),
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR, ...(requestId ? { requestId } : {}) },
    };
  };
}
