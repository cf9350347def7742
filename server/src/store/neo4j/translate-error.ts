/**
 * The one place where neo4j-driver errors become the errors clients see
 * (server/src/errors.ts). Anything not recognised passes through unchanged, to be
 * logged and masked as INTERNAL_SERVER_ERROR by the API's formatError.
 */
import { Neo4jError } from 'neo4j-driver';
import {
  LimitExceededError,
  MaillonError,
  QueryTimeoutError,
  StoreUnavailableError,
  UserInputError,
} from '../../errors.ts';

/** How long clients are told to wait before retrying when Neo4j is down. */
export const RETRY_AFTER_SECONDS = 2;

/** Driver-side codes (no server involved) and server codes that mean "cannot serve now". */
const UNAVAILABLE_CODES = new Set([
  'ServiceUnavailable',
  'SessionExpired',
  'Neo.TransientError.General.DatabaseUnavailable',
  'Neo.ClientError.Database.DatabaseNotFound',
  'Neo.ClientError.Security.Unauthorized',
  'Neo.ClientError.Security.AuthenticationRateLimit',
  'Neo.ClientError.Cluster.NotALeader',
]);

const TIMEOUT_CODES = new Set([
  'Neo.ClientError.Transaction.TransactionTimedOut',
  'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration',
  'Neo.TransientError.Transaction.TransactionTimedOut',
]);

/** Raised with code "N/A" by the driver's pool, so only the message tells them apart. */
const UNAVAILABLE_MESSAGES = [
  /Connection acquisition timed out/i,
  /Failed to establish connection/i,
  /Pool is closed/i,
];

const errorMessage = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export function isStoreUnavailable(error: unknown): boolean {
  if (error instanceof StoreUnavailableError) return true;
  if (!(error instanceof Neo4jError)) return false;
  return UNAVAILABLE_CODES.has(error.code) || UNAVAILABLE_MESSAGES.some((p) => p.test(error.message));
}

export function translateDriverError(error: unknown): unknown {
  if (error instanceof MaillonError) return error;
  if (isStoreUnavailable(error)) {
    return new StoreUnavailableError(undefined, RETRY_AFTER_SECONDS);
  }
  if (!(error instanceof Neo4jError)) return error;
  if (TIMEOUT_CODES.has(error.code)) return new QueryTimeoutError();
  if (error.code === 'Neo.ClientError.Schema.ConstraintValidationFailed') {
    return new UserInputError(`This conflicts with data already stored: ${errorMessage(error)}`);
  }
  if (error.code === 'Neo.TransientError.General.MemoryPoolOutOfMemoryError') {
    return new LimitExceededError('The query needed more memory than the database allows. Narrow it and try again.');
  }
  return error;
}
