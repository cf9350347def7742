/**
 * Keeps the hidden searchText column (search-text.ts) in step with name and
 * aliases. `searchSource` remembers, in Kùzu's own rendering, the name and
 * aliases the text was computed from, so a later import that renames a node
 * or adds an alias is noticed by a comparison inside Kùzu, without reading
 * unchanged nodes into JS.
 */
import { NODE_LABELS } from '../../model/index.ts';
import { quote } from './ddl.ts';
import type { Session } from './KuzuConnection.ts';
import { searchTextOf } from './search-text.ts';

const SEPARATOR = '\u001f';
const BATCH = 5_000;

const staleQuery = (label: string): string => `
  MATCH (n:${quote(label)})
  WITH n, concat(coalesce(n.name, ''), $sep, coalesce(list_to_string($sep, n.aliases), '')) AS src
  WHERE n.searchSource IS NULL OR n.searchSource <> src
  RETURN n.id AS id, n.name AS name, n.aliases AS aliases, src`;

const updateQuery = (label: string): string => `
  UNWIND $rows AS row MATCH (n:${quote(label)} {id: row.id})
  SET n.searchText = row.text, n.searchSource = row.src`;

const asStrings = (value: unknown): string[] | null =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : null;

/** Recomputes searchText where it is missing or stale; returns how many nodes changed. */
export async function refreshSearchText(session: Session): Promise<number> {
  let changed = 0;
  for (const label of NODE_LABELS) {
    const stale = await session.query(staleQuery(label), { sep: SEPARATOR });
    const rows = stale.map((row) => ({
      id: String(row.id),
      text: searchTextOf(typeof row.name === 'string' ? row.name : null, asStrings(row.aliases)),
      src: String(row.src),
    }));
    for (let start = 0; start < rows.length; start += BATCH) {
      await session.query(updateQuery(label), { rows: rows.slice(start, start + BATCH) });
    }
    changed += rows.length;
  }
  return changed;
}
