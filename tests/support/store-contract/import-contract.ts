/** Contract: an import commits whole or not at all; a dry run changes nothing. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphStore } from '../../../server/src/store/GraphStore.ts';
import type { ImportStatement } from '../../../server/src/store/ports/GraphImport.ts';
import { graphDigest } from './digest.ts';
import { META, SMALL_GRAPH, SMALL_GRAPH_IDS, statements } from './fixtures.ts';
import type { MakeStore, OpenedStore } from './types.ts';

const NEW_IDS = [...SMALL_GRAPH_IDS, 'p-new', 'p-later'];
const ADD_ONE = [
  "CREATE (:Person {id: 'p-new', name: 'Newcomer'})",
  "MATCH (a:Person {id: 'p-new'}), (b:Person {id: 'p-herve'}) CREATE (a)-[:ASSOCIATE_OF {id: 'r-new'}]->(b)",
];

const STREAMED = Array.from({ length: 5 }, (_, i) => `CREATE (:Person {id: 'p-streamed-${i}', name: 'Streamed ${i}'})`);

export function describeImports(makeStore: MakeStore): void {
  describe('imports', () => {
    let opened: OpenedStore;
    let store: GraphStore;
    beforeAll(async () => {
      opened = await makeStore();
      store = opened.store;
      await store.ensureSchema();
      await store.ensureSchema();
      await store.runImport(statements(...SMALL_GRAPH), { dryRun: false, meta: META });
    });
    afterAll(async () => opened.cleanup());

    it('ensures the schema again without harm', async () => {
      const before = await graphDigest(store, NEW_IDS);
      await store.ensureSchema();
      await store.ping();
      expect(await graphDigest(store, NEW_IDS)).toBe(before);
    });

    it('leaves the graph exactly as before when a statement in the middle fails', async () => {
      const before = await graphDigest(store, NEW_IDS);
      const failing = statements(...ADD_ONE, "CREATE (:Person {id: 'p-herve', name: 'Duplicate'})", ADD_ONE[0] ?? '');
      const error: unknown = await store.runImport(failing, { dryRun: false, meta: META }).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(Error);
      expect(error).toMatchObject({ extensions: { code: 'IMPORT_INVALID', statement: 3, line: 3, column: 1 } });
      expect(await graphDigest(store, NEW_IDS)).toBe(before);
    });

    it('rolls back on a syntax error too', async () => {
      const before = await graphDigest(store, NEW_IDS);
      const failing = statements(...ADD_ONE, "CREATE (:Person {id: 'p-later'");
      await expect(store.runImport(failing, { dryRun: false, meta: META })).rejects.toMatchObject({
        extensions: { code: 'IMPORT_INVALID', statement: 3 },
      });
      expect(await graphDigest(store, NEW_IDS)).toBe(before);
    });

    it('reports counts on a dry run and changes nothing', async () => {
      const before = await graphDigest(store, NEW_IDS);
      const outcome = await store.runImport(statements(...ADD_ONE), { dryRun: true, meta: META });
      expect(outcome).toEqual({ statements: 2, nodesCreated: 1, relationshipsCreated: 1 });
      expect(await graphDigest(store, NEW_IDS)).toBe(before);
    });

    it('commits every statement, reports progress and makes new nodes searchable', async () => {
      const progress: number[] = [];
      const outcome = await store.runImport(statements(...ADD_ONE), {
        dryRun: false,
        meta: META,
        onProgress: (done) => progress.push(done),
      });
      expect(outcome).toEqual({ statements: 2, nodesCreated: 1, relationshipsCreated: 1 });
      expect(progress).toEqual([1, 2]);
      expect((await store.getEntities(['p-new'], META))[0]?.name).toBe('Newcomer');
      expect((await store.search({ text: 'newcom', limit: 5 }, META)).map((h) => h.entity.id)).toEqual(['p-new']);
    });

    it('takes the statements from a stream, as the CLI reads a file', async () => {
      async function* stream(): AsyncGenerator<ImportStatement> {
        for (const statement of statements(...STREAMED)) {
          await new Promise((resolve) => setImmediate(resolve));
          yield statement;
        }
      }
      const outcome = await store.runImport(stream(), { dryRun: true, meta: META });
      expect(outcome).toEqual({ statements: STREAMED.length, nodesCreated: STREAMED.length, relationshipsCreated: 0 });
    });

    it("rolls back when the stream fails half-way, and gives back the stream's own error", async () => {
      const before = await graphDigest(store, [...NEW_IDS, 'p-streamed-0', 'p-streamed-1']);
      const cut = new Error('the file went away');
      async function* failing(): AsyncGenerator<ImportStatement> {
        yield* statements(...STREAMED).slice(0, 2);
        throw cut;
      }
      await expect(store.runImport(failing(), { dryRun: false, meta: META })).rejects.toBe(cut);
      expect(await graphDigest(store, [...NEW_IDS, 'p-streamed-0', 'p-streamed-1'])).toBe(before);
    });

    it('creates a batch of relationships only where both ends exist, as MATCH ... CREATE does', async () => {
      const batch =
        "UNWIND [{a: 'p-herve', b: 'p-djeha', c: 'x'}, {a: 'p-herve', b: 'p-nobody', c: 'y'}, " +
        "{a: 'p-ghost', b: 'p-mimosa', c: 'z'}, {a: 'p-mimosa', b: 'p-djeha', c: 'w'}] AS row " +
        'MATCH (a:Person {id: row.a}), (b:Person {id: row.b}) CREATE (a)-[:ASSOCIATE_OF {context: row.c}]->(b)';
      const outcome = await store.runImport(statements(batch), { dryRun: true, meta: META });
      expect(outcome).toEqual({ statements: 1, nodesCreated: 0, relationshipsCreated: 2 });
    });

    it('keeps search in step with renamed nodes and new aliases', async () => {
      await store.runImport(
        statements("MATCH (p:Person {id: 'p-new'}) SET p.name = 'Zoé Renamed', p.aliases = ['Zozo']"),
        { dryRun: false, meta: META },
      );
      const find = async (text: string): Promise<string[]> =>
        (await store.search({ text, limit: 5 }, META)).map((h) => h.entity.id);
      expect(await find('newcomer')).toEqual([]);
      expect(await find('zoe renamed')).toEqual(['p-new']);
      expect(await find('zozo')).toEqual(['p-new']);
    });
  });
}
