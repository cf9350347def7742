/**
 * The one ranking of search hits, so that a query answers alike on either store. Over the folded
 * `|name|alias|...|` text (kuzu/search-text.ts): 1.0 exact name, 0.9 exact alias, 0.8 the name
 * starts with the query, 0.7 an alias does, 0.5 a word does, 0.3 otherwise; ties go to the shorter
 * name, then the name, then the id. Kùzu computes it inside its query (kuzu/search.ts); Neo4j's
 * Lucene index finds the candidates and this ranks them (Lucene's own relevance put an event that
 * mentions "Mimo" above the person whose alias is Mimo).
 */
import type { EntityRecord, SearchHit } from './GraphStore.ts';
import { searchTextOf, searchTokens } from './kuzu/search-text.ts';

export function rankScore(entity: EntityRecord, text: string): number {
  const phrase = searchTokens(text).join(' ');
  const aliases = entity.properties.aliases;
  const haystack = searchTextOf(entity.name, Array.isArray(aliases) ? aliases.map(String) : null);
  if (haystack.startsWith(`|${phrase}|`)) return 1.0;
  if (haystack.includes(`|${phrase}|`)) return 0.9;
  if (haystack.startsWith(`|${phrase}`)) return 0.8;
  if (haystack.includes(`|${phrase}`)) return 0.7;
  if (haystack.includes(` ${phrase}`)) return 0.5;
  return 0.3;
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Hits ranked as above, best first. */
export function rankHits(hits: readonly EntityRecord[], text: string): SearchHit[] {
  return hits
    .map((entity) => ({ entity, score: rankScore(entity, text) }))
    .sort(
      (a, b) =>
        b.score - a.score ||
        a.entity.name.length - b.entity.name.length ||
        compare(a.entity.name, b.entity.name) ||
        compare(a.entity.id, b.entity.id),
    );
}
