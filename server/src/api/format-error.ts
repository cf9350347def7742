/**
 * The one place errors leave the server. Errors with a Maillon or GraphQL-protocol
 * code pass through; anything else (a bug, a driver error that escaped its
 * adapter) is logged with its request id and answered as INTERNAL_SERVER_ERROR,
 * without message details or stack.
 */
import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import { PROTOCOL_CODES } from '../error-codes.ts';
import { ErrorCode, MaillonError } from '../errors.ts';
import type { Logger } from '../logger.ts';
import { currentRequestId } from './request-scope.ts';

const PASSED_THROUGH: ReadonlySet<string> = new Set<string>([
  ...Object.values(ErrorCode).filter((c) => c !== ErrorCode.INTERNAL_SERVER_ERROR),
  ...PROTOCOL_CODES,
]);

/**
 * Apollo prefixes context errors it does not recognise as GraphQLErrors. Ours are, but
 * where two copies of graphql are loaded (ESM and CJS, as under test runners) the
 * instanceof check fails; the message the client sees must not depend on that.
 */
const CONTEXT_PREFIX = 'Context creation failed: ';
const withoutApolloPrefix = (message: string): string =>
  message.startsWith(CONTEXT_PREFIX) ? message.slice(CONTEXT_PREFIX.length) : message;

/**
 * Apollo refuses some requests with a bare error that has an HTTP 4xx status but no code (a
 * persisted query whose hash does not match its text): the client sent something wrong, so it
 * gets BAD_REQUEST and nothing is logged as a server fault.
 */
function isCodelessClientError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null || !('extensions' in error)) return false;
  const extensions = error.extensions as { code?: unknown; http?: { status?: unknown } } | undefined;
  const status = extensions?.http?.status;
  return extensions?.code === undefined && typeof status === 'number' && status >= 400 && status < 500;
}

export function createFormatError(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    const code =
      original instanceof MaillonError
        ? original.code
        : isCodelessClientError(original)
          ? 'BAD_REQUEST'
          : formatted.extensions?.code;
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
