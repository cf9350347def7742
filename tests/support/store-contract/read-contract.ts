/** Contract: reads over a small graph (entities, search, adjacency, stats, scans). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphStore } from '../../../server/src/store/GraphStore.ts';
import { CLEARED, META, SMALL_GRAPH, SMALL_GRAPH_IDS, UNCLEARED, statements } from './fixtures.ts';
import type { MakeStore, OpenedStore } from './types.ts';

const ids = (hits: ReadonlyArray<{ entity: { id: string } }>): string[] => hits.map((hit) => hit.entity.id);

export function describeReads(makeStore: MakeStore): void {
  describe('reads over a small graph', () => {
    let opened: OpenedStore;
    let store: GraphStore;
    beforeAll(async () => {
      opened = await makeStore();
      store = opened.store;
      await store.ensureSchema();
      await store.runImport(statements(...SMALL_GRAPH), { dryRun: false, meta: META });
    });
    afterAll(async () => opened.cleanup());

    it('maps properties and sources, and leaves absent values out', async () => {
      const [herve, informant, agency] = await store.getEntities(['p-herve', 'i-x', 'a-police'], META);
      expect(herve).toEqual({
        id: 'p-herve',
        label: 'Person',
        name: 'Hervé Marchal',
        properties: { aliases: ['Mimo'], nationality: 'FR' },
        sources: ['doc-1'],
      });
      expect(informant?.properties).toEqual({ codename: 'X', reliability: 'B', active: true });
      expect(agency?.properties).toEqual({ kind: 'police', staffWithFileAccess: 120 });
    });

    it('returns entities of any label in the order asked, skipping unknown ids', async () => {
      const entities = await store.getEntities(['doc-1', 'nobody', 'o-djeha', 'doc-1'], META);
      expect(entities.map((e) => [e.id, e.label])).toEqual([
        ['doc-1', 'Document'],
        ['o-djeha', 'Organization'],
      ]);
      expect(await store.getEntities([], META)).toEqual([]);
      expect((await store.getEntities(['p-djeha'], META))[0]?.sources).toEqual([]);
    });

    it('finds by alias and name whatever the case and accents', async () => {
      expect(ids(await store.search({ text: 'mimo', limit: 10 }, META))[0]).toBe('p-herve');
      expect(ids(await store.search({ text: 'MIMO', limit: 10 }, META))[0]).toBe('p-herve');
      expect(ids(await store.search({ text: 'herve', limit: 10 }, META))).toEqual(['p-herve']);
      expect(ids(await store.search({ text: 'HERVÉ marchal', limit: 10 }, META))).toEqual(['p-herve']);
      expect(ids(await store.search({ text: 'djeha', limit: 10 }, META))).toContain('p-djeha');
    });

    it('finds on a prefix while the user is still typing', async () => {
      expect(ids(await store.search({ text: 'dje', limit: 10 }, META)).sort()).toEqual(['o-djeha', 'p-djeha']);
      expect(ids(await store.search({ text: 'mim', limit: 10 }, META)).sort()).toEqual(['p-herve', 'p-mimosa']);
    });

    it('ranks an exact name or alias before a partial match, with scores descending', async () => {
      const djeha = await store.search({ text: 'djeha', limit: 10 }, META);
      expect(ids(djeha)).toEqual(['o-djeha', 'p-djeha']);
      expect(djeha[0]?.score).toBeGreaterThan(djeha[1]?.score ?? Infinity);
      expect(ids(await store.search({ text: 'mimo', limit: 10 }, META))).toEqual(['p-herve', 'p-mimosa']);
    });

    it('filters by label and respects the limit', async () => {
      expect(ids(await store.search({ text: 'djeha', labels: ['Person'], limit: 10 }, META))).toEqual(['p-djeha']);
      expect(await store.search({ text: 'djeha', limit: 1 }, META)).toHaveLength(1);
    });

    it('treats search text as a value, never as query syntax', async () => {
      expect(ids(await store.search({ text: `mimo*"')`, limit: 10 }, META))[0]).toBe('p-herve');
      for (const text of ['', '   ', '*', '"', "') RETURN 1 //", 'zzzzqq']) {
        expect(await store.search({ text, limit: 10 }, META)).toEqual([]);
      }
    });

    it('returns relationships in both directions with their true source and target', async () => {
      const { relationships, omitted } = await store.adjacent({ ids: ['p-djeha'], perNodeLimit: 10 }, CLEARED, META);
      const byType = new Map(relationships.map((r) => [r.type, r]));
      expect([...byType.keys()].sort()).toEqual(['IDENTIFIES_AS', 'MEMBER_OF', 'PAID']);
      expect(byType.get('PAID')).toEqual({
        id: 'r-paid',
        type: 'PAID',
        source: 'p-herve',
        target: 'p-djeha',
        properties: { amount: 100, currency: 'EUR', method: 'cash', at: '2023-05-01' },
        sources: ['doc-1'],
      });
      expect(byType.get('MEMBER_OF')).toMatchObject({
        source: 'p-djeha',
        target: 'o-djeha',
        properties: { role: 'boss' },
      });
      expect(omitted).toEqual({});
    });

    it('keeps only the asked relationship types', async () => {
      const { relationships } = await store.adjacent(
        { ids: ['p-herve'], relTypes: ['PAID', 'HANDLES'], perNodeLimit: 10 },
        CLEARED,
        META,
      );
      expect(relationships.map((r) => r.id).sort()).toEqual(['r-handles', 'r-paid']);
    });

    it('hides a hidden type from every direction, in adjacency, scans and stats', async () => {
      for (const id of ['p-djeha', 'i-x']) {
        const { relationships } = await store.adjacent({ ids: [id], perNodeLimit: 10 }, UNCLEARED, META);
        expect(relationships.map((r) => r.type)).not.toContain('IDENTIFIES_AS');
      }
      const asked = await store.adjacent(
        { ids: ['i-x'], relTypes: ['IDENTIFIES_AS'], perNodeLimit: 10 },
        UNCLEARED,
        META,
      );
      expect(asked).toEqual({ relationships: [], omitted: {} });
      const scan = await store.scanRelationships({ types: ['IDENTIFIES_AS'], limit: 10 }, UNCLEARED, META);
      expect(scan).toEqual({ relationships: [], truncated: false });
      const stats = await store.stats(UNCLEARED, META);
      expect(stats.byType.map((t) => t.type)).not.toContain('IDENTIFIES_AS');
      expect((await store.stats(CLEARED, META)).byType).toContainEqual({ type: 'IDENTIFIES_AS', count: 1 });
    });

    it('counts nodes per label and relationships per visible type', async () => {
      const stats = await store.stats(CLEARED, META);
      expect([...stats.byLabel].sort((a, b) => a.label.localeCompare(b.label))).toEqual([
        { label: 'Agency', count: 1 },
        { label: 'Document', count: 1 },
        { label: 'Informant', count: 1 },
        { label: 'Organization', count: 1 },
        { label: 'Person', count: 3 },
      ]);
      expect([...stats.byType].sort((a, b) => a.type.localeCompare(b.type))).toEqual([
        { type: 'EMPLOYED_BY', count: 1 },
        { type: 'HANDLES', count: 1 },
        { type: 'IDENTIFIES_AS', count: 1 },
        { type: 'MEMBER_OF', count: 1 },
        { type: 'PAID', count: 1 },
      ]);
      expect(await store.countNodes()).toBe(SMALL_GRAPH_IDS.length);
    });

    it('gives a relationship without an id a stable, non-empty one', async () => {
      const read = async (): Promise<string | undefined> =>
        (await store.adjacent({ ids: ['o-djeha'], perNodeLimit: 10 }, CLEARED, META)).relationships[0]?.id;
      const first = await read();
      expect(first).toMatch(/\S/);
      expect(await read()).toBe(first);
      const scan = await store.scanRelationships({ types: ['MEMBER_OF'], limit: 10 }, CLEARED, META);
      expect(scan.relationships.map((r) => r.id)).toEqual([first]);
    });
  });
}
