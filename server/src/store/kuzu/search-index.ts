/**
 * Keeps the hidden searchText column (store/search/fold.ts) in step with name and
 * aliases, with one set-based statement per label computed inside Kùzu: writing
 * the column row by row from JS took 0.7 ms per node inside an import
 * transaction (70 s for 100 k nodes), the set-based update 20 ms per 1 000.
 * `searchSource` remembers the raw name, aliases and description the text was
 * computed from, so only nodes created, renamed, re-aliased or re-described since
 * are folded again and reported to the name index (the column itself holds names
 * only: descriptions are searched through the index alone). A database written
 * before descriptions were searched has sources without one: its first start
 * folds the described nodes again, once (an undescribed node's source is as it was).
 */
import { NODE_LABELS } from '../../model/index.ts';
import { quote } from './ddl.ts';
import type { Session } from './KuzuConnection.ts';
import { FOLDS, MARKS, NON_WORD } from '../search/fold.ts';
import type { IndexedNode } from '../search/NameIndex.ts';
import { indexedNode } from './name-rows.ts';

const SEPARATOR = '\u001f';

/**
 * A Cypher string literal for one of our own constant patterns. Literals, not
 * parameters: Kùzu 0.11.3 aborts the process on a parameter inside a lambda
 * (list_transform), which the aliases need.
 */
const literal = (text: string): string => `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

/** Kùzu's rendering of normaliseForSearch(x). */
function foldExpression(x: string): string {
  let expression = `lower(${x})`;
  for (const [pattern, replacement] of FOLDS) {
    expression = `regexp_replace(${expression}, ${literal(pattern)}, ${literal(replacement)}, 'g')`;
  }
  return `trim(regexp_replace(regexp_replace(${expression}, ${literal(MARKS)}, '', 'g'), ${literal(NON_WORD)}, ' ', 'g'))`;
}

const SEARCH_TEXT = `concat('|', ${foldExpression("coalesce(n.name, '')")}, '|',
  CASE WHEN size(n.aliases) > 0
    THEN concat(list_to_string('|', list_transform(n.aliases, a -> ${foldExpression('a')})), '|')
    ELSE '' END)`;

const refreshQuery = (label: string, names: boolean): string => `
  MATCH (n:${quote(label)})
  WITH n, concat(coalesce(n.name, ''), $sep, coalesce(list_to_string($sep, n.aliases), ''),
    CASE WHEN n.description IS NULL THEN '' ELSE concat($sep, n.description) END) AS src
  WHERE n.searchSource IS NULL OR n.searchSource <> src
  SET n.searchSource = src, n.searchText = ${SEARCH_TEXT}
  ${names ? 'RETURN n.id AS id, n.name AS name, n.aliases AS aliases, n.description AS description' : 'RETURN count(*) AS changed'}`;

/**
 * Recomputes searchText where it is missing or stale; returns the nodes that
 * changed (created, renamed, re-aliased or re-described), which is what the in-memory name
 * index (search-index-cache.ts) takes in once the transaction commits. With
 * `names` false (no index to take them in) it returns none and reads none back.
 */
export async function refreshSearchText(session: Session, names = true): Promise<IndexedNode[]> {
  const changed: IndexedNode[] = [];
  for (const label of NODE_LABELS) {
    const rows = await session.query(refreshQuery(label, names), { sep: SEPARATOR });
    if (names) for (const row of rows) changed.push(indexedNode(label, row));
  }
  return changed;
}
