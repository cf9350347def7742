/**
 * Issue 11's "not faithful to Neo4j" examples, each run through runImport on the
 * embedded store (the process store production uses) and read back from the graph:
 * what is stored must be what Neo4j 5 stores for the same statement, or the
 * statement must be refused before it runs, with its position.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportReport } from '../../server/src/import/types.ts';
import { runImport } from '../../server/src/import/run-import.ts';
import { KuzuProcessStore } from '../../server/src/store/kuzu/process/KuzuProcessStore.ts';
import type { EntityRecord } from '../../server/src/model/records.ts';
import type { TxMeta } from '../../server/src/store/ports/read-scope.ts';
import { tempDataDir } from './import-helpers.ts';
import { quietLogger } from '../support/quiet-logger.ts';

const meta: TxMeta = { user: 'import-test', operation: 'importCypher' };

describe('imports mean what they mean on Neo4j', () => {
  let dataDir: string;
  let store: KuzuProcessStore;

  const run = (script: string, dryRun = false): Promise<ImportReport> => runImport(store, { script, dryRun, meta });
  const entity = async (id: string): Promise<EntityRecord | undefined> => (await store.getEntities([id], meta))[0];
  const relationshipsOf = async (id: string) =>
    (await store.neighbourhood({ seeds: [id], depth: 1, limit: 100, perNodeLimit: 100 }, { hiddenRelTypes: [] }, meta))
      .relationships;

  beforeAll(async () => {
    dataDir = tempDataDir();
    store = new KuzuProcessStore({ logger: quietLogger, dataDir, queryTimeoutMs: 60_000 });
    await store.ensureSchema();
    const seed = await run(
      "CREATE (:Person {id: 'c5', name: 'C5'}), (:Person {id: 'c6', name: 'C6'}), " +
        "(:Person {id: 'q1', name: 'Q1'}), (:Person {id: 'q2', name: 'Q2'}), " +
        "(:Person {id: 'p', name: 'P', nationality: 'FR', aliases: ['a']})",
    );
    expect(seed.errors).toEqual([]);
  });
  afterAll(async () => {
    await store.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('accepts a bare Case label, as Neo4j does', async () => {
    const report = await run("CREATE (:Case {id: 'case-1', name: 'x'})");
    expect(report.errors).toEqual([]);
    expect((await entity('case-1'))?.label).toBe('Case');
  });

  it('accepts Kùzu keywords as variables and map keys (end, order, desc, table, all, group)', async () => {
    const report = await run(
      "UNWIND [{end: 'kw-1', order: 'O', desc: 'D'}] AS table " +
        'CREATE (end:Person {id: table.end, name: table.order, notes: table.desc}) ' +
        'WITH end AS all MATCH (group:Person {id: all.id}) SET group.occupation = group.name',
    );
    expect(report.errors).toEqual([]);
    expect((await entity('kw-1'))?.properties).toMatchObject({ notes: 'D', occupation: 'O' });
  });

  it('keeps variables of different case apart: p and P are two nodes', async () => {
    const report = await run("MATCH (p:Person {id:'c5'}), (P:Person {id:'c6'}) CREATE (p)-[:ASSOCIATE_OF]->(P)");
    expect(report.errors).toEqual([]);
    const rels = (await relationshipsOf('c5')).filter((r) => r.type === 'ASSOCIATE_OF');
    expect(rels.map((r) => [r.source, r.target])).toEqual([['c5', 'c6']]);
  });

  it('keeps map keys of different case apart: row.name is not row.Name', async () => {
    const report = await run(
      "UNWIND [{id:'x', Name:'X', name:'Y'}] AS row CREATE (:Person {id: row.id, name: row.name})",
    );
    expect(report.errors).toEqual([]);
    expect((await entity('x'))?.name).toBe('Y');
  });

  it('keeps relationship ids written by SET r += {...}, SET r += row.properties and SET r = row.properties', async () => {
    const report = await run(
      "MATCH (a:Person {id: 'q1'}), (b:Person {id: 'q2'}) CREATE (a)-[r:PAID]->(b) SET r += {id: 'paid-1', amount: 5};\n" +
        "UNWIND [{start: {id: 'q1'}, end: {id: 'q2'}, properties: {id: 'paid-2', amount: 6}}] AS row " +
        'MATCH (start:Person {id: row.start.id}) MATCH (end:Person {id: row.end.id}) ' +
        'CREATE (start)-[r:PAID]->(end) SET r += row.properties;\n' +
        "UNWIND [{start: {id: 'q1'}, end: {id: 'q2'}, properties: {id: 'paid-3', amount: 7}}] AS row " +
        'MATCH (start:Person {id: row.start.id}) MATCH (end:Person {id: row.end.id}) ' +
        'CREATE (start)-[r:PAID]->(end) SET r = row.properties;',
    );
    expect(report.errors).toEqual([]);
    const ids = (await relationshipsOf('q1')).filter((r) => r.type === 'PAID').map((r) => r.id);
    expect(ids.sort()).toEqual(['paid-1', 'paid-2', 'paid-3']);
  });

  it('removes a property that SET n += row gives as null, as Neo4j does', async () => {
    const report = await run("UNWIND [{id:'p', nationality: null}] AS row MATCH (n:Person {id: row.id}) SET n += row");
    expect(report.errors).toEqual([]);
    expect((await entity('p'))?.properties).not.toHaveProperty('nationality');
  });

  it('reports a refusal that quotes "closed" as a refusal, not as the database being unavailable', async () => {
    const report = await run(
      "CREATE (:Case {id: 'c1', name: 'x', status: 'closed'}); CREATE (:Case {id: 'c1', name: 'y'})",
    );
    expect(report.ok).toBe(false);
    expect(report.errors[0]?.statement).toBe(2);
  });

  it('counts one relationship created for a type with several endpoint pairs', async () => {
    const report = await run("MATCH (s:Person {id:'q1'}), (e:Person {id:'q2'}) CREATE (s)-[:LEAKED_TO]->(e)");
    expect(report).toMatchObject({ ok: true, relationshipsCreated: 1 });
  });

  it('never reports negative counts for a dry run of DETACH DELETE', async () => {
    const report = await run("MATCH (n:Person {id: 'c6'}) DETACH DELETE n", true);
    expect(report.ok).toBe(true);
    expect(report.nodesCreated).toBeGreaterThanOrEqual(0);
    expect(report.relationshipsCreated).toBeGreaterThanOrEqual(0);
  });

  it('numbers statements without counting :begin / :commit lines', async () => {
    const report = await run(
      ":begin\nCREATE (:Person {id: 'sn-1', name: 'a'});\nCREATE (:Person {id: 'sn-1', name: 'b'});\n:commit\n",
    );
    expect(report.ok).toBe(false);
    expect(report.statements).toBe(2);
    expect(report.errors[0]?.statement).toBe(2);
  });
});
