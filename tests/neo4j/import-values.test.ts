/**
 * Issue 11's "Values" examples judged by a real Neo4j. Each statement runs three ways:
 * as written straight on Neo4j (in a transaction rolled back afterwards: the judge), and
 * through Maillon's import into Neo4j and into the embedded store. What either store then
 * holds must be what the judge held, temporal values compared as the string Neo4j's
 * toString() gives (the model keeps dates as ISO strings); where Neo4j refuses the
 * statement, Maillon refuses it on both stores, before it runs, with line and column.
 * Some cases are refused by the model although Neo4j stores them, each with its reason; one
 * (an integer divided by zero) is refused by Neo4j only when it runs, and so by both stores.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import neo4j, { type Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runImport } from '../../server/src/import/run-import.ts';
import type { ImportReport } from '../../server/src/import/types.ts';
import type { GraphStore } from '../../server/src/store/GraphStore.ts';
import { KuzuStore } from '../../server/src/store/kuzu/KuzuStore.ts';
import { Neo4jStore } from '../../server/src/store/neo4j/Neo4jStore.ts';
import { neo4jConnection, wipeNeo4j } from '../support/store-under-test.ts';
import { quietLogger } from '../support/quiet-logger.ts';

const META = { user: 'import-values-differential', operation: 'importCypher' };

interface Case {
  readonly name: string;
  /** Run first, the same way (ids of its own, so cases never meet). */
  readonly setup?: string;
  readonly statement: string;
  readonly ids: readonly string[];
  /** Neo4j stores it, the model refuses it: the words the refusal must contain. */
  readonly refusedByModel?: string;
  /** Neo4j refuses it when it runs (not when it parses): so do both stores, with the statement's position. */
  readonly refusedWhenRun?: boolean;
}

const CASES: readonly Case[] = [
  {
    name: 'toInteger truncates toward zero',
    statement:
      "CREATE (:Event {id:'ti', name:'a', count: toInteger(3.9), year: toInteger(-3.9), amount: toInteger('3.9')})",
    ids: ['ti'],
  },
  {
    name: 'toString of floats',
    statement:
      "CREATE (:Event {id:'ts', name: toString(1.0), kind: toString(2.5e-7), outcome: toString(12345678.0), currency: toString(0.001)})",
    ids: ['ts'],
  },
  {
    name: 'escapes Neo4j does not know',
    statement: "CREATE (:Event {id:'es', name:'\\U0001F600 \\u00e9 \\q'})",
    ids: ['es'],
  },
  {
    name: 'an integer past 2^53',
    statement: "CREATE (:Event {id:'bi', name:'x', count: 9007199254740993})",
    ids: ['bi'],
    refusedByModel: 'can be stored exactly',
  },
  {
    name: 'SET n += row with a null and a key left out',
    setup:
      "CREATE (:Person {id:'sa', name:'A', nationality:'FR', notes:'n1'}), (:Person {id:'sb', name:'B', nationality:'DE', notes:'n2'})",
    statement:
      "UNWIND [{id:'sa', nationality: null}, {id:'sb', notes: 'm2'}] AS row MATCH (n:Person {id: row.id}) SET n += row",
    ids: ['sa', 'sb'],
  },
  {
    name: 'SET n += row with one row and a null',
    setup: "CREATE (:Person {id:'pp', name:'P', nationality:'FR', aliases:['a']})",
    statement: "UNWIND [{id:'pp', nationality: null}] AS row MATCH (n:Person {id: row.id}) SET n += row",
    ids: ['pp'],
  },
  {
    name: 'list + scalar, scalar + list, list + list',
    setup: "CREATE (:Person {id:'la', name:'L', aliases:['a']})",
    statement: "MATCH (p:Person {id:'la'}) SET p.aliases = 'w' + (p.aliases + 'x') + ['y', 'z']",
    ids: ['la'],
  },
  {
    name: 'a string where the model wants a number, through WITH rows',
    statement:
      "WITH [{id:'s1', name:'s', declaredKg: 'heavy'}] AS rows UNWIND rows AS row CREATE (:Shipment {id: row.id, name: row.name, declaredKg: row.declaredKg})",
    ids: ['s1'],
    refusedByModel: 'Shipment.declaredKg expects a number',
  },
  { name: 'February 30', statement: "CREATE (:Event {id:'d1', name:'x', at: date('2024-02-30')})", ids: ['d1'] },
  {
    name: 'hour 25',
    statement: "CREATE (:Event {id:'d2', name:'x', at: datetime('2024-03-22T25:00:00Z')})",
    ids: ['d2'],
  },
  {
    name: 'a date with a time',
    statement: "CREATE (:Event {id:'d3', name:'x', at: date('2024-03-22T06:00:00Z')})",
    ids: ['d3'],
  },
  {
    name: 'temporal conversions',
    statement:
      "CREATE (:Event {id:'d4', name:'x', at: date(datetime('2024-03-22T06:00:00Z'))}), (:Event {id:'d5', name:'x', at: datetime('2024-03-22')}), " +
      "(:Event {id:'d6', name:'x', at: datetime('2024-03-22T06:00+0100')}), (:Event {id:'d7', name:'x', at: localdatetime(datetime('2024-03-22T06:00:00.500Z'))})",
    ids: ['d4', 'd5', 'd6', 'd7'],
  },
  {
    name: 'toString of a float known only when it runs',
    statement:
      "UNWIND [{id:'tc1', kg: 1.0}, {id:'tc2', kg: 2.5e-7}, {id:'tc3', kg: 12345678.5}] AS row CREATE (:Event {id: row.id, name: toString(row.kg), kind: 'kg ' + row.kg})",
    ids: ['tc1', 'tc2', 'tc3'],
  },
  {
    name: 'toString of arithmetic on a float',
    statement:
      "WITH 2.0 AS x CREATE (:Event {id:'tc4', name: toString(x * 1.0), kind: toString(x / 8.0), outcome: toString(0.1 + x / 10)})",
    ids: ['tc4'],
  },
  {
    name: 'toString of floats needing 16 and 17 significant digits, known only when it runs',
    statement:
      "UNWIND [{id:'tl1', kg: 999.9999999999999, a: 0.1, b: 0.2}, {id:'tl2', kg: 123456789.12345679, a: 0.7, b: 0.1}] AS row " +
      "CREATE (:Event {id: row.id, name: toString(row.kg), kind: 'kg ' + row.kg, outcome: toString(row.a * 1.0 + row.b), amount: row.a * 1.0 + row.b})",
    ids: ['tl1', 'tl2'],
  },
  {
    name: 'a string + a number or a function result',
    statement:
      "UNWIND [{id:'sc', n: null, tags: ['a', 'b']}] AS row CREATE (:Event {id: row.id, name: coalesce(row.n, 'a') + 'x', kind: 'n' + size(row.tags), outcome: 1 + 2 + 'a', description: toUpper('v') + toFloat('1.5')})",
    ids: ['sc'],
  },
  {
    name: 'toInteger and toFloat of strings that are no numbers',
    statement:
      "CREATE (:Event {id:'tn', name:'x', count: toInteger('abc'), amount: toFloat('abc'), year: toInteger(' 12 '), amountMax: toFloat('1e3')}), " +
      "(:Event {id:'tn3', name:'x', amount: toFloat(' 2.5 '), count: toInteger('+7'), year: toInteger('-3.9'), amountMax: toFloat('.5')})",
    ids: ['tn', 'tn3'],
  },
  {
    name: 'toInteger of a stored name',
    setup: "CREATE (:Person {id:'tq', name:'Zed 7'}), (:Person {id:'tr', name:'42'})",
    statement:
      "MATCH (p:Person {id:'tq'}), (q:Person {id:'tr'}) CREATE (:Event {id:'tq2', name:'x', count: toInteger(p.name), amount: toFloat(q.name), year: toInteger(q.name)})",
    ids: ['tq', 'tr', 'tq2'],
  },
  {
    name: 'datetime(row.at) per row',
    statement:
      "UNWIND [{id:'dr1', at:'2024-03-22'}, {id:'dr2', at:'2024-03-22T06:00+0100'}, {id:'dr3', at: null}] AS row CREATE (:Event {id: row.id, name:'x', at: datetime(row.at)})",
    ids: ['dr1', 'dr2', 'dr3'],
  },
  {
    name: 'date(row.at) of a row with a time',
    statement:
      "UNWIND [{id:'dr4', at:'2024-03-22'}, {id:'dr5', at:'2024-03-22T06:00:00Z'}] AS row CREATE (:Event {id: row.id, name:'x', at: date(row.at)})",
    ids: ['dr4', 'dr5'],
  },
  {
    name: 'date() of a stored value',
    setup: "CREATE (:Event {id:'dm1', name:'x', at:'2024-03-22'})",
    statement: "MATCH (e:Event {id:'dm1'}) CREATE (:Event {id:'dm2', name:'x', at: date(e.at)})",
    ids: ['dm2'],
    refusedByModel: 'known only when the statement runs',
  },
  {
    name: 'an empty map in a row',
    statement:
      "UNWIND [{id:'em', properties:{}}] AS row CREATE (n:Person {id: row.id, name: 'E'}) SET n += row.properties",
    ids: ['em'],
  },
  {
    name: 'keys and variables named after keywords',
    statement:
      "UNWIND [{id:'kw', end:'e', order:'o'}] AS end CREATE (order:Event {id: end.id, name: end.end + end.order})",
    ids: ['kw'],
  },
  {
    name: 'three row keys added with +, keys named after keywords',
    statement:
      "UNWIND [{id:'cc1', end:'e', order:'o', first:'Ana', n: 1, m: 2}, {id:'cc2', end:'f', order:'p', first:'Bo', n: 3, m: 4}] AS end " +
      "CREATE (order:Event {id: end.id, name: end.end + end.order + end.first, kind: 'Mr ' + end.first, count: end.n + end.m + end.n})",
    ids: ['cc1', 'cc2'],
  },
  {
    name: 'rows whose keys hold values of different kinds',
    statement:
      "UNWIND [{id:'mk1', x: 1, p: {name: 'a'}}, {id:'mk2', x: 'a', p: 'zz'}, {id:'mk3', x: true, p: [1]}] AS row CREATE (:Event {id: row.id, name: toString(row.x), kind: 'k'})",
    ids: ['mk1', 'mk2', 'mk3'],
  },
  {
    name: 'integers, floats, nulls and absent keys in one list',
    statement:
      "UNWIND [{id:'nf1', declaredKg: 200}, {id:'nf2', declaredKg: 180.5}, {id:'nf3', declaredKg: null}, {id:'nf4'}] AS row CREATE (:Shipment {id: row.id, name: 's', declaredKg: row.declaredKg})",
    ids: ['nf1', 'nf2', 'nf3', 'nf4'],
  },
  {
    name: 'a string among numbers where the model wants a number',
    statement:
      "UNWIND [{id:'ns1', name:'s', declaredKg: 200}, {id:'ns2', name:'s', declaredKg: '12'}] AS row CREATE (:Shipment {id: row.id, name: row.name, declaredKg: row.declaredKg})",
    ids: ['ns1', 'ns2'],
    refusedByModel: 'Shipment.declaredKg expects a number',
  },
  {
    name: 'integers among floats keep their type',
    statement:
      "UNWIND [{id:'if1', kg: 10}, {id:'if2', kg: 2.5}, {id:'if3', kg: 7}] AS row CREATE (:Event {id: row.id, name: toString(row.kg), kind: 'kg ' + row.kg, count: row.kg, amount: row.kg / 4, outcome: toString(row.kg * 2)})",
    ids: ['if1', 'if2', 'if3'],
  },
  {
    name: 'an integer and a float unwound from one list',
    statement: "UNWIND [10, 2.5] AS x CREATE (:Event {id: 'is' + toString(x), name: toString(x)})",
    ids: ['is10', 'is2.5'],
  },
  {
    name: 'extreme doubles as literals',
    statement:
      "CREATE (:Event {id:'xl1', name: toString(1e300), kind: toString(-1e-300), outcome: toString(5e-324), currency: toString(1.7976931348623157e308), amount: 1e300, amountMax: 5e-324, count: 1.7976931348623157e308, year: -1e-300}), " +
      "(:Event {id:'xl2', name: toString(1e16), kind: toString(1e21), outcome: toString(123456789012345680000.0), currency: toString(-0.0), amount: 1e16, amountMax: 1e21, count: 123456789012345680000.0, year: -0.0})",
    ids: ['xl1', 'xl2'],
  },
  {
    name: 'extreme doubles in rows',
    statement:
      "UNWIND [{id:'xr1', kg: 1e300}, {id:'xr2', kg: -1e-300}, {id:'xr3', kg: 5e-324}, {id:'xr4', kg: 1.7976931348623157e308}, {id:'xr5', kg: 1e16}, {id:'xr6', kg: 1e21}, {id:'xr7', kg: 123456789012345680000.0}, {id:'xr8', kg: -0.0}] AS row " +
      "CREATE (:Event {id: row.id, name: toString(row.kg), kind: 'kg ' + row.kg, amount: row.kg})",
    ids: ['xr1', 'xr2', 'xr3', 'xr4', 'xr5', 'xr6', 'xr7', 'xr8'],
  },
  {
    name: 'NaN and infinities computed',
    statement:
      "CREATE (:Event {id:'nan1', name: toString(0.0/0.0), kind: toString(1.0/0), outcome: toString(-1.0/0), amount: 0.0/0.0, amountMax: 1.0/0, count: -1.0/0})",
    ids: ['nan1'],
  },
  {
    name: 'an integer divided by zero',
    statement: "CREATE (:Event {id:'dz1', name:'x', count: 1/0})",
    ids: ['dz1'],
    refusedWhenRun: true,
  },
];

type Stored = Record<string, unknown>;

/** What the judge holds: each node's properties, temporal values as toString() gives them. */
async function judge(driver: Driver, c: Case): Promise<{ stored: Stored[] } | { refused: string }> {
  const session = driver.session({ database: neo4jConnection().database });
  const tx = session.beginTransaction();
  try {
    if (c.setup !== undefined) await tx.run(c.setup);
    await tx.run(c.statement);
    const { records } = await tx.run(
      `MATCH (n) WHERE n.id IN $ids
       RETURN n.id AS id, [k IN keys(n) | [k, CASE WHEN valueType(n[k]) CONTAINS 'DATE' THEN toString(n[k]) ELSE n[k] END]] AS p
       ORDER BY id`,
      { ids: [...c.ids] },
    );
    return { stored: records.map((r) => plain(Object.fromEntries(r.get('p') as Array<[string, unknown]>))) };
  } catch (error) {
    return { refused: error instanceof Error ? error.message : String(error) };
  } finally {
    await tx.rollback().catch(() => undefined);
    await session.close();
  }
}

/** Integers as numbers where exact, as their digits past 2^53; sources left out (the store adds an empty list). */
function plain(properties: Record<string, unknown>): Stored {
  const out: Stored = {};
  for (const [key, value] of Object.entries(properties).sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (key === 'sources' || value === null || value === undefined) continue;
    const int = (v: unknown): unknown =>
      neo4j.isInt(v) ? (v.inSafeRange() ? v.toNumber() : v.toString()) : Array.isArray(v) ? v.map(int) : v;
    out[key] = int(value);
  }
  return out;
}

async function storedBy(store: GraphStore, ids: readonly string[]): Promise<Stored[]> {
  const entities = await store.getEntities(ids, META);
  return entities.sort((a, b) => (a.id < b.id ? -1 : 1)).map((e) => plain({ id: e.id, name: e.name, ...e.properties }));
}

describe('import values on both stores, judged by Neo4j', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'maillon-import-values-'));
  let driver: Driver;
  let neo: Neo4jStore;
  let kuzu: KuzuStore;

  beforeAll(async () => {
    await wipeNeo4j();
    const c = neo4jConnection();
    driver = neo4j.driver(c.uri, neo4j.auth.basic(c.user, c.password));
    neo = new Neo4jStore({ logger: quietLogger, ...c, queryTimeoutMs: 60_000 });
    kuzu = new KuzuStore({ logger: quietLogger, dataDir, bufferPoolMb: 128 });
    await neo.ensureSchema();
    await kuzu.ensureSchema();
  }, 120_000);

  afterAll(async () => {
    await kuzu?.close();
    await neo?.close();
    await driver?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
    await wipeNeo4j();
  });

  const load = async (store: GraphStore, c: Case): Promise<ImportReport> => {
    if (c.setup !== undefined) {
      const setup = await runImport(store, { script: c.setup, dryRun: false, meta: META });
      expect(setup.errors).toEqual([]);
    }
    return runImport(store, { script: c.statement, dryRun: false, meta: META });
  };

  it.each(CASES)('$name', async (c) => {
    const verdict = await judge(driver, c);
    const reports = { neo4j: await load(neo, c), kuzu: await load(kuzu, c) };
    if ('refused' in verdict || c.refusedByModel !== undefined) {
      for (const report of [reports.neo4j, reports.kuzu]) {
        expect(report.ok, `${c.statement} is refused by ${'refused' in verdict ? verdict.refused : 'the model'}`).toBe(
          false,
        );
        expect(report.errors[0]).toMatchObject({ statement: 1, line: 1 });
        if (c.refusedWhenRun !== true) expect(report.errors[0]?.column).toBeGreaterThan(1);
        if (c.refusedByModel !== undefined) expect(report.errors[0]?.message).toContain(c.refusedByModel);
      }
      if (c.refusedByModel !== undefined) expect('stored' in verdict, 'Neo4j itself stores it').toBe(true);
      if (c.refusedWhenRun === true) expect('refused' in verdict, 'Neo4j itself refuses it').toBe(true);
      expect(await storedBy(kuzu, c.ids)).toEqual([]);
      return;
    }
    expect(reports.neo4j.errors).toEqual([]);
    expect(reports.kuzu.errors).toEqual([]);
    expect(await storedBy(neo, c.ids)).toEqual(verdict.stored);
    expect(await storedBy(kuzu, c.ids)).toEqual(verdict.stored);
  });
});
