/**
 * Offline check of every Cypher text the Neo4j adapter can send, with Neo4j's own
 * parser and semantic analysis (compiled to JS in @neo4j-cypher/language-support).
 * No server is needed, so a typo in a code path the Kùzu-backed tests never reach
 * still fails here.
 *
 * The lint runs against a schema built from the model: labels, relationship types,
 * property keys, the Neo4j 5 function and procedure registry, and each query's
 * declared $parameters. Errors fail; so do warnings (unknown label, type or property,
 * deprecated syntax), unless TOLERATED_WARNINGS names them with a reason.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { lintCypherQuery, parseStatementsStrs, testData, type DbSchema } from '@neo4j-cypher/language-support';
import {
  COMMON_NODE_PROPERTIES,
  COMMON_REL_PROPERTIES,
  NODE_LABELS,
  NODE_SPECS,
  REL_SPECS,
  REL_TYPES,
} from '../../model/index.ts';
import { readFileSync, readdirSync } from 'node:fs';
import * as Q from './queries.ts';
import { allQueries } from './queries.ts';
import { SHARED_STATE_PROPERTIES, sharedStateQueries } from './shared-state-queries.ts';
import { AUDIT_LABEL, CASE_LABELS, SHARED_STATE_KEYS, USER_LABEL, cypher, type CypherQuery } from './query.ts';
import { AUDIT_KEYS, USER_KEYS } from './records.ts';
import { schemaStatements } from './schema-statements.ts';

/** Warnings accepted on purpose, each with the reason. Empty: nothing is tolerated today. */
const TOLERATED_WARNINGS: ReadonlyArray<{ readonly pattern: RegExp; readonly reason: string }> = [];

const DIAGNOSTIC_ERROR = 1;
/**
 * Semantic analysis takes a few hundred milliseconds per query on an idle machine and
 * its first call loads the compiled analyser; on a busy CI machine both stretch.
 */
const LINT_TIMEOUT_MS = 60_000;
const CYPHER_VERSION = 'CYPHER 5';

function propertyKeys(): string[] {
  const keys = new Set<string>([...Object.keys(COMMON_NODE_PROPERTIES), ...Object.keys(COMMON_REL_PROPERTIES)]);
  for (const label of NODE_LABELS) Object.keys(NODE_SPECS[label].properties).forEach((k) => keys.add(k));
  for (const type of REL_TYPES) Object.keys(REL_SPECS[type].properties).forEach((k) => keys.add(k));
  [...USER_KEYS, ...AUDIT_KEYS, 'owner', 'lookupKeys', 'body', ...SHARED_STATE_PROPERTIES].forEach((k) => keys.add(k));
  return [...keys];
}

/** Neo4j 5's function and procedure registry, as shipped with the language-support package. */
const registry = testData.mockSchema;

function schemaFor(query: CypherQuery): DbSchema {
  return {
    labels: [...NODE_LABELS, USER_LABEL, AUDIT_LABEL, ...Object.values(CASE_LABELS), ...Object.keys(SHARED_STATE_KEYS)],
    relationshipTypes: [...REL_TYPES],
    propertyKeys: propertyKeys(),
    functions: registry.functions,
    procedures: registry.procedures,
    defaultLanguage: CYPHER_VERSION,
    parameters: Object.fromEntries(query.params.map((p) => [p, null])),
  };
}

interface Problem {
  readonly severity: 'error' | 'warning';
  readonly message: string;
  readonly at: string;
}

/** Every problem the lint finds in one query, after dropping tolerated warnings. */
function lint(query: CypherQuery): Problem[] {
  const problems: Problem[] = [];
  const statements = parseStatementsStrs(query.text);
  if (statements.length !== 1) {
    problems.push({ severity: 'error', message: `expected one statement, found ${statements.length}`, at: '' });
  }
  const used = new Set([...query.text.matchAll(/\$([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1]));
  for (const declared of query.params) {
    if (!used.has(declared))
      problems.push({ severity: 'error', message: `$${declared} is declared but unused`, at: '' });
  }
  for (const d of lintCypherQuery(query.text, schemaFor(query)).diagnostics) {
    const message = typeof d.message === 'string' ? d.message : d.message.value;
    const severity = d.severity === DIAGNOSTIC_ERROR ? 'error' : 'warning';
    if (severity === 'warning' && TOLERATED_WARNINGS.some((t) => t.pattern.test(message))) continue;
    const at = query.text.slice(d.offsets.start, Math.max(d.offsets.end, d.offsets.start + 20));
    problems.push({ severity, message, at });
  }
  return problems;
}

const queries = [...allQueries(), ...sharedStateQueries()];
const schema = schemaStatements().map((text, i) => cypher({ name: `schema#${i + 1}`, params: [], text: text }));

beforeAll(() => {
  lintCypherQuery('RETURN 1 AS warmUp', {});
}, LINT_TIMEOUT_MS);

describe('Neo4j adapter Cypher, linted offline', () => {
  it('enumerates every query once, by a unique name', () => {
    const names = queries.map((q) => q.name);
    expect(new Set(names).size).toBe(names.length);
    // One scan variant per relationship type of the model.
    expect(names.filter((n) => n.startsWith('scanRelationships:'))).toHaveLength(REL_TYPES.length);
    // Two shortest-path variants (with and without excluded labels) per maximum length the port can be asked for.
    expect(names.filter((n) => n.startsWith('shortestPaths:'))).toHaveLength(2 * Q.MAX_PATH_LENGTH);
  });

  it('covers every query constant the module exports', () => {
    const isQuery = (v: unknown): v is CypherQuery =>
      typeof v === 'object' && v !== null && 'text' in v && 'params' in v;
    const listed = new Set(queries.map((q) => q.name));
    for (const exported of (Object.values(Q) as unknown[]).filter(isQuery)) expect(listed).toContain(exported.name);
  });

  it('sends Cypher text only through run(), except schema statements and import statements', () => {
    // Anything else calling tx.run would send text this lint never saw.
    const allowed: Record<string, string> = {
      'runner.ts': 'run(): texts from queries.ts',
      'schema.ts': 'schemaStatements(), linted below',
      'import.ts': "the import file's own statements, checked by the import pipeline",
    };
    const folder = new URL('./', import.meta.url);
    const sources = readdirSync(folder).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
    const sending = sources.filter((f) => /\.run\(/.test(readFileSync(new URL(f, folder), 'utf8')));
    expect(sending.sort()).toEqual(Object.keys(allowed).sort());
  });

  it.each(queries.map((q) => [q.name, q] as const))(
    'query %s has no error or warning',
    (_name, query) => {
      expect(lint(query)).toEqual([]);
    },
    LINT_TIMEOUT_MS,
  );

  it.each(schema.map((q) => [q.name, q] as const))(
    'schema statement %s has no error or warning',
    (_name, query) => {
      expect(lint(query)).toEqual([]);
    },
    LINT_TIMEOUT_MS,
  );
});

describe('the lint itself', () => {
  const broken: ReadonlyArray<readonly [string, CypherQuery]> = [
    ['a misspelled keyword', cypher({ name: 'broken', params: [], text: 'MATC (n:Person) RETURN n' })],
    ['an undefined variable', cypher({ name: 'broken', params: [], text: 'MATCH (n:Person) RETURN m' })],
    [
      'an undeclared parameter',
      cypher({ name: 'broken', params: ['ids'], text: 'MATCH (n:Person) WHERE n.id IN $idz RETURN n' }),
    ],
    [
      'a declared parameter the text forgot',
      cypher({ name: 'broken', params: ['ids'], text: 'MATCH (n:Person) RETURN n' }),
    ],
    ['a label outside the model', cypher({ name: 'broken', params: [], text: 'MATCH (n:Persn) RETURN n' })],
    [
      'a relationship type outside the model',
      cypher({ name: 'broken', params: [], text: 'MATCH ()-[r:PAYED]->() RETURN r' }),
    ],
    ['a property outside the model', cypher({ name: 'broken', params: [], text: 'MATCH (n:Person) RETURN n.nmae' })],
    ['an unknown function', cypher({ name: 'broken', params: [], text: 'RETURN randomUUUID() AS id' })],
    [
      'an unknown procedure',
      cypher({ name: 'broken', params: [], text: "CALL db.index.fulltext.queryNode('x', 'y') YIELD node RETURN node" }),
    ],
    ['two statements in one text', cypher({ name: 'broken', params: [], text: 'RETURN 1 AS a; RETURN 2 AS b' })],
    [
      'deprecated subquery scoping',
      cypher({ name: 'broken', params: [], text: 'MATCH (n:Person) CALL { WITH n RETURN n.id AS i } RETURN i' }),
    ],
  ];

  it.each(broken)(
    'rejects %s',
    (_what, query) => {
      expect(lint(query).length).toBeGreaterThan(0);
    },
    LINT_TIMEOUT_MS,
  );
});
