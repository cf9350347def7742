import { describe, expect, it } from 'vitest';
import { isLoginOnly } from './login-only.ts';

describe('isLoginOnly', () => {
  it('accepts a bare login mutation, named or not', () => {
    expect(isLoginOnly({ query: 'mutation { login(username: "a", password: "b") { token } }' })).toBe(true);
    expect(
      isLoginOnly({
        query: 'mutation L($u: String!, $p: String!) { login(username: $u, password: $p) { token } }',
        operationName: 'L',
      }),
    ).toBe(true);
  });

  it.each([
    ['a query', '{ me { username } }'],
    ['__typename', '{ __typename }'],
    ['login plus __typename', 'mutation { login(username: "a", password: "b") { token } __typename }'],
    [
      'login through a fragment',
      'mutation { ...F } fragment F on Mutation { login(username: "a", password: "b") { token } }',
    ],
    ['two operations', 'mutation A { login(username: "a", password: "b") { token } } query B { me { username } }'],
    ['a syntax error', 'mutation { login('],
  ])('refuses %s', (_name, query) => {
    expect(isLoginOnly({ query })).toBe(false);
  });

  it('refuses bodies that are not GraphQL requests', () => {
    expect(isLoginOnly(undefined)).toBe(false);
    expect(isLoginOnly('mutation { login }')).toBe(false);
    expect(isLoginOnly({ query: 42 })).toBe(false);
  });
});
