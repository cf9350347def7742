/** Kùzu's errors, translated into the one error model (errors.ts) in one place. */
import { QueryTimeoutError, StoreUnavailableError } from '../../errors.ts';

/** Kùzu's verdicts on a statement's text or meaning: the caller's input, not the database, is at fault. */
const REFUSAL = /^(Parser|Binder|Catalog) exception:/i;

export function translateKuzuError(error: unknown): Error {
  const message = error instanceof Error ? error.message : String(error);
  // Only the first line is Kùzu's own words: refusals go on to quote the statement,
  // whose text (a status 'closed', say) must never pass for a closed connection.
  const own = message.split('\n')[0] ?? '';
  if (REFUSAL.test(own)) return error instanceof Error ? error : new Error(message);
  if (own.includes('Interrupted')) return new QueryTimeoutError();
  if (/\b(is|was|has been) closed|Database is not|IO exception|Buffer manager exception/i.test(own)) {
    return new StoreUnavailableError();
  }
  return error instanceof Error ? error : new Error(message);
}
