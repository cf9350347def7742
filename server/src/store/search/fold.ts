/**
 * How search folds text, on both stores: the in-memory name index (NameIndex.ts)
 * and the ranking every store applies (ranking.ts) compare words folded here.
 *
 * Kùzu has no accent folding function, so its adapter also keeps a hidden
 * `searchText` column per node (the scan used until the index is built):
 * `|name|alias 1|alias 2|`, each part lower-cased, accents folded, combining
 * marks dropped and everything that is not a letter or digit turned into single
 * spaces. The bars let search tell an exact name (`STARTS WITH '|q|'`) from an
 * exact alias (`CONTAINS '|q|'`) from a prefix.
 *
 * The same FOLDS table drives both sides: Kùzu computes the column with
 * regexp_replace (kuzu/search-index.ts, set-based, fast inside an import) and JS
 * normalises the query, so a query and a name fold identically.
 */

/** Lower-case letters with a mark, and what people type instead (RE2 and JS RegExp syntax alike). */
export const FOLDS: ReadonlyArray<readonly [pattern: string, replacement: string]> = [
  ['[àáâãäåāăąǎ]', 'a'],
  ['[çćĉċč]', 'c'],
  ['[ďđ]', 'd'],
  ['[èéêëēĕėęěẽ]', 'e'],
  ['[ĝğġģ]', 'g'],
  ['[ĥħ]', 'h'],
  ['[ìíîïĩīĭįıǐ]', 'i'],
  ['[ĵ]', 'j'],
  ['[ķ]', 'k'],
  ['[ĺļľŀł]', 'l'],
  ['[ñńņňŉ]', 'n'],
  ['[òóôõöøōŏőǒ]', 'o'],
  ['[ŕŗř]', 'r'],
  ['[śŝşšș]', 's'],
  ['[ţťŧț]', 't'],
  ['[ùúûüũūŭůűųǔ]', 'u'],
  ['[ŵ]', 'w'],
  ['[ýÿŷ]', 'y'],
  ['[źżž]', 'z'],
  ['œ', 'oe'],
  ['æ', 'ae'],
  ['ß', 'ss'],
];
/** Combining marks (text stored decomposed) are dropped. */
export const MARKS = '\\p{M}+';
/** Anything else that is not a letter or a digit separates words. */
export const NON_WORD = '[^\\p{L}\\p{N}]+';

const foldExpressions = FOLDS.map(([pattern, replacement]) => [new RegExp(pattern, 'gu'), replacement] as const);
const marks = new RegExp(MARKS, 'gu');
const nonWord = new RegExp(NON_WORD, 'gu');

export function normaliseForSearch(text: string): string {
  let folded = text.toLowerCase();
  for (const [expression, replacement] of foldExpressions) folded = folded.replace(expression, replacement);
  return folded.replace(marks, '').replace(nonWord, ' ').trim();
}

export function searchTextOf(name: string | null, aliases: readonly string[] | null): string {
  const parts = [name ?? '', ...(aliases ?? [])].map(normaliseForSearch);
  return `|${parts.join('|')}|`;
}

/** The words of a query, normalised; empty when nothing searchable remains. */
export function searchTokens(text: string): string[] {
  const normalised = normaliseForSearch(text);
  return normalised === '' ? [] : normalised.split(' ');
}
