/**
 * Turns an error thrown while the store ran the statements into a report error
 * that names the statement, line and column. The database is unavailable, or
 * anything else that is not about the script, is rethrown: it is not the
 * admin's file that needs fixing.
 */
import { ErrorCode, MaillonError } from '../errors.ts';
import type { ImportStatement } from '../store/GraphStore.ts';
import type { ImportError } from './types.ts';

const PASSTHROUGH = new Set<string>([
  ErrorCode.DB_UNAVAILABLE,
  ErrorCode.AUDIT_UNAVAILABLE,
  ErrorCode.INTERNAL_SERVER_ERROR,
]);

export function runFailure(error: unknown, statements: readonly ImportStatement[]): ImportError {
  if (!(error instanceof Error)) throw error;
  if (error instanceof MaillonError && PASSTHROUGH.has(error.code)) throw error;
  const index = failedStatementIndex(error);
  const statement = index === undefined ? undefined : statements.find((s) => s.index === index);
  const where = statement ?? { index: 0, line: 0, column: 0 };
  return {
    statement: where.index,
    line: where.line,
    column: where.column,
    message: `The database refused this statement, so nothing was imported: ${clean(error.message)}`,
  };
}

/** Adapters name the failing statement in a numeric `statement` field (own or in extensions). */
function failedStatementIndex(error: Error): number | undefined {
  const own = (error as { statement?: unknown }).statement;
  if (typeof own === 'number') return own;
  if (error instanceof MaillonError) {
    const ext = error.extensions.statement;
    if (typeof ext === 'number') return ext;
  }
  return undefined;
}

/** Drops driver prefixes such as "Runtime exception: " that mean nothing to an admin. */
function clean(message: string): string {
  return message.replace(/^(Runtime exception|Binder exception|Parser exception|Copy exception):\s*/i, '');
}
