/**
 * Full-text search over names, aliases and descriptions. The store ranks; this
 * service checks the input and says which text matched, so a user sees why "mimo"
 * found Djeha, or, for a description, the words around the one that matched.
 */
import type { NodeLabel } from '../model/index.ts';
import type { SearchHit } from '../store/ports/GraphReads.ts';
import type { EntityRecord } from '../model/records.ts';
import type { ReadContext } from './explore-context.ts';
import { intInRange, nodeLabels, text } from './validate.ts';

export interface SearchInput {
  readonly query: string;
  readonly labels?: readonly string[] | null | undefined;
  readonly limit?: number | null | undefined;
}

export interface SearchResult extends SearchHit {
  readonly matched: string | undefined;
}

const SEARCH_MAX_QUERY_LENGTH = 200;
const SEARCH_DEFAULT_LIMIT = 20;
const SEARCH_MAX_LIMIT = 100;

/** Lower case without accents, for comparing what the user typed with names. */
function foldText(value: string): string {
  return value.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** Words shown before and after the description word that matched. */
const EXCERPT_BEFORE = 4;
const EXCERPT_AFTER = 6;

/** The description's words around the first that a query word starts, with ellipses where it was cut. */
function descriptionExcerpt(description: string, words: readonly string[]): string | undefined {
  const parts = description.split(/\s+/).filter(Boolean);
  const at = parts.findIndex((part) =>
    foldText(part)
      .split(/[^\p{L}\p{N}]+/u)
      .some((piece) => piece !== '' && words.some((w) => piece.startsWith(w))),
  );
  if (at === -1) return undefined;
  const from = Math.max(0, at - EXCERPT_BEFORE);
  const to = Math.min(parts.length, at + EXCERPT_AFTER + 1);
  return `${from > 0 ? '… ' : ''}${parts.slice(from, to).join(' ')}${to < parts.length ? ' …' : ''}`;
}

/**
 * The name or alias that contains the most query words, preferring the name on ties;
 * when none holds any, the part of the description that matched.
 */
function matchedText(entity: EntityRecord, query: string): string | undefined {
  const words = foldText(query)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  const aliases = entity.properties.aliases;
  const candidates = [entity.name, ...(Array.isArray(aliases) ? aliases.filter((a) => typeof a === 'string') : [])];
  let best: string | undefined;
  let bestScore = 0;
  for (const candidate of candidates) {
    const folded = foldText(candidate);
    const score = words.filter((w) => folded.includes(w)).length;
    if (score > bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  const description = entity.properties.description;
  if (best === undefined && typeof description === 'string') return descriptionExcerpt(description, words);
  return best;
}

export async function search(ctx: ReadContext, input: SearchInput): Promise<SearchResult[]> {
  const query = text({ name: 'query', value: input.query, max: SEARCH_MAX_QUERY_LENGTH });
  const limit = intInRange({
    name: 'limit',
    value: input.limit ?? SEARCH_DEFAULT_LIMIT,
    min: 1,
    max: SEARCH_MAX_LIMIT,
  });
  const labels: NodeLabel[] | undefined = nodeLabels('labels', input.labels);
  const hits = await ctx.store.search({ text: query, limit, ...(labels ? { labels } : {}) }, ctx.meta);
  return hits.map((hit) => ({ ...hit, matched: matchedText(hit.entity, query) }));
}
