/** CaseFileStore on Neo4j: rows as nodes with labels of their own (query.ts CASE_LABELS). */
import type { CaseRow, CaseTable } from '../CaseFileStore.ts';
import type { TxMeta } from '../ports/read-scope.ts';
import { CASE_FILE_QUERIES } from './case-file-queries.ts';
import { run, type Row, type Runner } from './runner.ts';
import { asString, asStrings } from './values.ts';

const meta = (operation: string): TxMeta => ({ user: 'system', operation });

const toRow = (row: Row): CaseRow => ({
  id: asString(row.id),
  owner: asString(row.owner),
  lookupKeys: asStrings(row.lookupKeys),
  at: asString(row.at),
  body: asString(row.body),
});

export async function putCaseRow(runner: Runner, table: CaseTable, row: CaseRow): Promise<void> {
  await runner.write(meta('putCaseRow'), (tx) =>
    run(tx, CASE_FILE_QUERIES[table].put, { row: { ...row, lookupKeys: [...row.lookupKeys] } }),
  );
}

export async function caseRowsById(runner: Runner, table: CaseTable, ids: readonly string[]): Promise<CaseRow[]> {
  if (ids.length === 0) return [];
  const rows = await runner.readOnce(meta('caseRowsById'), CASE_FILE_QUERIES[table].byId, { ids: [...new Set(ids)] });
  return rows.map(toRow);
}

export async function caseRowsByOwner(runner: Runner, table: CaseTable, owner: string): Promise<CaseRow[]> {
  const rows = await runner.readOnce(meta('caseRowsByOwner'), CASE_FILE_QUERIES[table].byOwner, { owner });
  return rows.map(toRow);
}

export async function caseRowsByKey(runner: Runner, table: CaseTable, keys: readonly string[]): Promise<CaseRow[]> {
  if (keys.length === 0) return [];
  const rows = await runner.readOnce(meta('caseRowsByKey'), CASE_FILE_QUERIES[table].byKey, {
    keys: [...new Set(keys)],
  });
  return rows.map(toRow);
}
