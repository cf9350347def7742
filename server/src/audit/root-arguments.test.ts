import { parse, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { rootCalls } from './root-arguments.ts';

const operationOf = (text: string) => parse(text).definitions[0] as OperationDefinitionNode;

describe('rootCalls', () => {
  it('keeps what was asked, with variables resolved', () => {
    const op = operationOf(
      'query Q($q: String!) { search(query: $q, limit: 5) { score } n: neighbourhood(ids: ["a"], depth: 2) { truncated } }',
    );
    expect(rootCalls(op, { q: 'Djeha' })).toEqual([
      { field: 'search', arguments: { query: 'Djeha', limit: 5 } },
      { field: 'neighbourhood', arguments: { ids: ['a'], depth: 2 } },
    ]);
  });

  it('never keeps a password, digests a script and caps long values', () => {
    const op = operationOf(
      'mutation M($p: String!, $s: String!) { createUser(username: "eve", password: $p, role: VIEWER) { username } importCypher(script: $s) { ok } }',
    );
    const calls = rootCalls(op, { p: 'hunter2-secret', s: 'CREATE (:Person {id: "x"});' });
    expect(JSON.stringify(calls)).not.toContain('hunter2');
    expect(calls[0]?.arguments).toEqual({ username: 'eve', password: '(omitted)', role: 'VIEWER' });
    expect(calls[1]?.arguments.script).toEqual({ sha256: expect.stringMatching(/^[0-9a-f]{64}$/), chars: 27 });
    const long = rootCalls(operationOf('query Q($q: String!) { search(query: $q) { score } }'), {
      q: 'x'.repeat(5000),
    });
    expect(String(long[0]?.arguments.query).length).toBeLessThan(250);
  });
});
