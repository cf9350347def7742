/**
 * Turns what a user typed into a Lucene query for the full-text index, as a value:
 * the text is folded (lower case, no accents, like the index's standard-folding
 * analyzer), split into words the way the index splits them, and each word is
 * escaped. So "Ab(d*" or "a OR b" can only ever mean the words themselves.
 * Every word must match, as a whole word (boosted), as a prefix, or, for a word
 * of TYPO_MIN_LENGTH letters or more, one edit away (`~1`: Lucene's fuzzy query,
 * which counts a swap of neighbours as one edit, as the embedded index does).
 * Descriptions are searched too, by prefix (the description tier of ranking.ts).
 * The hits are candidates: Neo4jStore ranks them with store/search/ranking.ts.
 *
 * The index's standard-folding analyzer drops English stop words, so "Port of
 * Marseille" is indexed as [port, marseille]: a clause on "of" could never match
 * and would hide the very node the user typed. Stop words are therefore left out of
 * the query, unless the query has nothing else (then they count as prefixes: "in"
 * still finds "Ingrid").
 */
import { typoAllowed } from '../search/ranking.ts';
import { INDEX_STOP_WORDS, searchWords } from '../search/terms.ts';

const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

const escapeLucene = (word: string): string => word.replace(LUCENE_SPECIAL, (c) => `\\${c}`);

/**
 * A name or alias match counts this many times a description's in Lucene's score, so
 * that when a common word fills the candidate page (Neo4jStore takes the best few
 * hundred), the nodes it names come before the nodes whose descriptions mention it.
 */
const NAME_BOOST = 8;

const nameFields = (clause: string): string => `(name:(${clause}) OR aliases:(${clause}))`;

/**
 * One typed word: in a name or alias whole, as a prefix or one edit away; in a
 * description as a prefix only (no typos there: descriptions hold far more words,
 * and "police"~1 would bring in every "policy").
 */
function wordClause(word: string): string {
  const w = escapeLucene(word);
  const names = typoAllowed(word) ? `${w}^2 OR ${w}* OR ${w}~1` : `${w}^2 OR ${w}*`;
  return `(${nameFields(names)}^${NAME_BOOST} OR description:${w}*)`;
}

/** undefined when the text holds no word at all (nothing to search for). */
export function luceneQuery(text: string): string | undefined {
  const words = searchWords(text);
  if (words.length === 0) return undefined;
  const content = words.filter((w) => !INDEX_STOP_WORDS.has(w));
  // Stop words alone can only start a word of a name: a description tier needs a word it keeps.
  if (content.length === 0) return words.map((w) => nameFields(`${escapeLucene(w)}*`)).join(' AND ');
  return content.map(wordClause).join(' AND ');
}
