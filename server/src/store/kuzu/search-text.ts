/**
 * The normalised text that search matches against. Kùzu has no accent folding,
 * so the adapter keeps a hidden `searchText` column per node:
 * `|name|alias 1|alias 2|`, each part lower-cased, accents stripped and
 * punctuation turned into single spaces. The bars let search tell an exact name
 * (`STARTS WITH '|q|'`) from an exact alias (`CONTAINS '|q|'`) from a prefix.
 */

/** Letters that NFD does not decompose but that people type without the mark. */
const FOLDS: Readonly<Record<string, string>> = { œ: 'oe', æ: 'ae', ß: 'ss', ø: 'o', ł: 'l', đ: 'd', ı: 'i' };

export function normaliseForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[œæßøłđı]/g, (letter) => FOLDS[letter] ?? letter)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
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
