/**
 * An export loads back into the same graph: the demo data exported and imported into an empty
 * embedded store gives the identical canonical listing (read from Kùzu's files, relationship
 * ids included), and so do values that are awkward to write (quotes, backslashes, newlines,
 * unicode, large numbers, dates). An admin without informant clearance exports exactly what a
 * database without the identity relationships would give.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RESTRICTED_REL_TYPES } from '../../server/src/model/index.ts';
import { FIXTURES } from '../helpers/test-server.ts';
import { kuzuCanonicalGraph } from '../support/canonical-graph.ts';
import {
  DEMO_FILES,
  emptyEmbeddedStore,
  exportAsText,
  importFiles,
  importScript,
  type EmbeddedStore,
} from '../support/export-stores.ts';

const UNCLEARED = { hiddenRelTypes: RESTRICTED_REL_TYPES };

/**
 * Fictional test data whose values are hard to write back: every kind of escape and number;
 * 2^53 - 1 is the largest integer the import takes (past it, it refuses rather than round).
 */
const AWKWARD = `
CREATE (:Person {id: 'aw-1', name: 'Jean "Le Chat" O\\'Brien', notes: 'back\\\\slash\\nnew line\\ttab\\r\\nend',
  aliases: ['Zoë', '東京', 'smile 😀', '', 'a,b;c'], birthDate: '1970-01-02', description: '// not a comment; /* nor this */ :begin'});
CREATE (:Person {id: 'aw-2', name: 'Null\\u0001char and \\u007f', nationality: 'FR'});
CREATE (:Shipment {id: 'aw-s', name: 'Big', declaredKg: 180, actualKg: 360.5, seizedKg: 0.000000025, departedAt: date('2024-03-22'), arrivedAt: datetime('2024-03-22T06:00:00Z')});
CREATE (:Organization {id: 'aw-o', name: 'Turnover', annualTurnoverEur: 9007199254740991, kind: 'company'});
CREATE (:Event {id: 'aw-e', name: 'Negative', amount: -12.75, count: 0, year: 2024});
CREATE (:Informant {id: 'aw-i', name: 'Source', codename: 'K"2', reliability: 'B', active: false});
MATCH (a:Person {id: 'aw-1'}), (b:Person {id: 'aw-2'}) CREATE (a)-[:ASSOCIATE_OF {id: 'aw-r1', context: 'said "hi"\\nthen left', since: '2020-01-01'}]->(b);
MATCH (a:Person {id: 'aw-1'}), (b:Person {id: 'aw-2'}) CREATE (a)-[:ASSOCIATE_OF {id: 'aw-r2'}]->(b);
MATCH (a:Person {id: 'aw-2'}), (b:Informant {id: 'aw-i'}) CREATE (a)-[:PAID {id: 'aw-r3', amount: 50, kg: 2.5, method: 'drugs', at: datetime('2024-01-05T10:00:00Z')}]->(b);
MATCH (a:Informant {id: 'aw-i'}), (b:Person {id: 'aw-1'}) CREATE (a)-[:IDENTIFIES_AS {id: 'aw-r4'}]->(b);
`;

const opened: EmbeddedStore[] = [];
async function store(): Promise<EmbeddedStore> {
  const s = await emptyEmbeddedStore();
  opened.push(s);
  return s;
}
afterAll(async () => {
  for (const s of opened) {
    await s.close().catch(() => undefined);
    s.remove();
  }
});

/** Exports `source` whole, imports that into an empty store, and returns both canonical listings. */
async function roundTrip(source: EmbeddedStore, batchSize?: number) {
  const script = await exportAsText(source.store, batchSize ? { batchSize } : {});
  const target = await store();
  await importScript(target.store, script, 'the export');
  await source.close();
  await target.close();
  return { script, before: await kuzuCanonicalGraph(source.dataDir), after: await kuzuCanonicalGraph(target.dataDir) };
}

describe('export round trip on the embedded store', () => {
  it('the demo data comes back identical, relationship ids included', async () => {
    const demo = await store();
    await importFiles(demo.store, DEMO_FILES);
    // Small batches: the paging must neither skip nor repeat a row at a page boundary.
    const { script, before, after } = await roundTrip(demo, 7);
    expect(before.length).toBeGreaterThan(100);
    expect(before.filter((line) => line.startsWith('R ')).length).toBeGreaterThan(50);
    expect(after).toEqual(before);
    expect(script).toMatch(/^:begin\nUNWIND \[\{id:"/m);
    expect(script).toContain('MATCH (start:Person{id: row.start.id})');
    expect(script).not.toContain('<generated>');
  }, 300_000);

  it('awkward strings, large numbers and dates come back exactly', async () => {
    const awkward = await store();
    await importScript(awkward.store, AWKWARD, 'awkward values');
    const { script, before, after } = await roundTrip(awkward);
    expect(after).toEqual(before);
    expect(before.some((line) => line.includes('smile 😀'))).toBe(true);
    expect(script).toContain('"Jean \\"Le Chat\\" O\'Brien"');
    expect(script).toContain('\\u0001');
    // A float stays a float, written with its decimal point.
    expect(script).toContain('declaredKg:180.0');
    expect(script).toContain('id:"aw-r2"');
  }, 300_000);
});

describe('export under an uncleared read scope', () => {
  let full: EmbeddedStore;
  let withoutIdentities: EmbeddedStore;

  beforeAll(async () => {
    full = await store();
    await importFiles(full.store, [FIXTURES.smallGraph]);
    await importScript(full.store, AWKWARD);
    // The same graph without the hidden relationships, built from a cleared export.
    withoutIdentities = await store();
    await importScript(withoutIdentities.store, await exportAsText(full.store));
    await importScript(withoutIdentities.store, 'MATCH ()-[r:IDENTIFIES_AS]->() DELETE r');
  }, 300_000);

  it('holds no identity relationship, and is what a database without them gives', async () => {
    const uncleared = await exportAsText(full.store, { scope: UNCLEARED });
    expect(await exportAsText(full.store)).toContain('IDENTIFIES_AS');
    expect(uncleared).not.toContain('IDENTIFIES_AS');
    expect(uncleared).not.toContain('rel-heron-marc');
    expect(uncleared).toBe(await exportAsText(withoutIdentities.store));
  });

  it("an informant's neighbourhood does not reach the person behind the codename", async () => {
    const selection = { ids: ['informant-heron'], depth: 1 };
    const uncleared = await exportAsText(full.store, { scope: UNCLEARED, selection });
    expect(uncleared).not.toContain('"person-marc"');
    expect(uncleared).toContain('"informant-heron"');
    expect(uncleared.replace(/^\/\/.*\n/gm, '')).toBe(
      (await exportAsText(withoutIdentities.store, { selection })).replace(/^\/\/.*\n/gm, ''),
    );
    // Cleared, the same neighbourhood holds the identity.
    expect(await exportAsText(full.store, { selection })).toContain('"person-marc"');
  });

  it('a neighbourhood export loads on its own and holds only what is within depth', async () => {
    const script = await exportAsText(full.store, { selection: { ids: ['aw-1'], depth: 1 } });
    const target = await store();
    await importScript(target.store, script);
    const ids = (await target.store.getEntities(['aw-1', 'aw-2', 'aw-i', 'aw-s'], { user: 't', operation: 't' })).map(
      (e) => e.id,
    );
    expect(ids.sort()).toEqual(['aw-1', 'aw-2', 'aw-i']);
    // aw-2 PAID aw-i: both within depth 1 of aw-1, so the relationship between them comes along.
    expect(script).toContain('id:"aw-r3"');
  });

  it('refuses an id that names no entity', async () => {
    await expect(exportAsText(full.store, { selection: { ids: ['nobody'], depth: 1 } })).rejects.toThrow(
      /No entity has the id "nobody"/,
    );
  });
});
