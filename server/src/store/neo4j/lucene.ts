/**
 * Turns what a user typed into a Lucene query for the full-text index, as a value:
 * the text is folded (lower case, no accents, like the index's standard-folding
 * analyzer), split into words on anything that is not a letter or digit, and each
 * word is escaped. So "Ab(d*" or "a OR b" can only ever mean the words themselves.
 * Every word must match, as a whole word (boosted) or as a prefix.
 */
const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

export function foldForSearch(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

export function searchWords(text: string): string[] {
  return foldForSearch(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0);
}

const escapeLucene = (word: string): string => word.replace(LUCENE_SPECIAL, (c) => `\\${c}`);

/** undefined when the text holds no word at all (nothing to search for). */
export function luceneQuery(text: string): string | undefined {
  const words = searchWords(text).map(escapeLucene);
  if (words.length === 0) return undefined;
  return words.map((w) => `(${w}^2 OR ${w}*)`).join(' AND ');
}
