/**
 * One ranking for every store, so the embedded store and Neo4j put the same
 * names first (the differential test compares their top hits):
 *   1.0 the name is what was typed, 0.9 an alias is,
 *   0.8 the name starts with it, 0.7 an alias does,
 *   0.5 every word typed starts a word of the name or an alias,
 *   0.3 the same when a word typed may also be one edit away from a word (a typo),
 *   0.2 every word typed that the full-text index keeps (terms.ts) starts a term of
 *       the description or a word of the name or an alias: a description match
 *       never outranks a name. No typos here: descriptions hold many words, and a
 *       fuzzy match over all of them would cost the embedded index a walk of its
 *       largest tree (and Lucene a flood of "policy" for "police").
 * Names are matched on their own words even in the last tier, so the embedded
 * index keeps one copy of them (a second, cut as Lucene cuts them, cost 16 MB more
 * at 100 k people). The one difference that leaves: a name whose word Lucene keeps
 * whole ("N'Diaye") is not found on Neo4j by its second half ("diaye"), in this
 * tier as in the name tiers.
 * Ties go to the text that matched (the name, or the alias for 0.9 and 0.7), in
 * alphabetical order of its folded form, then to the id: that order is the one the
 * embedded index reads its sorted names in, so it can stop after `limit` hits.
 */
import { normaliseForSearch, searchTokens } from './fold.ts';
import { indexTerms } from './terms.ts';

export const SCORE = {
  name: 1,
  alias: 0.9,
  namePrefix: 0.8,
  aliasPrefix: 0.7,
  words: 0.5,
  typo: 0.3,
  description: 0.2,
} as const;

/**
 * A word typed with at least this many letters also matches words one edit away
 * (a letter added, dropped, changed, or two neighbours swapped): "djha" and "djeah"
 * find Djeha, "mimmo" finds Mimo. Four, not five: "Djha", the typo users make, has four.
 */
const TYPO_MIN_LENGTH = 4;

/** What a node is ranked on: its folded name and aliases, and the index terms of its description. */
export interface RankedText {
  readonly name: string;
  readonly aliases: readonly string[];
  /** indexTerms() of the description, each once. */
  readonly terms: readonly string[];
}

/** What was typed, cut both ways: the name tiers' words and the description tier's terms. */
export interface TypedText {
  /** searchTokens(): what the name tiers compare. */
  readonly words: readonly string[];
  /** indexTerms(): what the description tier compares (no stop words, so possibly none). */
  readonly terms: readonly string[];
}

export const typedText = (text: string): TypedText => ({ words: searchTokens(text), terms: indexTerms(text) });

export interface Rank {
  readonly score: number;
  /** The folded text ties are ordered by. */
  readonly key: string;
}

export interface NodeTexts {
  readonly name: string | null | undefined;
  readonly aliases: readonly unknown[] | null | undefined;
  readonly description: string | null | undefined;
}

export function foldTexts({ name, aliases, description }: NodeTexts): RankedText {
  const aliasTexts = (aliases ?? []).filter((a): a is string => typeof a === 'string');
  const terms = [...new Set(indexTerms(description ?? ''))];
  return { name: normaliseForSearch(name ?? ''), aliases: aliasTexts.map(normaliseForSearch), terms };
}

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

const nameWords = (text: RankedText): string[] => [text.name, ...text.aliases].flatMap((part) => part.split(' '));

function wordsMatch(typed: readonly string[], text: RankedText, typos: boolean): boolean {
  const words = nameWords(text);
  return typed.every((w) =>
    words.some((word) => word.startsWith(w) || (typos && typoAllowed(w) && withinOneEdit(w, word))),
  );
}

/** How `text` ranks for what was `typed`; undefined when it does not match at all. */
export function rankOf({ words: typed, terms }: TypedText, text: RankedText): Rank | undefined {
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
  if (terms.length > 0) {
    const words = [...text.terms, ...nameWords(text)];
    if (terms.every((t) => words.some((word) => word.startsWith(t))))
      return { score: SCORE.description, key: text.name };
  }
  return undefined;
}

/** Best first: score, then the matched text, then the id. */
export function compareRanked(a: Rank & { readonly id: string }, b: Rank & { readonly id: string }): number {
  if (a.score !== b.score) return b.score - a.score;
  if (a.key !== b.key) return a.key < b.key ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
