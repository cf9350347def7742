/**
 * Orders a store's full-text candidates by the shared ranking (ranking.ts), for a
 * store whose own index scores differently (Neo4j's Lucene BM25). A candidate the
 * full-text index matched on its own terms but the ranking does not (a word
 * Lucene keeps whole, such as "n'diaye") comes last rather than being dropped.
 */
import type { EntityRecord } from '../../model/records.ts';
import type { SearchHit } from '../ports/GraphReads.ts';
import { searchTokens } from './fold.ts';
import { compareRanked, foldNames, rankOf } from './ranking.ts';

const UNRANKED = 0.1;

export function rankCandidates(text: string, entities: readonly EntityRecord[]): SearchHit[] {
  const words = searchTokens(text);
  return entities
    .map((entity) => {
      const aliases = entity.properties.aliases;
      const folded = foldNames(entity.name, Array.isArray(aliases) ? aliases : null);
      const rank = rankOf(words, folded) ?? { score: UNRANKED, key: folded.name };
      return { entity, id: entity.id, ...rank };
    })
    .sort(compareRanked)
    .map(({ entity, score }) => ({ entity, score }));
}
