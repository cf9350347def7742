/**
 * Turns an error thrown while the store ran the statements into a report error
 * that names the statement, line and column (the adapters put them on the error,
 * which also crosses the embedded store's process boundary). The database is
 * unavailable, or anything else that is not about the script, is rethrown: it is
 * not the admin's file that needs fixing.
 */
import { ErrorCode, MaillonError } from '../errors.ts';
import type { ImportError } from './types.ts';

const PASSTHROUGH = new Set<string>([
  ErrorCode.DB_UNAVAILABLE,
  ErrorCode.AUDIT_UNAVAILABLE,
  ErrorCode.INTERNAL_SERVER_ERROR,
]);

export function runFailure(error: unknown): ImportError {
  if (!(error instanceof Error)) throw error;
  if (error instanceof MaillonError && PASSTHROUGH.has(error.code)) throw error;
  if (error instanceof ScriptChangedError) return { statement: 0, line: 0, column: 0, message: error.message };
  return {
    statement: located(error, 'statement'),
    line: located(error, 'line'),
    column: located(error, 'column'),
    message: `The database refused this statement, so nothing was imported: ${clean(error.message)}`,
  };
}

/**
 * The file changed between validation and the run (a streamed file is read twice so
 * that it is never held whole): what runs would not be what was validated.
 */
export class ScriptChangedError extends Error {
  constructor(file: string) {
    super(
      `${file} changed while it was being imported, so nothing was imported. ` +
        'Import it again once nothing writes to it.',
    );
    this.name = 'ScriptChangedError';
  }
}

/** Adapters name the failing statement in numeric fields (own or in extensions); 0 when unknown. */
function located(error: Error, key: 'statement' | 'line' | 'column'): number {
  const own = (error as unknown as Record<string, unknown>)[key];
  if (typeof own === 'number') return own;
  const ext = error instanceof MaillonError ? error.extensions[key] : undefined;
  return typeof ext === 'number' ? ext : 0;
}

/**
 * Drops driver prefixes such as "Runtime exception: " that mean nothing to an admin, and
 * every value the database quotes: a refusal may say what failed, never what is stored
 * (`Could not convert "<a person's name>" to INT64` would read data past the read scope), quoted
 * or not (Kùzu writes `Cast failed. <a person's name> is not in DOUBLE range.`).
 */
function clean(message: string): string {
  return message
    .replace(/^(Runtime exception|Binder exception|Parser exception|Copy exception|Conversion exception):\s*/i, '')
    .replace(/"[^"\n]*"/g, 'a value')
    .replace(/Cast failed\.\s[\s\S]*\sis not in (\w+) range/i, 'Cast failed: a value is not in $1 range')
    .replace(/primary key value .*?, which/i, 'primary key value, which');
}
