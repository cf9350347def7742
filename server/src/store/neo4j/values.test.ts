import neo4j, { Neo4jError, isInt } from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { ErrorCode, QueryTimeoutError, StoreUnavailableError, UserInputError } from '../../errors.ts';
import { entityFrom, relationshipFrom, userFrom } from './records.ts';
import { translateDriverError } from './translate-error.ts';
import { fromNeo4j, toNeo4j } from './values.ts';

describe('values across the driver boundary', () => {
  it('turns Neo4j integers and dates into plain numbers and ISO strings, deeply', () => {
    const plain = fromNeo4j({ n: neo4j.int(42), at: new neo4j.types.Date(2024, 3, 22), list: [neo4j.int(1)] });
    expect(plain).toEqual({ n: 42, at: '2024-03-22', list: [1] });
    expect(structuredClone(plain)).toEqual(plain);
  });

  it('gives an integer past 2^53 as its exact digits, never a rounded number', () => {
    expect(fromNeo4j({ count: neo4j.int('9007199254740993'), small: neo4j.int(-7) })).toEqual({
      count: '9007199254740993',
      small: -7,
    });
  });

  it('sends whole numbers as Neo4j integers (LIMIT rejects floats) and leaves fractions alone', () => {
    const sent = toNeo4j({ limit: 10, amount: 2.5, nested: [{ seq: 3 }], absent: undefined }) as Record<
      string,
      unknown
    >;
    expect(isInt(sent.limit)).toBe(true);
    expect(sent.amount).toBe(2.5);
    expect(isInt((sent.nested as Array<Record<string, unknown>>)[0]?.seq)).toBe(true);
    expect('absent' in sent).toBe(false);
  });
});

describe('records', () => {
  it('keeps id, name and sources out of an entity’s other properties', () => {
    const entity = entityFrom('Person', {
      id: 'p1',
      name: 'Ana',
      sources: ['d1'],
      aliases: ['A'],
      birthDate: '1980-01-01',
    });
    expect(entity).toEqual({
      id: 'p1',
      label: 'Person',
      name: 'Ana',
      properties: { aliases: ['A'], birthDate: '1980-01-01' },
      sources: ['d1'],
    });
  });

  it('reads a relationship row and refuses a type outside the model', () => {
    const row = {
      id: 'r1',
      type: 'PAID',
      source: 'a',
      target: 'b',
      props: { id: 'r1', amount: neo4j.int(50), sources: [] },
    };
    expect(relationshipFrom(row)).toEqual({
      id: 'r1',
      type: 'PAID',
      source: 'a',
      target: 'b',
      properties: { amount: 50 },
      sources: [],
    });
    expect(relationshipFrom({ ...row, type: 'KNOWS' })).toBeUndefined();
  });

  it('reads a user back with an integer token version', () => {
    const user = userFrom({ username: 'ana', passwordHash: 'h', role: 'ADMIN', tokenVersion: neo4j.int(3) });
    expect(user).toMatchObject({ username: 'ana', role: 'ADMIN', tokenVersion: 3, disabled: false });
  });
});

describe('driver errors', () => {
  const driverError = (code: string, message = 'x'): Neo4jError => new Neo4jError(message, code, '50N42', 'desc');

  it('maps a lost or unreachable database to DB_UNAVAILABLE with a retry delay', () => {
    for (const code of ['ServiceUnavailable', 'SessionExpired', 'Neo.TransientError.General.DatabaseUnavailable']) {
      const translated = translateDriverError(driverError(code));
      expect(translated).toBeInstanceOf(StoreUnavailableError);
      expect((translated as StoreUnavailableError).extensions.retryAfter).toBeGreaterThan(0);
    }
    const poolTimeout = driverError('N/A', 'Connection acquisition timed out in 2500 ms. Pool status: ...');
    expect(translateDriverError(poolTimeout)).toBeInstanceOf(StoreUnavailableError);
  });

  it('maps a transaction timeout to QUERY_TIMEOUT and a constraint violation to BAD_USER_INPUT', () => {
    expect(
      translateDriverError(driverError('Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration')),
    ).toBeInstanceOf(QueryTimeoutError);
    const constraint = translateDriverError(driverError('Neo.ClientError.Schema.ConstraintValidationFailed'));
    expect(constraint).toBeInstanceOf(UserInputError);
    expect((constraint as UserInputError).code).toBe(ErrorCode.BAD_USER_INPUT);
  });

  it('passes anything else through, to be masked by formatError', () => {
    const syntax = driverError('Neo.ClientError.Statement.SyntaxError');
    expect(translateDriverError(syntax)).toBe(syntax);
  });
});
