import { describe, expect, it } from 'vitest';
import { ErrorCode, MaillonError } from '../../errors.ts';
import { translateKuzuError } from './kuzu-errors.ts';

const codeOf = (error: Error): ErrorCode | undefined => (error instanceof MaillonError ? error.code : undefined);

describe('translateKuzuError', () => {
  it('turns an interrupted query (the query timeout) into QUERY_TIMEOUT', () => {
    expect(codeOf(translateKuzuError(new Error('Interrupted.')))).toBe(ErrorCode.QUERY_TIMEOUT);
  });

  it('turns a closed database into DB_UNAVAILABLE', () => {
    expect(codeOf(translateKuzuError(new Error('Connection is closed.')))).toBe(ErrorCode.DB_UNAVAILABLE);
  });

  it('keeps a refusal that quotes the word "closed" from the statement a refusal', () => {
    const error = new Error(
      'Parser exception: Invalid input <CREATE (:Case>: expected rule oC_SingleQuery (line: 1, offset: 9)\n"CREATE (:Case {status: \'closed\'})"',
    );
    expect(translateKuzuError(error)).toBe(error);
    const binder = new Error('Binder exception: Cannot find property closed for n.\nclosed connection');
    expect(translateKuzuError(binder)).toBe(binder);
  });

  it('keeps other errors as they are, to be masked by the API', () => {
    const error = new Error('Binder exception: Table Ghost does not exist.');
    expect(translateKuzuError(error)).toBe(error);
    expect(translateKuzuError('plain text').message).toBe('plain text');
  });
});
