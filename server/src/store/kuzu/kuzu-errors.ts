/** Kùzu's errors, translated into the one error model (errors.ts) in one place. */
import { QueryTimeoutError, StoreUnavailableError } from '../../errors.ts';

export function translateKuzuError(error: unknown): Error {
  const message = error instanceof Error ? error.message : String(error);
  if (message.includes('Interrupted')) return new QueryTimeoutError();
  if (/closed|Database is not|IO exception|Buffer manager exception/i.test(message)) {
    return new StoreUnavailableError();
  }
  return error instanceof Error ? error : new Error(message);
}
