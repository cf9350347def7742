import type { GraphQLFormattedError } from 'graphql';

/** Codes worth their own outcome, strongest first; a response carries the first one it has. */
const NAMED_OUTCOMES = [
  'AUDIT_UNAVAILABLE',
  'SESSION_SUSPENDED',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'PURPOSE_REQUIRED',
  'RATE_LIMITED',
] as const;

/** Requests refused for their shape or input, before or while reading. */
const REJECTED_CODES: ReadonlySet<string> = new Set([
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'LIMIT_EXCEEDED',
  'OPERATION_RESOLUTION_FAILURE',
  'NOT_FOUND',
  'IMPORT_INVALID',
]);

export const errorCodes = (errors: readonly GraphQLFormattedError[] | undefined): string[] =>
  (errors ?? []).map((e) => (typeof e.extensions?.code === 'string' ? e.extensions.code : 'INTERNAL_SERVER_ERROR'));

/** OK, one of NAMED_OUTCOMES, REJECTED (the client's input) or ERROR (the server's fault). */
export function outcomeOf(errors: readonly GraphQLFormattedError[] | undefined): string {
  const codes = errorCodes(errors);
  if (codes.length === 0) return 'OK';
  const named = NAMED_OUTCOMES.find((code) => codes.includes(code));
  if (named) return named;
  return codes.every((code) => REJECTED_CODES.has(code)) ? 'REJECTED' : 'ERROR';
}
