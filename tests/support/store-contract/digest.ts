/** A canonical snapshot of everything a store holds, to prove that a failed import changed nothing. */
import { REL_TYPES } from '../../../server/src/model/index.ts';
import type { GraphStore } from '../../../server/src/store/GraphStore.ts';
import { CLEARED, META } from './fixtures.ts';

export async function graphDigest(store: GraphStore, knownIds: readonly string[]): Promise<string> {
  const stats = await store.stats(CLEARED, META);
  const entities = await store.getEntities(knownIds, META);
  const { relationships } = await store.scanRelationships({ types: REL_TYPES, limit: 100_000 }, CLEARED, META);
  const sorted = [...relationships].sort((a, b) => a.id.localeCompare(b.id));
  return JSON.stringify({ nodes: await store.countNodes(), stats, entities, relationships: sorted });
}
