/**
 * Fuzzing the API: fast-check arguments for every query and mutation of the SDL,
 * derived from the schema itself (a field added to the SDL is fuzzed without
 * edits here), sent as an admin with a purpose to one real server. Whatever the
 * arguments, the server answers below 500, stays healthy, and no answer carries
 * a stack trace, a file path or an internal (driver or JavaScript) message.
 * Time-bounded per operation so that it fits CI on two cores.
 */
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import {
  buildSchema,
  getNamedType,
  isEnumType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLOutputType,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, startTestServer, type TestServer } from '../helpers/test-server.ts';

const SDL = fs.readFileSync(path.resolve(import.meta.dirname, '../../server/src/api/schema.graphql'), 'utf8');
const schema = buildSchema(SDL);
const PURPOSE = 'fuzzing the API';
const MS_PER_OPERATION = 1500;
/** Operations that hash a password (argon2) get fewer runs. */
const SLOW = new Set(['login', 'createUser', 'updateUser']);

/** Things an answer must never show a user. */
const LEAKS: ReadonlyArray<readonly [string, RegExp]> = [
  ['a stack frame', /\n\s+at \S/],
  ['a stacktrace extension', /"stacktrace"/i],
  ['a source path', /\/work\/|node_modules|\.ts:\d/],
  ['a Kùzu message', /(Binder|Parser|Runtime|Catalog|Copy|Connection|Transaction) exception/i],
  ['a JavaScript error', /Cannot read propert|is not a function|is not defined|TypeError|ReferenceError|RangeError/],
];

const REAL_IDS = ['person-lucien', 'person-marc', 'informant-heron', 'org-clan', 'shipment-msku', 'person-hub'];
const tricky = fc.constantFrom(
  '',
  ' ',
  "'",
  '"',
  '\\',
  '`',
  '%',
  '*',
  '\u0000',
  '../../etc/passwd',
  "x' OR 1=1 //",
  '$ids',
  '{}',
  '[]',
  'Lulu',
  'Férat',
  'FÉRAT',
  '𝔏𝔲𝔩𝔲',
  'a'.repeat(5000),
  // A graph-wide delete has its own test (fuzz-import-isolation.test.ts): it once reached the users table too.
  "MATCH (n:Person {id: 'person-leaf-01'}) DETACH DELETE n",
  "CREATE (:Person {id: 'fuzz-p', name: 'Fuzz'})",
  "LOAD CSV FROM 'file:///etc/passwd' AS row RETURN row",
  'CALL db.labels() YIELD label RETURN label',
  'UNWIND range(1, 3) AS i CREATE (:Person {id: toString(i)})',
  'CREATE (:NotALabel {id: 1})',
);
const text = fc.oneof(fc.string({ maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 20 }), tricky);
const ints = fc.oneof(
  fc.integer(),
  fc.constantFrom(0, -1, 1, 2, 3, 8, 9, 20, 500, 501, 2000, 2001, 2 ** 31 - 1, -(2 ** 31)),
);
/** Usernames never name the signed-in admin: fuzzing must not lock itself out (disable, demote, failed logins). */
const username = fc
  .oneof(text, fc.constantFrom('fuzz-user', 'viewer1'))
  .filter((name) => !name.normalize('NFKC').toLowerCase().includes('admin'));

function arbitraryFor(type: GraphQLInputType, argName: string): fc.Arbitrary<unknown> {
  if (isNonNullType(type)) return arbitraryFor(type.ofType, argName);
  if (isListType(type)) return fc.array(arbitraryFor(type.ofType, argName), { maxLength: 6 });
  if (isEnumType(type)) return fc.constantFrom(...type.getValues().map((v) => v.name));
  if (isScalarType(type)) {
    switch (type.name) {
      case 'Int':
        return ints;
      case 'Float':
        return fc.double();
      case 'Boolean':
        return fc.boolean();
      case 'ID':
        return fc.oneof(fc.constantFrom(...REAL_IDS), text);
      case 'String':
        if (/username|user$/i.test(argName)) return username;
        if (/labels|relTypes|rules/.test(argName))
          return fc.oneof(fc.constantFrom('Person', 'PAID', 'MEMBER_OF', 'Informant'), text);
        if (argName === 'since')
          return fc.oneof(
            fc.date().map((d) => (Number.isNaN(d.getTime()) ? 'x' : d.toISOString())),
            text,
          );
        return text;
      default:
        return fc.jsonValue();
    }
  }
  return fc.jsonValue();
}

/** Variables for a field: each argument well-typed, left out when optional, or (rarely) any JSON at all. */
function variablesFor(field: GraphQLField<unknown, unknown>): fc.Arbitrary<Record<string, unknown>> {
  const entries = field.args.map((arg: GraphQLArgument) => {
    const typed = arbitraryFor(arg.type, arg.name);
    const value = fc.oneof({ weight: 8, arbitrary: typed }, { weight: 1, arbitrary: fc.jsonValue() });
    return [arg.name, isNonNullType(arg.type) ? value : fc.option(value, { nil: undefined })] as const;
  });
  return fc.record(Object.fromEntries(entries)).map((record) => {
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(record)) if (value !== undefined) out[key] = value;
    return out;
  });
}

/** Every scalar field, and nested objects two levels down. */
function selection(type: GraphQLOutputType, depth = 0): string {
  const named = getNamedType(type);
  if (!isObjectType(named)) return '';
  const parts = Object.values(named.getFields()).flatMap((field) => {
    const inner = getNamedType(field.type);
    if (!isObjectType(inner)) return [field.name];
    return depth < 2 ? [`${field.name} ${selection(field.type, depth + 1)}`] : [];
  });
  return `{ ${parts.join(' ')} }`;
}

function operationText(kind: 'query' | 'mutation', field: GraphQLField<unknown, unknown>): string {
  const declared = field.args.map((arg) => `$${arg.name}: ${arg.type.toString()}`).join(', ');
  const passed = field.args.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
  return (
    `${kind} Fuzz${declared ? `(${declared})` : ''} { ${field.name}${passed ? `(${passed})` : ''} ` +
    `${selection(field.type)} }`
  );
}

const operations = [
  ...Object.values(schema.getQueryType()?.getFields() ?? {}).map((field) => ({ kind: 'query' as const, field })),
  ...Object.values(schema.getMutationType()?.getFields() ?? {}).map((field) => ({ kind: 'mutation' as const, field })),
];

describe('fuzzing every query and mutation', () => {
  let server: TestServer;
  let token: string;

  beforeAll(async () => {
    server = await startTestServer({ seed: [FIXTURES.smallGraph], env: { MAILLON_RATE_LIMIT: '1000000' } });
    token = await server.adminToken();
  });

  afterAll(async () => {
    await server?.stop();
  });

  it('covers every root field of the SDL', () => {
    expect(operations.map((op) => op.field.name)).toEqual(expect.arrayContaining(['search', 'importCypher', 'login']));
    expect(operations.length).toBeGreaterThanOrEqual(16);
  });

  it.each(operations.map((op) => [`${op.kind} ${op.field.name}`, op] as const))(
    '%s: no 5xx, no leak, the server stays healthy',
    async (_name, op) => {
      const query = operationText(op.kind, op.field);
      let sent = 0;
      await fc.assert(
        fc.asyncProperty(variablesFor(op.field), async (variables) => {
          sent++;
          const response = await fetch(`${server.url}/graphql`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'x-purpose': PURPOSE },
            body: JSON.stringify({ query, variables }),
          });
          const body = await response.text();
          expect(response.status, body.slice(0, 500)).toBeLessThan(500);
          for (const [what, pattern] of LEAKS) expect(body, `the answer shows ${what}`).not.toMatch(pattern);
        }),
        { numRuns: SLOW.has(op.field.name) ? 15 : 60, interruptAfterTimeLimit: MS_PER_OPERATION, seed: 20261124 },
      );
      expect(sent).toBeGreaterThan(0);
      const health = await fetch(`${server.url}/health`);
      expect(health.status).toBe(200);
      // The admin is still signed in and served: fuzzing did not lock it out.
      const me = await server.gql<{ me: { username: string } }>('{ me { username } }', {}, { token, purpose: PURPOSE });
      expect(me.body.data?.me.username, JSON.stringify(me.body)).toBe('admin');
    },
  );
});
