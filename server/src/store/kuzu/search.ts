/**
 * Entity search, case- and accent-insensitive, over name and aliases: the scan
 * that answers until the name index (store/search/NameIndex.ts) is built after a
 * start. Descriptions are searched through that index only (folding every
 * description into this column would make each import fold far more text), so
 * for those first seconds a description word finds nothing.
 *
 * Why not Kùzu's FTS extension: its BM25 matches whole tokens only (typing
 * "dje" must already find "Djeha"), it does not fold accents, and on a
 * 300 k-node test its wildcard queries returned every document with one
 * score. A substring scan of the hidden, normalised `searchText` column
 * (store/search/fold.ts) answered in 10–20 ms on 600 k nodes, which is well inside
 * an interactive budget, and ranks exactly as users expect:
 *   1.0 exact name, 0.9 exact alias, 0.8 name starts with the query,
 *   0.7 an alias starts with it, 0.5 a word starts with it, 0.3 anywhere else;
 * ties go to the shorter name, then alphabetical name, then id.
 * Every query word must begin a word of the name or an alias (as Neo4j's Lucene index
 * matches: whole words or prefixes), and the ranking is the one both adapters share
 * (store/search/rank-candidates.ts).
 */
import type { SearchHit, SearchQuery } from '../ports/GraphReads.ts';
import { NODE_LABELS, isNodeLabel } from '../../model/index.ts';
import { labelAlternatives } from './ddl.ts';
import type { KuzuConnection } from './KuzuConnection.ts';
import { toEntity } from './rows.ts';
import { searchTokens } from '../search/fold.ts';

const SEARCH_QUERY = (labels: string): string => `
  MATCH (n:${labels})
  WHERE all(t IN $tokens WHERE n.searchText CONTAINS concat(' ', t) OR n.searchText CONTAINS concat('|', t))
  WITH n, CASE
    WHEN n.searchText STARTS WITH $exact THEN 1.0
    WHEN n.searchText CONTAINS $exact THEN 0.9
    WHEN n.searchText STARTS WITH $prefix THEN 0.8
    WHEN n.searchText CONTAINS $prefix THEN 0.7
    WHEN n.searchText CONTAINS $wordPrefix THEN 0.5
    ELSE 0.3 END AS score
  RETURN n, score
  ORDER BY score DESC, size(n.name), n.name, n.id
  LIMIT $limit`;

export async function search(connection: KuzuConnection, query: SearchQuery): Promise<SearchHit[]> {
  const tokens = searchTokens(query.text);
  // Labels are interpolated, so only names from the model's allow-list pass.
  // An empty or absent filter means every label; a filter naming no known label finds nothing.
  const asked = query.labels ?? [];
  const labels = asked.length === 0 ? NODE_LABELS : asked.filter((label) => isNodeLabel(label));
  if (labels.length === 0) return [];
  if (tokens.length === 0 || query.limit <= 0) return [];
  const phrase = tokens.join(' ');
  const rows = await connection.query(SEARCH_QUERY(labelAlternatives(labels)), {
    // Every word must begin a word of the name or an alias, as in Neo4j's full-text index.
    tokens,
    exact: `|${phrase}|`,
    prefix: `|${phrase}`,
    wordPrefix: ` ${phrase}`,
    limit: Math.floor(query.limit),
  });
  return rows.map((row) => ({ entity: toEntity(row.n), score: Number(row.score) }));
}
