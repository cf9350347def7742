import { messages } from '../i18n/current.ts';
import { ErrorCode, PROTOCOL_CODES, type ProtocolCode } from '../shared-errors.ts';

/** Codes the client itself detects: no answer from the server, or a code it does not send. */
type ClientCode = 'NETWORK' | 'UNKNOWN';

/** Every code an ApiError can carry: the server's, the GraphQL protocol's and the client's own. */
export type ApiErrorCode = `${ErrorCode}` | ProtocolCode | ClientCode;

const KNOWN_CODES: ReadonlySet<string> = new Set<string>([...Object.values(ErrorCode), ...PROTOCOL_CODES, 'NETWORK']);

export const toErrorCode = (value: unknown): ApiErrorCode =>
  typeof value === 'string' && KNOWN_CODES.has(value) ? (value as ApiErrorCode) : 'UNKNOWN';

/** Marks a switch as exhaustive: a code added to the server without wording here is a type error. */
class UnreachableCaseError extends Error {
  constructor(value: never) {
    super(`Unreachable case: ${JSON.stringify(value)}`);
  }
}

export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly code: ApiErrorCode,
    /** The server's own message, shown alongside the plain-words explanation. */
    readonly serverMessage: string,
  ) {
    super(`${code}: ${serverMessage}`);
  }
}

/**
 * What failed and what to do, in words an investigator understands, in the interface's
 * language; `action` completes "Could not …" ("load data", from `messages().actions`).
 */
export function plainMessage(error: unknown, action: string): string {
  const words = messages().errors;
  if (!(error instanceof ApiError)) {
    return words.generic(action, error instanceof Error ? error.message : String(error));
  }
  const detail = error.serverMessage ? ` (${error.serverMessage})` : '';
  const code = error.code;
  switch (code) {
    case 'UNAUTHENTICATED':
    case 'FORBIDDEN':
    case 'PURPOSE_REQUIRED':
    case 'QUERY_TIMEOUT':
    case 'RATE_LIMITED':
    case 'SESSION_SUSPENDED':
    case 'DB_UNAVAILABLE':
    case 'AUDIT_UNAVAILABLE':
    case 'NETWORK':
      return words[code](action);
    case 'BAD_USER_INPUT':
    case 'NOT_FOUND':
    case 'LIMIT_EXCEEDED':
    case 'IMPORT_INVALID':
      return words[code](action, detail);
    case 'GRAPHQL_PARSE_FAILED':
    case 'GRAPHQL_VALIDATION_FAILED':
    case 'BAD_REQUEST':
    case 'OPERATION_RESOLUTION_FAILURE':
    case 'PERSISTED_QUERY_NOT_FOUND':
    case 'PERSISTED_QUERY_NOT_SUPPORTED':
      return words.BAD_REQUEST(action, detail);
    case 'INTERNAL_SERVER_ERROR':
    case 'UNKNOWN':
      return words.INTERNAL(action, detail);
    default:
      throw new UnreachableCaseError(code);
  }
}
