/**
 * Cypher of the CaseFileStore rows: one variant per kind of record, each on its
 * own label (query.ts CASE_LABELS), which no explorer query ever matches.
 */
import { CASE_TABLES, type CaseTable } from '../CaseFileStore.ts';
import { CASE_LABELS, cypher, schemaName, type CypherQuery } from './query.ts';

const label = (table: CaseTable): string => schemaName(CASE_LABELS[table]);
const FIELDS = 'r.id AS id, r.owner AS owner, r.lookupKeys AS lookupKeys, r.at AS at, r.body AS body';

export interface CaseFileQueries {
  readonly put: CypherQuery<'row'>;
  readonly byId: CypherQuery<'ids'>;
  readonly byOwner: CypherQuery<'owner'>;
  readonly byKey: CypherQuery<'keys'>;
}

function queriesFor(table: CaseTable): CaseFileQueries {
  const l = label(table);
  return {
    put: cypher({ name: `putCaseRow:${table}`, params: ['row'], text: `MERGE (r:${l} {id: $row.id}) SET r = $row` }),
    byId: cypher({
      name: `caseRowsById:${table}`,
      params: ['ids'],
      text: `MATCH (r:${l}) WHERE r.id IN $ids RETURN ${FIELDS} ORDER BY r.at, r.id`,
    }),
    byOwner: cypher({
      name: `caseRowsByOwner:${table}`,
      params: ['owner'],
      text: `MATCH (r:${l}) WHERE r.owner = $owner RETURN ${FIELDS} ORDER BY r.at, r.id`,
    }),
    byKey: cypher({
      name: `caseRowsByKey:${table}`,
      params: ['keys'],
      text: `MATCH (r:${l}) WHERE any(k IN r.lookupKeys WHERE k IN $keys) RETURN ${FIELDS} ORDER BY r.at, r.id`,
    }),
  };
}

export const CASE_FILE_QUERIES: Readonly<Record<CaseTable, CaseFileQueries>> = Object.fromEntries(
  CASE_TABLES.map((table) => [table, queriesFor(table)]),
) as Record<CaseTable, CaseFileQueries>;

export const allCaseFileQueries = (): CypherQuery[] =>
  CASE_TABLES.flatMap((table) => Object.values(CASE_FILE_QUERIES[table]));
