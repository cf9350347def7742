/**
 * Turns what a user typed into a Lucene query for the full-text index, as a value:
 * the text is folded (lower case, no accents, like the index's standard-folding
 * analyzer), split into words the way the index splits them, and each word is
 * escaped. So "Ab(d*" or "a OR b" can only ever mean the words themselves.
 * Every word must match, as a whole word (boosted), as a prefix, or, for a word
 * of TYPO_MIN_LENGTH letters or more, one edit away (`~1`: Lucene's fuzzy query,
 * which counts a swap of neighbours as one edit, as the embedded index does).
 * The hits are candidates: Neo4jStore ranks them with store/search/ranking.ts.
 *
 * The index's standard-folding analyzer drops English stop words, so "Port of
 * Marseille" is indexed as [port, marseille]: a clause on "of" could never match
 * and would hide the very node the user typed. Stop words are therefore left out of
 * the query, unless the query has nothing else (then they count as prefixes: "in"
 * still finds "Ingrid").
 */
import { typoAllowed } from '../search/ranking.ts';

const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

/**
 * Letters NFD does not decompose; the index's ASCIIFoldingFilter folds them the same
 * way (and so does the embedded store), so "Œuvre" typed as "oeuvre" still meets.
 */
const FOLDS: Readonly<Record<string, string>> = { œ: 'oe', æ: 'ae', ß: 'ss', ø: 'o', ł: 'l', đ: 'd', ı: 'i' };

function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[œæßøłđı]/g, (letter) => FOLDS[letter] ?? letter);
}

/**
 * Words as the index's StandardTokenizer (Unicode word boundaries) cuts them: an
 * apostrophe or a full stop between letters does not split, so "N'Diaye" and
 * "d'Artagnan" stay one term each, as they are indexed.
 */
const WORD = /[\p{L}\p{N}_]+(?:['’.][\p{L}\p{N}_]+)*/gu;

export function searchWords(text: string): string[] {
  return foldForSearch(text).match(WORD) ?? [];
}

const escapeLucene = (word: string): string => word.replace(LUCENE_SPECIAL, (c) => `\\${c}`);

/** Lucene's EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, which standard-folding removes. */
const INDEX_STOP_WORDS: ReadonlySet<string> = new Set(
  'a an and are as at be but by for if in into is it no not of on or such that the their then there these they this to was will with'.split(
    ' ',
  ),
);

/** undefined when the text holds no word at all (nothing to search for). */
export function luceneQuery(text: string): string | undefined {
  const words = searchWords(text);
  if (words.length === 0) return undefined;
  const content = words.filter((w) => !INDEX_STOP_WORDS.has(w));
  if (content.length === 0) return words.map((w) => `${escapeLucene(w)}*`).join(' AND ');
  return content
    .map((word) => {
      const w = escapeLucene(word);
      return typoAllowed(word) ? `(${w}^2 OR ${w}* OR ${w}~1)` : `(${w}^2 OR ${w}*)`;
    })
    .join(' AND ');
}
