/**
 * Issue 11's "Values" examples, each run through runImport on the embedded store (the
 * process store production uses) and read back: what is stored is what Neo4j 5.26 stores
 * for the statement (tests/neo4j/import-values.test.ts checks each against a real Neo4j),
 * or the statement is refused before it runs, with its position and the reason.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportReport } from '../../server/src/import/types.ts';
import { runImport } from '../../server/src/import/run-import.ts';
import { KuzuProcessStore } from '../../server/src/store/kuzu/process/KuzuProcessStore.ts';
import type { TxMeta } from '../../server/src/store/ports/read-scope.ts';
import { tempDataDir } from './import-helpers.ts';
import { quietLogger } from '../support/quiet-logger.ts';

const meta: TxMeta = { user: 'import-values-test', operation: 'importCypher' };

describe('import values mean what they mean on Neo4j', () => {
  let store: KuzuProcessStore;
  const run = (script: string): Promise<ImportReport> => runImport(store, { script, dryRun: false, meta });
  const stored = async (id: string): Promise<Record<string, unknown> | undefined> => {
    const entity = (await store.getEntities([id], meta))[0];
    return entity === undefined ? undefined : { name: entity.name, ...entity.properties };
  };

  beforeAll(async () => {
    store = new KuzuProcessStore({ logger: quietLogger, dataDir: tempDataDir(), queryTimeoutMs: 60_000 });
    await store.ensureSchema();
  });
  afterAll(async () => {
    await store.close();
  });

  it('truncates toInteger toward zero: toInteger(3.9) is 3, toInteger(-3.9) is -3', async () => {
    const report = await run(
      "CREATE (:Event {id:'ti1', name:'a', count: toInteger(3.9)}), (:Event {id:'ti2', name:'a', count: toInteger(-3.9)}), (:Event {id:'ti3', name:'a', count: toInteger('3.9')})",
    );
    expect(report.errors).toEqual([]);
    expect((await stored('ti1'))?.count).toBe(3);
    expect((await stored('ti2'))?.count).toBe(-3);
    expect((await stored('ti3'))?.count).toBe(3);
  });

  it('writes toString of a float as Neo4j does: "1.0", "2.5E-7"', async () => {
    const report = await run(
      "CREATE (:Event {id:'ts1', name: toString(1.0), kind: toString(2.5e-7), outcome: toString(12345678.0)})",
    );
    expect(report.errors).toEqual([]);
    expect(await stored('ts1')).toMatchObject({ name: '1.0', kind: '2.5E-7', outcome: '1.2345678E7' });
  });

  it("keeps an escape Neo4j does not know as written: '\\U0001F600' is ten characters", async () => {
    const report = await run("CREATE (:Event {id:'es1', name:'\\U0001F600 \\u00e9\\t'})");
    expect(report.errors).toEqual([]);
    expect((await stored('es1'))?.name).toBe('\\U0001F600 \u00e9\t');
  });

  it('refuses an integer past 2^53 at validation instead of storing it rounded', async () => {
    const script = "CREATE (:Event {id:'big1', name:'x', count: 9007199254740993})";
    const report = await run(script);
    expect(report.ok).toBe(false);
    expect(report.errors[0]).toMatchObject({ statement: 1, line: 1, column: script.indexOf('9007') + 1 });
    expect(report.errors[0]?.message).toContain('9007199254740993');
    expect(await stored('big1')).toBeUndefined();
  });

  it('SET n += row removes a key a row gives as null and keeps one a row leaves out', async () => {
    const seed = await run(
      "CREATE (:Person {id:'sn1', name:'A', nationality:'FR', notes:'n1'}), (:Person {id:'sn2', name:'B', nationality:'DE', notes:'n2'})",
    );
    expect(seed.errors).toEqual([]);
    const report = await run(
      "UNWIND [{id:'sn1', nationality: null}, {id:'sn2', notes: 'm2'}] AS row MATCH (n:Person {id: row.id}) SET n += row",
    );
    expect(report.errors).toEqual([]);
    expect(await stored('sn1')).not.toHaveProperty('nationality');
    expect(await stored('sn1')).toMatchObject({ notes: 'n1' });
    expect(await stored('sn2')).toMatchObject({ nationality: 'DE', notes: 'm2' });
  });

  it('appends, prepends and concatenates lists with +', async () => {
    expect((await run("CREATE (:Person {id:'la1', name:'L', aliases:['a']})")).errors).toEqual([]);
    const report = await run(
      "MATCH (p:Person {id:'la1'}) SET p.aliases = p.aliases + 'x';\n" +
        "MATCH (p:Person {id:'la1'}) SET p.aliases = 'w' + p.aliases + ['y', 'z']",
    );
    expect(report.errors).toEqual([]);
    expect((await stored('la1'))?.aliases).toEqual(['w', 'a', 'x', 'y', 'z']);
  });

  it('refuses a row value of the wrong type given through WITH rows, at validation', async () => {
    const script =
      "WITH [{id:'s1', name:'s', declaredKg: 'heavy'}] AS rows UNWIND rows AS row CREATE (:Shipment {id: row.id, name: row.name, declaredKg: row.declaredKg})";
    const report = await run(script);
    expect(report.ok).toBe(false);
    expect(report.errors[0]).toMatchObject({ statement: 1, line: 1, column: script.indexOf("'heavy'") + 1 });
    expect(report.errors[0]?.message).toContain('Shipment.declaredKg expects a number');
    expect(await stored('s1')).toBeUndefined();
  });

  it.each([
    ["date('2024-02-30')", 'February has no day 30'],
    ["datetime('2024-03-22T25:00:00Z')", 'hour 25'],
    ["date('2023-02-29')", 'not a leap year'],
    ["date('2024-03-22T06:00:00Z')", 'has a time'],
  ])('refuses %s at validation with its position', async (value, reason) => {
    const script = `CREATE (:Event {id:'dt0', name:'x', at: ${value}})`;
    const report = await run(script);
    expect(report.ok).toBe(false);
    expect(report.errors[0]).toMatchObject({ statement: 1, line: 1, column: script.indexOf(value) + 1 });
    expect(report.errors[0]?.message).toContain(reason);
  });

  it('stores a temporal call as the string Neo4j writes for its value', async () => {
    const report = await run(
      "CREATE (:Event {id:'dt1', name:'x', at: date(datetime('2024-03-22T06:00:00Z'))}), (:Event {id:'dt2', name:'x', at: datetime('2024-03-22')}), (:Event {id:'dt3', name:'x', at: datetime('2024-03-22T06:00+0100')})",
    );
    expect(report.errors).toEqual([]);
    expect((await stored('dt1'))?.at).toBe('2024-03-22');
    expect((await stored('dt2'))?.at).toBe('2024-03-22T00:00:00Z');
    expect((await stored('dt3'))?.at).toBe('2024-03-22T06:00:00+01:00');
  });
});
