/**
 * The one error model. Every error a client can see has a code from ErrorCode,
 * carried in `extensions.code`. Driver errors are translated into these inside
 * their adapter; anything else is masked as INTERNAL_SERVER_ERROR by formatError.
 */
import { GraphQLError } from 'graphql';

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

/** HTTP status for codes that are not plain GraphQL errors (200). */
export const HTTP_STATUS: Partial<Record<ErrorCode, number>> = {
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.RATE_LIMITED]: 429,
  [ErrorCode.DB_UNAVAILABLE]: 503,
  [ErrorCode.AUDIT_UNAVAILABLE]: 503,
};

export class MaillonError extends GraphQLError {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string, extra: Record<string, unknown> = {}) {
    super(message, { extensions: { code, ...extra } });
    this.code = code;
  }
}

export class AuthenticationError extends MaillonError {
  constructor(message = 'Sign in first: send Authorization: Bearer <token> from the login mutation.') {
    super(ErrorCode.UNAUTHENTICATED, message);
  }
}

export class ForbiddenError extends MaillonError {
  constructor(message: string) {
    super(ErrorCode.FORBIDDEN, message);
  }
}

export class PurposeRequiredError extends MaillonError {
  constructor() {
    super(
      ErrorCode.PURPOSE_REQUIRED,
      'State the purpose of this read: send an X-Purpose header with a case number or a short reason.',
    );
  }
}

export class UserInputError extends MaillonError {
  constructor(message: string, extra: Record<string, unknown> = {}) {
    super(ErrorCode.BAD_USER_INPUT, message, extra);
  }
}

export class NotFoundError extends MaillonError {
  constructor(message: string) {
    super(ErrorCode.NOT_FOUND, message);
  }
}

export class LimitExceededError extends MaillonError {
  constructor(message: string) {
    super(ErrorCode.LIMIT_EXCEEDED, message);
  }
}

export class QueryTimeoutError extends MaillonError {
  constructor(
    message = 'The query took too long and was stopped. Narrow it (lower depth, fewer types, a smaller limit).',
  ) {
    super(ErrorCode.QUERY_TIMEOUT, message);
  }
}

/** The database cannot be reached or is restarting. Clients should retry after `retryAfterSeconds`. */
export class StoreUnavailableError extends MaillonError {
  readonly retryAfterSeconds: number;
  constructor(message = 'The database is unavailable. Try again shortly.', retryAfterSeconds = 2) {
    super(ErrorCode.DB_UNAVAILABLE, message, { retryAfter: retryAfterSeconds });
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

export class AuditUnavailableError extends MaillonError {
  constructor() {
    super(ErrorCode.AUDIT_UNAVAILABLE, 'The audit trail cannot be written, so no data is returned. Try again shortly.');
  }
}

/** Marks a switch as exhaustive: adding a case to the union makes this a type error. */
export class UnreachableCaseError extends Error {
  constructor(value: never) {
    super(`Unreachable case: ${JSON.stringify(value)}`);
  }
}
