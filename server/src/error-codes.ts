/**
 * Every code an error can carry in `extensions.code`, and the HTTP status each answers with.
 * Free of graphql and of any framework, so the client imports it too (client/src/shared-errors.ts)
 * and can explain every code the server sends.
 */
export enum ErrorCode {
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  PURPOSE_REQUIRED = 'PURPOSE_REQUIRED',
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  NOT_FOUND = 'NOT_FOUND',
  LIMIT_EXCEEDED = 'LIMIT_EXCEEDED',
  RATE_LIMITED = 'RATE_LIMITED',
  SESSION_SUSPENDED = 'SESSION_SUSPENDED',
  QUERY_TIMEOUT = 'QUERY_TIMEOUT',
  DB_UNAVAILABLE = 'DB_UNAVAILABLE',
  IMPORT_INVALID = 'IMPORT_INVALID',
  AUDIT_UNAVAILABLE = 'AUDIT_UNAVAILABLE',
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
}

/**
 * The GraphQL-protocol codes Apollo Server and the HTTP layer send, passed through to clients as
 * they are (a request that could not be read, parsed or validated, or an unknown persisted query).
 */
export const PROTOCOL_CODES = [
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
] as const;
export type ProtocolCode = (typeof PROTOCOL_CODES)[number];

/**
 * The one place an HTTP status is decided, per code: `answered` when the error sits beside the
 * data of a request that ran (undefined: GraphQL's plain 200), `refused` when the whole request is
 * refused and no data leaves (before execution, or an answer withheld after it).
 */
const HTTP_STATUS: Readonly<Record<ErrorCode, { answered?: number; refused: number }>> = {
  [ErrorCode.UNAUTHENTICATED]: { answered: 401, refused: 401 },
  [ErrorCode.FORBIDDEN]: { refused: 403 },
  [ErrorCode.PURPOSE_REQUIRED]: { refused: 400 },
  [ErrorCode.BAD_USER_INPUT]: { refused: 400 },
  [ErrorCode.NOT_FOUND]: { refused: 400 },
  [ErrorCode.LIMIT_EXCEEDED]: { refused: 400 },
  [ErrorCode.RATE_LIMITED]: { answered: 429, refused: 429 },
  [ErrorCode.SESSION_SUSPENDED]: { answered: 403, refused: 403 },
  [ErrorCode.QUERY_TIMEOUT]: { refused: 400 },
  [ErrorCode.DB_UNAVAILABLE]: { answered: 503, refused: 503 },
  [ErrorCode.IMPORT_INVALID]: { refused: 400 },
  [ErrorCode.AUDIT_UNAVAILABLE]: { answered: 503, refused: 503 },
  [ErrorCode.INTERNAL_SERVER_ERROR]: { refused: 400 },
};

const isErrorCode = (code: unknown): code is ErrorCode => typeof code === 'string' && Object.hasOwn(HTTP_STATUS, code);

/** The status of an answer whose errors include `code`, when it is not GraphQL's plain 200. */
export const answeredStatusOf = (code: unknown): number | undefined =>
  isErrorCode(code) ? HTTP_STATUS[code].answered : undefined;

/** The status of a request refused with `code` as a whole (any code we do not know: 400). */
export const refusedStatusOf = (code: unknown): number => (isErrorCode(code) ? HTTP_STATUS[code].refused : 400);
