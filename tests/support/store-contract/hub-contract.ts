/** Contract: a hub's relationships are capped per node and the rest is counted, not returned. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphStore } from '../../../server/src/store/GraphStore.ts';
import { CLEARED, META, SMALL_GRAPH, hubGraph, statements } from './fixtures.ts';
import type { MakeStore, OpenedStore } from './types.ts';

const OUTGOING = 180;
const INCOMING = 120;

export function describeHub(makeStore: MakeStore): void {
  describe('a hub with 300 relationships', () => {
    let opened: OpenedStore;
    let store: GraphStore;
    beforeAll(async () => {
      opened = await makeStore();
      store = opened.store;
      await store.ensureSchema();
      await store.runImport(statements(...SMALL_GRAPH, ...hubGraph(OUTGOING, INCOMING)), { dryRun: false, meta: META });
    });
    afterAll(async () => opened.cleanup());

    it('returns at most perNodeLimit relationships per node and counts the rest', async () => {
      const { relationships, omitted } = await store.adjacent({ ids: ['p-hub'], perNodeLimit: 50 }, CLEARED, META);
      expect(relationships).toHaveLength(50);
      expect(omitted).toEqual({ 'p-hub': OUTGOING + INCOMING - 50 });
      for (const r of relationships) expect([r.source, r.target]).toContain('p-hub');
      expect(new Set(relationships.map((r) => r.id)).size).toBe(50);
    });

    it('returns everything, in both directions, when the limit allows', async () => {
      const { relationships, omitted } = await store.adjacent({ ids: ['p-hub'], perNodeLimit: 300 }, CLEARED, META);
      expect(omitted).toEqual({});
      expect(relationships.filter((r) => r.source === 'p-hub')).toHaveLength(OUTGOING);
      expect(relationships.filter((r) => r.target === 'p-hub')).toHaveLength(INCOMING);
      expect(new Set(relationships.map((r) => r.id)).size).toBe(OUTGOING + INCOMING);
    });

    it('caps each queried node separately', async () => {
      const { relationships, omitted } = await store.adjacent(
        { ids: ['p-hub', 'p-herve'], perNodeLimit: 10 },
        CLEARED,
        META,
      );
      expect(omitted).toEqual({ 'p-hub': OUTGOING + INCOMING - 10 });
      expect(relationships.filter((r) => r.source === 'p-herve' || r.target === 'p-herve')).toHaveLength(3);
      expect(relationships).toHaveLength(13);
    });

    it('caps the hub in a neighbourhood too, counting what it left out', async () => {
      const around = await store.neighbourhood(
        { seeds: ['p-hub'], depth: 2, limit: 200, perNodeLimit: 50 },
        CLEARED,
        META,
      );
      expect(around.nodes).toHaveLength(51);
      expect(around.relationships).toHaveLength(50);
      expect(around.omitted).toEqual([{ id: 'p-hub', count: OUTGOING + INCOMING - 50 }]);
      expect(around.truncated).toBe(true);
    });

    it('scans relationships of the asked types up to a limit', async () => {
      const some = await store.scanRelationships({ types: ['ASSOCIATE_OF'], limit: 10 }, CLEARED, META);
      expect(some.relationships).toHaveLength(10);
      expect(some.truncated).toBe(true);
      const all = await store.scanRelationships({ types: ['ASSOCIATE_OF', 'PAID'], limit: 1000 }, CLEARED, META);
      expect(all.truncated).toBe(false);
      expect(all.relationships).toHaveLength(OUTGOING + INCOMING + 1);
      expect(new Set(all.relationships.map((r) => r.id)).size).toBe(OUTGOING + INCOMING + 1);
    });
  });
}
