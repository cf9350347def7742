/**
 * The CaseFileStore contract, run against every adapter as production builds it
 * (tests/integration/case-files-kuzu.test.ts, tests/neo4j/case-files-neo4j.test.ts).
 * Beside the rows themselves, it pins the promise that matters most: case files
 * are never graph entities, so no explorer read can reach them.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CaseFileStore, CaseRow } from '../../server/src/store/CaseFileStore.ts';
import type { GraphStore } from '../../server/src/store/GraphStore.ts';

export type CaseFileTestStore = GraphStore & CaseFileStore;
export type OpenCaseFileStore = () => Promise<{ store: CaseFileTestStore; cleanup: () => Promise<void> }>;

const META = { user: 'contract', operation: 'test' };

const row = (id: string, over: Partial<CaseRow> = {}): CaseRow => ({
  id,
  owner: 'inv-1',
  lookupKeys: [],
  at: '2026-01-01T10:00:00.000Z',
  body: JSON.stringify({ id }),
  ...over,
});

export function defineCaseFileContract(name: string, open: OpenCaseFileStore): void {
  describe(`CaseFileStore contract: ${name}`, () => {
    let store: CaseFileTestStore;
    let cleanup: () => Promise<void>;

    beforeEach(async () => {
      ({ store, cleanup } = await open());
      await store.ensureSchema();
    });
    afterEach(async () => {
      await cleanup();
    });

    it('reads a row back by id exactly as it was put, and replaces it on a second put', async () => {
      const first = row('inv-1', { owner: 'ana', lookupKeys: ['ana', 'ben'], body: '{"name":"Cocaine port"}' });
      await store.putCaseRow('investigation', first);
      expect(await store.caseRowsById('investigation', ['inv-1', 'missing'])).toEqual([first]);
      const second = { ...first, lookupKeys: ['ana'], body: '{"name":"Renamed"}' };
      await store.putCaseRow('investigation', second);
      expect(await store.caseRowsById('investigation', ['inv-1'])).toEqual([second]);
    });

    it('keeps each kind of record apart: a view id is not a note id', async () => {
      await store.putCaseRow('view', row('same-id'));
      expect(await store.caseRowsById('note', ['same-id'])).toEqual([]);
      expect(await store.caseRowsByOwner('note', 'inv-1')).toEqual([]);
    });

    it('lists the rows of an owner oldest first, and no one else’s', async () => {
      await store.putCaseRow('note', row('n2', { at: '2026-01-02T00:00:00.000Z' }));
      await store.putCaseRow('note', row('n1', { at: '2026-01-01T00:00:00.000Z' }));
      await store.putCaseRow('note', row('n3', { owner: 'inv-2' }));
      expect((await store.caseRowsByOwner('note', 'inv-1')).map((r) => r.id)).toEqual(['n1', 'n2']);
    });

    it('finds rows by any of their lookup keys, each row once', async () => {
      await store.putCaseRow('view', row('v1', { lookupKeys: ['person-a', 'person-b'] }));
      await store.putCaseRow('view', row('v2', { lookupKeys: ['person-b'], at: '2026-01-03T00:00:00.000Z' }));
      await store.putCaseRow('view', row('v3', { lookupKeys: ['person-c'] }));
      expect((await store.caseRowsByKey('view', ['person-a', 'person-b'])).map((r) => r.id)).toEqual(['v1', 'v2']);
      expect(await store.caseRowsByKey('view', ['nobody'])).toEqual([]);
      expect(await store.caseRowsByKey('view', [])).toEqual([]);
    });

    it('takes values as values: quotes and Cypher in a body or key change nothing else', async () => {
      const hostile = "x'}) MATCH (n) DETACH DELETE n //";
      await store.putCaseRow('note', row('n1', { owner: hostile, lookupKeys: [hostile], body: hostile }));
      expect(await store.caseRowsByOwner('note', hostile)).toEqual([
        row('n1', { owner: hostile, lookupKeys: [hostile], body: hostile }),
      ]);
    });

    it('is invisible to the explorer: no search hit, no entity, no node counted', async () => {
      await store.putCaseRow('investigation', row('inv-secret', { body: '{"name":"Operation Mimosa"}' }));
      await store.putCaseRow('view', row('view-1', { lookupKeys: ['inv-secret'] }));
      expect(await store.countNodes()).toBe(0);
      expect(await store.getEntities(['inv-secret', 'view-1'], META)).toEqual([]);
      expect(await store.search({ text: 'Mimosa', limit: 10 }, META)).toEqual([]);
      const stats = await store.stats({ hiddenRelTypes: [] }, META);
      expect(stats.byLabel).toEqual([]);
    });
  });
}
