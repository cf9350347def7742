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

  it('writes toString of a float known only when the statement runs as Neo4j does', async () => {
    const report = await run(
      "UNWIND [{id:'tr1', kg: 1.0}, {id:'tr2', kg: 2.5e-7}, {id:'tr3', kg: 12345678.5}] AS row CREATE (:Event {id: row.id, name: toString(row.kg), kind: 'kg ' + row.kg});\n" +
        "WITH 2.0 AS x CREATE (:Event {id:'tr4', name: toString(x * 1.0), kind: toString(x / 8.0), outcome: toString(0.1 + x / 10), description: toString(x) + ' kg, ' + x})",
    );
    expect(report.errors).toEqual([]);
    expect(await stored('tr1')).toMatchObject({ name: '1.0', kind: 'kg 1.0' });
    expect(await stored('tr2')).toMatchObject({ name: '2.5E-7', kind: 'kg 2.5E-7' });
    expect(await stored('tr3')).toMatchObject({ name: '1.23456785E7', kind: 'kg 1.23456785E7' });
    expect(await stored('tr4')).toMatchObject({
      name: '2.0',
      kind: '0.25',
      outcome: '0.30000000000000004',
      description: '2.0 kg, 2.0',
    });
  });

  it('writes toString of a sum needing 17 significant digits as Neo4j does: 0.1 + 0.2, 0.7 + 0.1', async () => {
    const report = await run(
      "UNWIND [{id:'sum1', a: 0.1, b: 0.2}, {id:'sum2', a: 0.7, b: 0.1}] AS row CREATE (:Event {id: row.id, name: toString(row.a * 1.0 + row.b), amount: row.a * 1.0 + row.b})",
    );
    expect(report.errors).toEqual([]);
    expect(await stored('sum1')).toMatchObject({
      name: '0.30000000000000004',

      amount: 0.1 + 0.2,
    });
    expect(await stored('sum2')).toMatchObject({
      name: '0.7999999999999999',

      amount: 0.7 + 0.1,
    });
  });

  it('reads date(row.at), datetime(row.at) per row as Neo4j does', async () => {
    const report = await run(
      "UNWIND [{id:'dr1', at:'2024-03-22'}, {id:'dr2', at:'2024-03-22T06:00+0100'}, {id:'dr3', at: null}] AS row CREATE (:Event {id: row.id, name:'x', at: datetime(row.at)})",
    );
    expect(report.errors).toEqual([]);
    expect((await stored('dr1'))?.at).toBe('2024-03-22T00:00:00Z');
    expect((await stored('dr2'))?.at).toBe('2024-03-22T06:00:00+01:00');
    expect(await stored('dr3')).not.toHaveProperty('at');
  });

  it.each([
    [
      "UNWIND [{id:'dx1', at:'2024-03-22'}, {id:'dx2', at:'2024-03-22T06:00:00Z'}] AS row CREATE (:Event {id: row.id, name:'x', at: date(row.at)})",
      "'2024-03-22T06:00:00Z'",
      'has a time',
      'row 2',
    ],
    [
      "UNWIND [{id:'dx3', at:'2024-02-30'}] AS row CREATE (:Event {id: row.id, name: 'x', kind: toString(date(row.at))})",
      "'2024-02-30'",
      'no day 30',
      'row 1',
    ],
    [
      "MATCH (e:Event {id:'dr1'}) CREATE (:Event {id:'dx4', name:'x', at: date(e.at)})",
      'date(e.at)',
      'known only when the statement runs',
      '',
    ],
    [
      "UNWIND [{id:'dx5', at:'2024-03-22'}] AS row CREATE (:Event {id: row.id, name: row.at, at: datetime(row.at)})",
      "'2024-03-22'",
      "write '2024-03-22T00:00:00Z' in the row",
      '',
    ],
  ])('refuses %s at the value, with the reason', async (script, at, reason, row) => {
    const report = await run(script);
    expect(report.ok).toBe(false);
    expect(report.errors[0]).toMatchObject({ statement: 1, line: 1, column: script.indexOf(at) + 1 });
    expect(report.errors[0]?.message).toContain(reason);
    expect(report.errors[0]?.message).toContain(row);
    expect(await stored('dx1')).toBeUndefined();
  });

  it('concatenates a string and a number, a function result on either side', async () => {
    const report = await run(
      "UNWIND [{id:'sc1', n: null, tags: ['a', 'b']}] AS row CREATE (:Event {id: row.id, name: coalesce(row.n, 'a') + 'x', kind: 'n' + size(row.tags), outcome: 1 + 2 + 'a', description: toUpper('v') + toFloat('1.5') + coalesce(row.n, 'z')})",
    );
    expect(report.errors).toEqual([]);
    expect(await stored('sc1')).toMatchObject({ name: 'ax', kind: 'n2', outcome: '3a', description: 'V1.5z' });
  });

  it("gives null for toInteger('abc'), toFloat('abc') and a model string that is no number", async () => {
    const seed = await run("CREATE (:Person {id:'tn0', name:'Zed 7'}), (:Person {id:'tn00', name:' 42 '})");
    expect(seed.errors).toEqual([]);
    const report = await run(
      "CREATE (:Event {id:'tn1', name:'x', count: toInteger('abc'), amount: toFloat('abc'), year: toInteger(' 12 '), amountMax: toFloat(' 2.5 ')});\n" +
        "MATCH (p:Person {id:'tn0'}), (q:Person {id:'tn00'}) CREATE (:Event {id:'tn2', name:'x', count: toInteger(p.name), amount: toFloat(q.name), year: toInteger(q.name)})",
    );
    expect(report.errors).toEqual([]);
    expect(await stored('tn1')).not.toHaveProperty('count');
    expect(await stored('tn1')).not.toHaveProperty('amount');
    // Neo4j 5.26 reads no space around a number: toInteger(' 12 ') is null (measured).
    expect(await stored('tn1')).not.toHaveProperty('year');
    expect((await stored('tn1'))?.amountMax).toBe(2.5);
    expect(await stored('tn2')).not.toHaveProperty('count');
    // toFloat reads the spaces around a number, toInteger does not (Neo4j 5.26, measured).
    expect(await stored('tn2')).toMatchObject({ amount: 42 });
    expect(await stored('tn2')).not.toHaveProperty('year');
  });

  it('takes an empty map in a row: SET n += row.properties sets nothing', async () => {
    const report = await run(
      "UNWIND [{id:'em1', properties:{}}] AS row CREATE (n:Person {id:row.id}) SET n += row.properties;\n" +
        "UNWIND [{id:'em2', properties:{}}, {id:'em3', properties:{name:'M3'}}] AS row CREATE (n:Person {id:row.id, name: 'N'}) SET n += row.properties",
    );
    expect(report.errors).toEqual([]);
    expect(await stored('em1')).toBeDefined();
    expect((await stored('em2'))?.name).toBe('N');
    expect((await stored('em3'))?.name).toBe('M3');
  });

  it('reads row keys and variables named after keywords, rows passed as a parameter or not', async () => {
    const rows = Array.from({ length: 3 }, (_, i) => `{id:'kw${i}', end:'e${i}', order:'o', desc: 'd'}`).join(', ');
    const report = await run(
      `UNWIND [${rows}] AS end CREATE (order:Event {id: end.id, name: end.end + end.order, kind: end.desc});\n` +
        "UNWIND [{id:'kw9', kind: 'x', outcome: null}] AS desc CREATE (table:Event {id: desc.id, name: desc.kind}) SET table += desc",
    );
    expect(report.errors).toEqual([]);
    expect(await stored('kw2')).toMatchObject({ name: 'e2o', kind: 'd' });
    expect((await stored('kw9'))?.name).toBe('x');
  });

  it('adds three row keys with +, keys named after keywords, rows passed as a parameter', async () => {
    const report = await run(
      "UNWIND [{id:'cc1', end:'e', order:'o', first:'Ana', n: 1, m: 2}, {id:'cc2', end:'f', order:'p', first:'Bo', n: 3, m: 4}] AS end " +
        "CREATE (order:Event {id: end.id, name: end.end + end.order + end.first, kind: 'Mr ' + end.first, count: end.n + end.m + end.n})",
    );
    expect(report.errors).toEqual([]);
    expect(await stored('cc1')).toMatchObject({ name: 'eoAna', kind: 'Mr Ana', count: 4 });
    expect(await stored('cc2')).toMatchObject({ name: 'fpBo', kind: 'Mr Bo', count: 10 });
  });

  it('runs rows whose keys hold values of different kinds, which one Kùzu list cannot hold', async () => {
    const report = await run(
      "UNWIND [{id:'mk1', x: 1}, {id:'mk2', x: 'a'}, {id:'mk3', x: 2}] AS row CREATE (:Event {id: row.id, name: 'n'});\n" +
        "UNWIND [{id:'mk4', x: 1}, {id:'mk5', x: 'a'}, {id:'mk6', x: true}] AS row CREATE (:Event {id: row.id, name: toString(row.x)});\n" +
        "UNWIND [{id:'mk7', p: {name: 'a'}}, {id:'mk8', p: 'zz'}] AS row CREATE (:Event {id: row.id, name: 'p'});\n" +
        "WITH [{id:'mk9', x: 1}, {id:'mk10', x: 'a'}] AS rows UNWIND rows AS row CREATE (:Event {id: row.id, name: 'w'})",
    );
    expect(report.errors).toEqual([]);
    expect(report.statements).toBe(4);
    expect(report.nodesCreated).toBe(10);
    expect((await stored('mk2'))?.name).toBe('n');
    expect([(await stored('mk4'))?.name, (await stored('mk5'))?.name, (await stored('mk6'))?.name]).toEqual([
      '1',
      'a',
      'true',
    ]);
    expect((await stored('mk8'))?.name).toBe('p');
    expect((await stored('mk10'))?.name).toBe('w');
  });

  it('refuses rows of different kinds in a statement that combines rows, at the row that differs', async () => {
    const script =
      "UNWIND [{id:'mc1', x: 1}, {id:'mc2', x: 'a'}] AS row WITH count(row) AS c CREATE (:Event {id:'mc', name:'x', count: c})";
    const report = await run(script);
    expect(report.ok).toBe(false);
    expect(report.errors[0]).toMatchObject({ statement: 1, line: 1, column: script.indexOf("{id:'mc2'") + 1 });
    expect(report.errors[0]?.message).toContain('Row 2 of the UNWIND list');
    expect(report.errors[0]?.message).not.toContain('Implicit cast');
    expect(await stored('mc')).toBeUndefined();
  });

  it('keeps each number its own type when integers and floats share a list: toString(10) is "10"', async () => {
    const report = await run(
      "UNWIND [{id:'if1', kg: 10}, {id:'if2', kg: 2.5}, {id:'if3', kg: 7}] AS row CREATE (:Event {id: row.id, name: toString(row.kg), kind: 'kg ' + row.kg, count: row.kg, amount: row.kg / 4, outcome: toString(row.kg * 2)});\n" +
        "UNWIND [10, 2.5] AS x CREATE (:Event {id: 'if' + toString(x), name: toString(x)})",
    );
    expect(report.errors).toEqual([]);
    expect(await stored('if1')).toMatchObject({ name: '10', kind: 'kg 10', count: 10, amount: 2, outcome: '20' });
    expect(await stored('if2')).toMatchObject({
      name: '2.5',
      kind: 'kg 2.5',
      count: 2.5,
      amount: 0.625,
      outcome: '5.0',
    });
    expect(await stored('if3')).toMatchObject({ name: '7', amount: 1 });
    expect((await stored('if10'))?.name).toBe('10');
    expect((await stored('if2.5'))?.name).toBe('2.5');
  });

  const EXTREMES: ReadonlyArray<readonly [string, number, string]> = [
    ['1e300', 1e300, '1.0E300'],
    ['-1e-300', -1e-300, '-1.0E-300'],
    ['5e-324', 5e-324, '4.9E-324'],
    ['1.7976931348623157e308', Number.MAX_VALUE, '1.7976931348623157E308'],
    ['1e16', 1e16, '1.0E16'],
    ['1e21', 1e21, '1.0E21'],
    ['123456789012345680000.0', 123456789012345680000, '1.2345678901234568E20'],
    ['-0.0', -0, '-0.0'],
  ];

  it.each(EXTREMES)(
    'stores %s exactly and writes its toString as Java does, as a literal and in a row',
    async (text, value, java) => {
      const id = `xd${text}`;
      const report = await run(
        `CREATE (:Event {id:'${id}', name: toString(${text}), amount: ${text}});\n` +
          `UNWIND [{id:'${id}r', kg: ${text}}, {id:'${id}s', kg: 1.5}] AS row CREATE (:Event {id: row.id, name: toString(row.kg), kind: 'kg ' + row.kg, amount: row.kg})`,
      );
      expect(report.errors).toEqual([]);
      const literal = await stored(id);
      const row = await stored(`${id}r`);
      expect(literal?.name).toBe(java);
      expect(Object.is(literal?.amount, value)).toBe(true);
      expect(row).toMatchObject({ name: java, kind: `kg ${java}` });
      expect(Object.is(row?.amount, value)).toBe(true);
    },
  );

  it('computes NaN and infinities as Neo4j does, and refuses an integer division by zero', async () => {
    const report = await run(
      "CREATE (:Event {id:'nf1', name: toString(0.0/0.0), kind: toString(1.0/0), outcome: toString(-1.0/0), amount: 0.0/0.0, amountMax: 1.0/0, count: -1.0/0})",
    );
    expect(report.errors).toEqual([]);
    const nf = await stored('nf1');
    expect(nf).toMatchObject({
      name: 'NaN',
      kind: 'Infinity',
      outcome: '-Infinity',
      amountMax: Infinity,
      count: -Infinity,
    });
    expect(nf?.amount).toBeNaN();
    const zero = await run("CREATE (:Event {id:'nf2', name:'x', count: 1/0})");
    expect(zero.ok).toBe(false);
    expect(zero.errors[0]?.message).toContain('Divide by zero');
    expect(await stored('nf2')).toBeUndefined();
  });

  it.each([
    ['0.1', '0.1'],
    ['0.30000000000000004', '0.30000000000000004'],
    ['0.3333333333333333', '0.3333333333333333'],
    ['9999999.0', '9999999.0'],
    ['10000000.0', '1.0E7'],
    ['1e23', '1.0E23'],
    ['-75.5', '-75.5'],
    ['0.0', '0.0'],
    ['0.0009999', '9.999E-4'],
    ['66666.66666666666', '66666.66666666666'],
    // 16 and 17 significant digits: the digits pass 2^53, where the rounded product went wrong.
    ['999.9999999999999', '999.9999999999999'],
    ['123456789.12345679', '1.2345678912345679E8'],
    ['0.7999999999999999', '0.7999999999999999'],
  ])('writes toString(row.kg) of %s as Java does: %s', async (kg, text) => {
    const id = `jd${kg}`;
    const report = await run(
      `UNWIND [{id:'${id}', kg: ${kg}}, {id:'${id}b', kg: 1.5}] AS row CREATE (:Event {id: row.id, name: toString(row.kg)})`,
    );
    expect(report.errors).toEqual([]);
    expect((await stored(id))?.name).toBe(text);
  });
});
