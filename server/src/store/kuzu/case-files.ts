/** CaseFileStore rows in their own node tables (ddl.ts CASE_TABLE_NAMES), never labels of the model. */
import type { KuzuValue } from 'kuzu';
import { byAtThenId, type CaseRow, type CaseTable } from '../CaseFileStore.ts';
import { CASE_TABLE_NAMES, quote } from './ddl.ts';
import type { KuzuConnection, Row } from './KuzuConnection.ts';

const table = (name: CaseTable): string => quote(CASE_TABLE_NAMES[name]);
const FIELDS = 'r.id AS id, r.`owner` AS owner, r.lookupKeys AS lookupKeys, r.`at` AS at, r.body AS body';

function toRow(row: Row): CaseRow {
  const keys = row.lookupKeys;
  return {
    id: String(row.id),
    owner: String(row.owner),
    lookupKeys: Array.isArray(keys) ? keys.map(String) : [],
    at: String(row.at),
    body: String(row.body),
  };
}

export async function putCaseRow(writer: KuzuConnection, name: CaseTable, row: CaseRow): Promise<void> {
  const params: Record<string, KuzuValue> = { ...row, lookupKeys: [...row.lookupKeys] };
  await writer.query(
    `MERGE (r:${table(name)} {id: $id}) SET r.\`owner\` = $owner, r.lookupKeys = $lookupKeys, r.\`at\` = $at, r.body = $body`,
    params,
  );
}

export async function caseRowsById(
  reader: KuzuConnection,
  name: CaseTable,
  ids: readonly string[],
): Promise<CaseRow[]> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  const rows = await reader.query(`UNWIND $ids AS wanted MATCH (r:${table(name)} {id: wanted}) RETURN ${FIELDS}`, {
    ids: unique,
  });
  return rows.map(toRow).sort(byAtThenId);
}

export async function caseRowsByOwner(reader: KuzuConnection, name: CaseTable, owner: string): Promise<CaseRow[]> {
  const rows = await reader.query(`MATCH (r:${table(name)}) WHERE r.\`owner\` = $owner RETURN ${FIELDS}`, { owner });
  return rows.map(toRow).sort(byAtThenId);
}

export async function caseRowsByKey(
  reader: KuzuConnection,
  name: CaseTable,
  keys: readonly string[],
): Promise<CaseRow[]> {
  const unique = [...new Set(keys)];
  if (unique.length === 0) return [];
  const rows = await reader.query(
    `UNWIND $keys AS wanted MATCH (r:${table(name)}) WHERE list_contains(r.lookupKeys, wanted) RETURN ${FIELDS}`,
    { keys: unique },
  );
  const byId = new Map(rows.map((row) => [String(row.id), toRow(row)]));
  return [...byId.values()].sort(byAtThenId);
}
