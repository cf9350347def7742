/**
 * What descriptions cost the embedded store's search index: the same nodes indexed
 * with their names alone and with a description on every person, built side by
 * side in this process. The generated networks carry no descriptions, so each
 * person is given one of DESCRIPTION_WORDS words drawn from the demo data's own
 * descriptions (cypher/seed), in their own proportions (stop words included, as
 * prose has them). Queries: the names typed as in search-queries.ts, and words of
 * a description (one whole word; a word and the first letters of another).
 */
import fs from 'node:fs';
import { SEED_DIR, seedFiles } from '../../server/src/seed/seed-demo.ts';
import { NameIndex, type IndexedNode } from '../../server/src/store/search/NameIndex.ts';
import { typedText } from '../../server/src/store/search/ranking.ts';
import { indexTerms } from '../../server/src/store/search/terms.ts';
import type { TypedQuery } from './search-queries.ts';
import { percentile, pick, round, seededRandom } from './stats.ts';

/** About two lines of prose, as the demo data's descriptions run (their median is 24 words). */
const DESCRIPTION_WORDS = 24;
const LIMIT = 20;

export interface IndexFigure {
  readonly ms: number;
  readonly mb: number;
  /** In-process search times of the name queries, then of the description queries (empty for names only). */
  readonly names: readonly number[];
  readonly descriptions: readonly number[];
}

function demoWords(): string[] {
  const words: string[] = [];
  for (const file of seedFiles(SEED_DIR)) {
    const text = fs.readFileSync(file, 'utf8');
    for (const [, description = ''] of text.matchAll(/description: '((?:[^'\\]|\\.)*)'/g)) {
      words.push(...description.replace(/\\'/g, "'").split(/\s+/).filter(Boolean));
    }
  }
  return words;
}

/** The nodes, each person with a description drawn from the demo data's words. */
export function describedNodes(nodes: readonly IndexedNode[], seed: number): IndexedNode[] {
  const words = demoWords();
  const random = seededRandom(seed);
  return nodes.map((node) =>
    node.label === 'Person' ? { ...node, description: pick(words, DESCRIPTION_WORDS, random).join(' ') } : node,
  );
}

/** Words of the descriptions typed into the search box. */
export function descriptionQueries(nodes: readonly IndexedNode[], count: number, seed: number): string[] {
  const random = seededRandom(seed);
  const described = nodes.filter((node) => node.description);
  return pick(described, count, random).flatMap((node) => {
    const terms = indexTerms(node.description ?? '').filter((term) => term.length >= 4);
    const [first, second] = pick(terms, 2, random);
    return first && second ? [first, `${first} ${second.slice(0, 4)}`] : [];
  });
}

function searchTimes(index: NameIndex, texts: readonly string[]): number[] {
  return texts.map((text) => {
    const typed = typedText(text);
    const start = performance.now();
    index.search({ ...typed, limit: LIMIT });
    return performance.now() - start;
  });
}

export function indexFigure(options: {
  nodes: readonly IndexedNode[];
  queries: readonly TypedQuery[];
  descriptionQueries: readonly string[];
  heapMb: () => number;
}): IndexFigure {
  const before = options.heapMb();
  const start = performance.now();
  const index = new NameIndex();
  index.upsert(options.nodes);
  const ms = performance.now() - start;
  const mb = options.heapMb() - before;
  return {
    ms,
    mb,
    names: searchTimes(
      index,
      options.queries.map((q) => q.text),
    ),
    descriptions: searchTimes(index, options.descriptionQueries),
  };
}

export const describeTimes = (times: readonly number[]): string =>
  `p50 ${round(percentile(times, 50))} ms, p95 ${round(percentile(times, 95))} ms`;
