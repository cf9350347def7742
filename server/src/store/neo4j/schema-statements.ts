/**
 * The Neo4j schema, derived from the model: one uniqueness constraint on `id` per
 * label (it also gives the id lookup its index), one full-text index over names,
 * aliases and descriptions, and the keys of the adapter's own user, audit and case-file nodes.
 * ensureSchema() runs these statements; scripts/generate-neo4j-schema.ts writes them
 * to cypher/schema.cypher for people who manage Neo4j by hand.
 */
import { NODE_LABELS } from '../../model/index.ts';
import { AUDIT_LABEL, CASE_LABELS, SHARED_STATE_KEYS, USER_LABEL, schemaName } from './query.ts';
import { SEARCH_INDEX, SEARCH_INDEX_PROPERTIES } from './queries.ts';

/**
 * `standard-folding` lower-cases and folds accents (ASCIIFoldingFilter), so "Élodie"
 * and "elodie" meet, as on the embedded store. Eventual consistency is off so that a
 * search right after an import sees the imported names.
 */
const SEARCH_ANALYZER = 'standard-folding';

const snake = (name: string): string => name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();

function uniqueness(label: string, property: string): string {
  const l = schemaName(label);
  return `CREATE CONSTRAINT ${snake(l)}_${property}_unique IF NOT EXISTS FOR (n:${l}) REQUIRE n.${property} IS UNIQUE`;
}

function searchIndexStatement(): string {
  const labels = NODE_LABELS.map(schemaName).join('|');
  const properties = SEARCH_INDEX_PROPERTIES.map((p) => `n.${p}`).join(', ');
  return (
    `CREATE FULLTEXT INDEX ${SEARCH_INDEX} IF NOT EXISTS FOR (n:${labels}) ON EACH [${properties}] ` +
    `OPTIONS { indexConfig: { \`fulltext.analyzer\`: '${SEARCH_ANALYZER}', \`fulltext.eventually_consistent\`: false } }`
  );
}

/** In the order they must run. Each is idempotent. */
export function schemaStatements(): string[] {
  return [
    ...NODE_LABELS.map((label) => uniqueness(label, 'id')),
    uniqueness(USER_LABEL, 'username'),
    uniqueness(AUDIT_LABEL, 'seq'),
    ...Object.values(CASE_LABELS).map((label) => uniqueness(label, 'id')),
    ...Object.entries(SHARED_STATE_KEYS).map(([label, key]) => uniqueness(label, key)),
    'CREATE INDEX maillon_person_read_user IF NOT EXISTS FOR (n:MaillonPersonRead) ON (n.user)',
    searchIndexStatement(),
  ];
}

/** The text of cypher/schema.cypher. */
export function renderSchemaFile(): string {
  const header = [
    '// Neo4j schema for Maillon. GENERATED from server/src/model by scripts/generate-neo4j-schema.ts:',
    '// do not edit by hand (a unit test fails when this file is out of date). The server runs the',
    '// same statements at startup; every statement is idempotent.',
    '',
  ];
  return [...header, ...schemaStatements().map((s) => `${s};`), ''].join('\n');
}
