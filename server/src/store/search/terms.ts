/**
 * Words as Neo4j's full-text index holds them (its `standard-folding` analyzer:
 * StandardTokenizer, lower case, ASCII folding, English stop words dropped). The
 * description tier of the ranking (ranking.ts) matches on these terms on both
 * stores, so that what Lucene finds in a description and what the embedded index
 * finds are the same words: "Hervé's" is one term, `herve's`, that "herve" starts;
 * "the" is in no description at all. Names keep their own, finer split (fold.ts),
 * which the name tiers were built on.
 */

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

/** Lucene's EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, which standard-folding removes. */
export const INDEX_STOP_WORDS: ReadonlySet<string> = new Set(
  'a an and are as at be but by for if in into is it no not of on or such that the their then there these they this to was will with'.split(
    ' ',
  ),
);

/** The words of `text` the full-text index keeps: folded, cut as Lucene cuts them, no stop word. */
export function indexTerms(text: string): string[] {
  return searchWords(text).filter((word) => !INDEX_STOP_WORDS.has(word));
}
