import { describe, expect, it } from 'vitest';
import { ErrorCode, LimitExceededError, MaillonError, StoreUnavailableError, UserInputError } from '../../../errors.ts';
import { fromWireError, toWireError } from './wire-error.ts';

const roundTrip = (error: unknown): Error => fromWireError(structuredClone(toWireError(error)));

describe('errors crossing the database process boundary', () => {
  it('keep their code, message and retry hint', () => {
    const back = roundTrip(new StoreUnavailableError('restarting', 3));
    expect(back).toBeInstanceOf(StoreUnavailableError);
    expect((back as StoreUnavailableError).retryAfterSeconds).toBe(3);
    expect(back.message).toBe('restarting');
  });

  it('keep the details a caller needs to point at the input', () => {
    const original = Object.assign(new UserInputError('bad statement', { statement: 7 }), { statementIndex: 7 });
    const back = roundTrip(original);
    expect(back).toBeInstanceOf(UserInputError);
    expect((back as MaillonError).extensions).toMatchObject({ code: ErrorCode.BAD_USER_INPUT, statement: 7 });
    expect((back as unknown as { statementIndex: number }).statementIndex).toBe(7);
  });

  it('keep codes that have no class of their own', () => {
    const back = roundTrip(new LimitExceededError('too big'));
    expect((back as MaillonError).code).toBe(ErrorCode.LIMIT_EXCEEDED);
  });

  it('stay plain errors (masked later) when they are not part of the error model', () => {
    const back = roundTrip(new TypeError('boom'));
    expect(back).not.toBeInstanceOf(MaillonError);
    expect(back.name).toBe('TypeError');
  });
});
