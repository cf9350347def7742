/**
 * A search answered from the name index: the index ranks (store/search), the
 * records of the page are read by primary key. A hit whose record is gone (a node
 * an import deleted) is dropped from the index and the page filled again.
 */
import { isNodeLabel, type NodeLabel } from '../../model/index.ts';
import type { EntityRecord } from '../../model/records.ts';
import type { SearchHit, SearchQuery } from '../ports/GraphReads.ts';
import type { IndexHit, NameIndex } from '../search/NameIndex.ts';
import { typedText } from '../search/ranking.ts';
import type { NodeKey } from '../traversal/snapshot-reads.ts';

/** Pages read again at most, when records turn out to be gone. */
const REFILLS = 3;

export async function searchIndexed(
  index: NameIndex,
  query: SearchQuery,
  entities: (keys: readonly NodeKey[]) => Promise<EntityRecord[]>,
): Promise<SearchHit[]> {
  const typed = typedText(query.text);
  const limit = Math.floor(query.limit);
  const asked = query.labels ?? [];
  // An empty or absent filter means every label; a filter naming no known label finds nothing.
  const labels = asked.length === 0 ? undefined : new Set<NodeLabel>(asked.filter((label) => isNodeLabel(label)));
  if (typed.words.length === 0 || limit <= 0 || labels?.size === 0) return [];
  for (let attempt = 0; ; attempt++) {
    const hits: IndexHit[] = index.search({ ...typed, limit, ...(labels ? { labels } : {}) });
    const records = new Map((await entities(hits)).map((entity) => [entity.id, entity]));
    const gone = hits.filter((hit) => !records.has(hit.id)).map((hit) => hit.id);
    if (gone.length === 0 || attempt === REFILLS) {
      return hits.flatMap((hit) => {
        const entity = records.get(hit.id);
        return entity ? [{ entity, score: hit.score }] : [];
      });
    }
    index.remove(gone);
  }
}
