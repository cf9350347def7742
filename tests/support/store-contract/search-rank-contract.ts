/**
 * Contract: search ranks and matches alike on every store (store/search/rank-candidates.ts). Found by the
 * differential test: on Neo4j, Lucene's relevance put the event aimed at "Mimo" above the person
 * whose alias is Mimo; on Kùzu, "port" found "Test report" (a substring, not a word start).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphStore } from '../../../server/src/store/GraphStore.ts';
import { META, statements } from './fixtures.ts';
import type { MakeStore, OpenedStore } from './types.ts';

const GRAPH = [
  "CREATE (:Person {id: 'p-mimo', name: 'Mohamed Djeha', aliases: ['Mimo']})",
  "CREATE (:Event {id: 'e-mimo', name: 'Monitored delivery aimed at \"Mimo\"'})",
  "CREATE (:Organization {id: 'o-mimo', name: 'Mimo Transports'})",
  "CREATE (:Document {id: 'd-report', name: 'Test report'})",
];

export function describeSearchRanking(makeStore: MakeStore): void {
  describe('search ranking', () => {
    let opened: OpenedStore;
    let store: GraphStore;
    const ids = async (text: string): Promise<string[]> =>
      (await store.search({ text, limit: 10 }, META)).map((hit) => hit.entity.id);

    beforeAll(async () => {
      opened = await makeStore();
      store = opened.store;
      await store.ensureSchema();
      await store.runImport(statements(...GRAPH), { dryRun: false, meta: META });
    });
    afterAll(async () => opened.cleanup());

    it('ranks an exact alias over a name starting with the query over a word inside a name', async () => {
      expect(await ids('mimo')).toEqual(['p-mimo', 'o-mimo', 'e-mimo']);
    });

    it('matches words from their start only', async () => {
      expect(await ids('port')).toEqual([]);
      expect(await ids('rep')).toEqual(['d-report']);
    });
  });
}
