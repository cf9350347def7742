/**
 * Orders a store's full-text candidates by the shared ranking (ranking.ts), for a
 * store whose own index scores differently (Neo4j's Lucene BM25). A candidate the
 * ranking does not match at all (Lucene took a typo in one word and a description
 * in another, which no tier accepts) is dropped: the embedded index could not
 * find it either, and both stores must give the same hits.
 */
import type { EntityRecord } from '../../model/records.ts';
import type { SearchHit } from '../ports/GraphReads.ts';
import { compareRanked, foldTexts, rankOf, typedText } from './ranking.ts';

export function rankCandidates(text: string, entities: readonly EntityRecord[]): SearchHit[] {
  const typed = typedText(text);
  return entities
    .flatMap((entity) => {
      const { aliases, description } = entity.properties;
      const folded = foldTexts({
        name: entity.name,
        aliases: Array.isArray(aliases) ? aliases : null,
        description: typeof description === 'string' ? description : null,
      });
      const rank = rankOf(typed, folded);
      return rank ? [{ entity, id: entity.id, ...rank }] : [];
    })
    .sort(compareRanked)
    .map(({ entity, score }) => ({ entity, score }));
}
