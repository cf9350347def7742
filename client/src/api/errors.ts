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

/** What failed and what to do, in words an investigator understands. */
export function plainMessage(error: unknown, action: string): string {
  if (!(error instanceof ApiError)) {
    return `Could not ${action}: ${error instanceof Error ? error.message : String(error)}. Try again.`;
  }
  const detail = error.serverMessage ? ` (${error.serverMessage})` : '';
  const code = error.code;
  switch (code) {
    case 'UNAUTHENTICATED':
      return `Could not ${action}: your session has ended. Sign in again; your workspace is kept.`;
    case 'FORBIDDEN':
      return `Could not ${action}: your account is not allowed to do this. Ask an administrator if you need it.`;
    case 'PURPOSE_REQUIRED':
      return `Could not ${action}: state the purpose of your session first.`;
    case 'BAD_USER_INPUT':
      return `Could not ${action}: the request was not accepted${detail}. Check what you entered.`;
    case 'NOT_FOUND':
      return `Could not ${action}: it no longer exists or is not visible to you${detail}.`;
    case 'LIMIT_EXCEEDED':
      return `Could not ${action}: the answer would be too large${detail}. Ask for less: fewer types, a lower depth or limit.`;
    case 'QUERY_TIMEOUT':
      return `Could not ${action}: the search took too long and was stopped. Narrow it (a lower depth, fewer types) and try again.`;
    case 'RATE_LIMITED':
      return `Could not ${action}: too many requests. Wait a moment and try again.`;
    case 'SESSION_SUSPENDED':
      return `Could not ${action}: your session is suspended after an unusual number of reads. An administrator must clear it.`;
    case 'DB_UNAVAILABLE':
      return `Could not ${action}: the database is unavailable right now. Wait a moment and try again.`;
    case 'AUDIT_UNAVAILABLE':
      return `Could not ${action}: the audit trail cannot be written right now, so nothing is shown. Wait a moment and try again.`;
    case 'IMPORT_INVALID':
      return `Could not ${action}: the import file has errors${detail}. Fix them and import it again.`;
    case 'GRAPHQL_PARSE_FAILED':
    case 'GRAPHQL_VALIDATION_FAILED':
    case 'BAD_REQUEST':
    case 'OPERATION_RESOLUTION_FAILURE':
    case 'PERSISTED_QUERY_NOT_FOUND':
    case 'PERSISTED_QUERY_NOT_SUPPORTED':
      return `Could not ${action}: the server did not understand the request${detail}. Reload the page; if it persists, tell an administrator.`;
    case 'NETWORK':
      return `Could not ${action}: the server cannot be reached. Check your connection and try again.`;
    case 'INTERNAL_SERVER_ERROR':
    case 'UNKNOWN':
      return `Could not ${action}: the server reported an error${detail}. Try again; if it persists, tell an administrator.`;
    default:
      throw new UnreachableCaseError(code);
  }
}
