/**
 * The limits that refuse hostile documents must leave the explorer room: each of
 * its own operations stays under half of every limit (depth, cost, aliases,
 * directives, tokens). A refused hostile document and a working explorer are
 * both checked against the same rules the server runs.
 */
import { buildSchema, parse, specifiedRules, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import * as operations from '../../client/src/api/operations.ts';
import { typeDefs } from '../../server/src/api/schema.ts';
import { hardeningOptions, LIMITS, type Limits } from '../../server/src/security/hardening.ts';

const schema = buildSchema(typeDefs);
const half = Object.fromEntries(Object.entries(LIMITS).map(([name, value]) => [name, Math.floor(value / 2)])) as Limits;

/** Every document the explorer sends; the aliased entity batch at the largest size it should send. */
const explorerDocuments = (): Array<[string, string]> => [
  ...Object.entries(operations)
    .filter((entry): entry is [string, { document: string }] => typeof entry[1] === 'object' && 'document' in entry[1])
    .map(([name, op]): [string, string] => [name, op.document]),
  ['entitiesById(20)', operations.entitiesById(Array.from({ length: 20 }, (_, i) => `doc-${i}`)).operation.document],
];

const problems = (document: string, limits: Limits): string[] => {
  const { validationRules, parseOptions } = hardeningOptions({ production: true, limits });
  try {
    return validate(schema, parse(document, parseOptions), [...specifiedRules, ...validationRules]).map(
      (e) => e.message,
    );
  } catch (error) {
    return [error instanceof Error ? error.message : String(error)];
  }
};

describe('limits sized for the explorer', () => {
  it('finds the explorer operations', () => {
    expect(explorerDocuments().map(([name]) => name)).toEqual(
      expect.arrayContaining(['SEARCH', 'ENTITY_BY_ID', 'NEIGHBOURHOOD', 'PATHS', 'LOGIN', 'ME']),
    );
  });

  it.each(explorerDocuments())('%s stays under half of every limit', (_name, document) => {
    expect(problems(document, half)).toEqual([]);
  });

  it('refuses a document just over each limit', () => {
    const aliases = `{ ${Array.from({ length: LIMITS.maxAliases + 1 }, (_, i) => `a${i}: me { username }`).join(' ')} }`;
    const nested = (n: number): string => (n === 0 ? '{ id }' : `{ id ... on Entity ${nested(n - 1)} }`);
    const deep = `{ search(query: "a") { entity ${nested(LIMITS.maxDepth)} } }`;
    const directives = `{ me { username ${'@skip(if: false) '.repeat(LIMITS.maxDirectives + 1)} } }`;
    const tokens = `{ ${'__typename '.repeat(LIMITS.maxTokens)} }`;
    for (const document of [aliases, deep, directives, tokens]) expect(problems(document, LIMITS)).not.toEqual([]);
  });
});
