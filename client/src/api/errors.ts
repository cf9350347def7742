/** Error codes the server sends in `extensions.code`, plus the ones the client itself detects. */
export type ApiErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'PURPOSE_REQUIRED'
  | 'BAD_USER_INPUT'
  | 'DB_UNAVAILABLE'
  | 'RATE_LIMITED'
  | 'INTERNAL_SERVER_ERROR'
  | 'NETWORK'
  | 'UNKNOWN';

const KNOWN_CODES: ReadonlySet<string> = new Set<ApiErrorCode>([
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'PURPOSE_REQUIRED',
  'BAD_USER_INPUT',
  'DB_UNAVAILABLE',
  'RATE_LIMITED',
  'INTERNAL_SERVER_ERROR',
  'NETWORK',
]);

export const toErrorCode = (value: unknown): ApiErrorCode =>
  typeof value === 'string' && KNOWN_CODES.has(value) ? (value as ApiErrorCode) : 'UNKNOWN';

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
  switch (error.code) {
    case 'UNAUTHENTICATED':
      return `Could not ${action}: your session has ended. Sign in again; your workspace is kept.`;
    case 'FORBIDDEN':
      return `Could not ${action}: your account is not allowed to do this. Ask an administrator if you need it.`;
    case 'PURPOSE_REQUIRED':
      return `Could not ${action}: state the purpose of your session first.`;
    case 'BAD_USER_INPUT':
      return `Could not ${action}: the request was not accepted${detail}. Check what you entered.`;
    case 'DB_UNAVAILABLE':
      return `Could not ${action}: the database is unavailable right now. Wait a moment and try again.`;
    case 'RATE_LIMITED':
      return `Could not ${action}: too many requests. Wait a moment and try again.`;
    case 'NETWORK':
      return `Could not ${action}: the server cannot be reached. Check your connection and try again.`;
    case 'INTERNAL_SERVER_ERROR':
    case 'UNKNOWN':
      return `Could not ${action}: the server reported an error${detail}. Try again; if it persists, tell an administrator.`;
  }
}
