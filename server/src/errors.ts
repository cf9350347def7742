/**
 * The one error model. Every error a client can see has a code from ErrorCode
 * (error-codes.ts, which also decides its HTTP status), carried in `extensions.code`.
 * Driver errors are translated into these inside their adapter; anything else is
 * masked as INTERNAL_SERVER_ERROR by formatError.
 */
import { GraphQLError } from 'graphql';
import { ErrorCode } from './error-codes.ts';

export { answeredStatusOf, ErrorCode, refusedStatusOf } from './error-codes.ts';

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
  constructor(message: string, extra: Record<string, unknown> = {}) {
    super(ErrorCode.LIMIT_EXCEEDED, message, extra);
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
  /** Seconds a client should wait before retrying (the Retry-After header). */
  readonly retryAfterSeconds = 5;
  constructor() {
    super(ErrorCode.AUDIT_UNAVAILABLE, 'The audit trail cannot be written, so no data is returned. Try again shortly.');
  }
}

/** Too many requests (or failed sign-ins) in a short time. Clients retry after `retryAfterSeconds`. */
export class RateLimitedError extends MaillonError {
  readonly retryAfterSeconds: number;
  constructor(message: string, retryAfterSeconds: number) {
    super(ErrorCode.RATE_LIMITED, message, { retryAfter: retryAfterSeconds });
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

/** The insider-threat detector suspended this user's session; only an administrator clears it. */
export class SessionSuspendedError extends MaillonError {
  constructor() {
    super(
      ErrorCode.SESSION_SUSPENDED,
      'This session is suspended after an unusual number of reads. An administrator must clear it.',
    );
  }
}
