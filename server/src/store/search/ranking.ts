/**
 * One ranking for every store, so the embedded store and Neo4j put the same
 * names first (the differential test compares their top hits):
 *   1.0 the name is what was typed, 0.9 an alias is,
 *   0.8 the name starts with it, 0.7 an alias does,
 *   0.5 every word typed starts a word of the name or an alias,
 *   0.3 the same when a word typed may also be one edit away from a word (a typo).
 * Ties go to the text that matched (the name, or the alias for 0.9 and 0.7), in
 * alphabetical order of its folded form, then to the id: that order is the one the
 * embedded index reads its sorted names in, so it can stop after `limit` hits.
 */
import { normaliseForSearch } from './fold.ts';

export const SCORE = { name: 1, alias: 0.9, namePrefix: 0.8, aliasPrefix: 0.7, words: 0.5, typo: 0.3 } as const;

/**
 * A word typed with at least this many letters also matches words one edit away
 * (a letter added, dropped, changed, or two neighbours swapped): "djha" and "djeah"
 * find Djeha, "mimmo" finds Mimo. Four, not five: "Djha", the typo users make, has four.
 */
const TYPO_MIN_LENGTH = 4;

/** What a node is ranked on: its folded name and aliases. */
export interface RankedText {
  readonly name: string;
  readonly aliases: readonly string[];
}

export interface Rank {
  readonly score: number;
  /** The folded text ties are ordered by. */
  readonly key: string;
}

export const foldNames = (
  name: string | null | undefined,
  aliases: readonly unknown[] | null | undefined,
): RankedText => ({
  name: normaliseForSearch(name ?? ''),
  aliases: (aliases ?? []).filter((a): a is string => typeof a === 'string').map(normaliseForSearch),
});

/** True when `a` and `b` differ by at most one edit, a swap of two neighbours counting as one (as Lucene's fuzzy query does). */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    const rest = (from: number) => a.slice(from) === b.slice(from);
    return rest(i + 1) || (a[i] === b[i + 1] && a[i + 1] === b[i] && rest(i + 2));
  }
  const [longer, shorter] = a.length > b.length ? [a, b] : [b, a];
  return longer.slice(i + 1) === shorter.slice(i);
}

export const typoAllowed = (word: string): boolean => word.length >= TYPO_MIN_LENGTH;

function wordsMatch(typed: readonly string[], text: RankedText, typos: boolean): boolean {
  const words = [text.name, ...text.aliases].flatMap((part) => part.split(' '));
  return typed.every((w) =>
    words.some((word) => word.startsWith(w) || (typos && typoAllowed(w) && withinOneEdit(w, word))),
  );
}

/** How `text` ranks for the folded words `typed`; undefined when it does not match at all. */
export function rankOf(typed: readonly string[], text: RankedText): Rank | undefined {
  const phrase = typed.join(' ');
  if (phrase === '') return undefined;
  const smallest = (candidates: readonly string[]) => [...candidates].sort()[0];
  if (text.name === phrase) return { score: SCORE.name, key: text.name };
  const exactAlias = smallest(text.aliases.filter((a) => a === phrase));
  if (exactAlias !== undefined) return { score: SCORE.alias, key: exactAlias };
  if (text.name.startsWith(phrase)) return { score: SCORE.namePrefix, key: text.name };
  const aliasPrefix = smallest(text.aliases.filter((a) => a.startsWith(phrase)));
  if (aliasPrefix !== undefined) return { score: SCORE.aliasPrefix, key: aliasPrefix };
  if (wordsMatch(typed, text, false)) return { score: SCORE.words, key: text.name };
  if (wordsMatch(typed, text, true)) return { score: SCORE.typo, key: text.name };
  return undefined;
}

/** Best first: score, then the matched text, then the id. */
export function compareRanked(a: Rank & { readonly id: string }, b: Rank & { readonly id: string }): number {
  if (a.score !== b.score) return b.score - a.score;
  if (a.key !== b.key) return a.key < b.key ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
