import { describe, expect, it } from 'vitest';
import { ErrorCode, type MaillonError } from '../errors.ts';
import { ACCESS_RULES, authorize, guardResolvers } from './access-rules.ts';
import { createContext, type AppServices } from './context.ts';
import { rootFieldNames } from './schema.ts';

const services = {} as AppServices;
const ctx = (role: 'VIEWER' | 'INVESTIGATOR' | 'ADMIN' | undefined, purpose?: string) =>
  createContext({
    services,
    requestId: 'r',
    clientAddress: '127.0.0.1',
    viewer: role ? { username: 'u', role, informantClearance: false } : undefined,
    purpose,
  });
const codeOf = (fn: () => void): string | undefined => {
  try {
    fn();
    return undefined;
  } catch (error) {
    return (error as MaillonError).code;
  }
};

describe('ACCESS_RULES', () => {
  it('has a rule for every root field of the schema', () => {
    expect(rootFieldNames().filter((f) => !(f in ACCESS_RULES))).toEqual([]);
  });

  it('lets only login through without a viewer', () => {
    const open = Object.entries(ACCESS_RULES).filter(([, rule]) => rule.minRole === 'ANONYMOUS');
    expect(open.map(([field]) => field)).toEqual(['Mutation.login']);
    expect(codeOf(() => authorize(ctx(undefined), 'Query.me'))).toBe(ErrorCode.UNAUTHENTICATED);
  });

  it('checks role, then purpose', () => {
    expect(codeOf(() => authorize(ctx('VIEWER'), 'Query.users'))).toBe(ErrorCode.FORBIDDEN);
    expect(codeOf(() => authorize(ctx('VIEWER'), 'Query.redFlags'))).toBe(ErrorCode.FORBIDDEN);
    expect(codeOf(() => authorize(ctx('VIEWER'), 'Query.search'))).toBe(ErrorCode.PURPOSE_REQUIRED);
    expect(codeOf(() => authorize(ctx('VIEWER', 'case 1'), 'Query.search'))).toBeUndefined();
    expect(codeOf(() => authorize(ctx('ADMIN'), 'Mutation.importCypher'))).toBeUndefined();
  });

  it('refuses to guard a schema with a field that has no rule', () => {
    expect(() => guardResolvers({ Query: {}, Mutation: {} }, ['Query.secretField'])).toThrow(
      'No access rule for Query.secretField',
    );
  });
});
