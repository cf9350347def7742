/**
 * An export crosses stores: the same sources loaded into Neo4j and into the embedded store,
 * then Neo4j → file → an empty embedded store gives the embedded store's own graph, and
 * embedded → file → an empty Neo4j gives Neo4j's own graph, line for line
 * (tests/support/canonical-graph.ts, relationship ids included). From Neo4j, integers keep
 * every digit of 64 bits and stay integers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Neo4jStore } from '../../server/src/store/neo4j/Neo4jStore.ts';
import { FIXTURES } from '../helpers/test-server.ts';
import { firstDifference, kuzuCanonicalGraph, neo4jCanonicalGraph } from '../support/canonical-graph.ts';
import * as stores from '../support/export-stores.ts';
import { quietLogger } from '../support/quiet-logger.ts';
import { neo4jConnection, wipeNeo4j } from '../support/store-under-test.ts';

/**
 * Fictional values hard to write back, on top of the demo data and the small test graph;
 * 2^53 - 1 is the largest integer the import takes (past it, it refuses rather than round).
 */
const AWKWARD = `
CREATE (:Person {id: 'aw-1', name: 'Jean "Le Chat" O\\'Brien', notes: 'back\\\\slash\\nnew line\\ttab', aliases: ['Zoë', '東京', 'smile 😀', '']});
CREATE (:Organization {id: 'aw-o', name: 'Turnover', annualTurnoverEur: 9007199254740991, kind: 'company'});
CREATE (:Event {id: 'aw-e', name: 'Numbers', amount: -12.75, count: 0, year: 2024, at: date('2024-03-22')});
MATCH (a:Person {id: 'aw-1'}), (b:Organization {id: 'aw-o'}) CREATE (a)-[:MEMBER_OF {id: 'aw-r1', role: 'said "hi"\\nthen left', since: '2020-01-01'}]->(b);
`;

const SOURCES = [...stores.DEMO_FILES, FIXTURES.smallGraph];

const openNeo4j = async (): Promise<Neo4jStore> => {
  const store = new Neo4jStore({ logger: quietLogger, ...neo4jConnection(), queryTimeoutMs: 120_000 });
  await store.ensureSchema();
  return store;
};

const embedded: stores.EmbeddedStore[] = [];
let neo4jGraph: string[];
let kuzuGraph: string[];
let fromNeo4j: string;
let fromKuzu: string;

beforeAll(async () => {
  await wipeNeo4j();
  const neo = await openNeo4j();
  try {
    await stores.importFiles(neo, SOURCES);
    await stores.importScript(neo, AWKWARD);
    fromNeo4j = await stores.exportAsText(neo, { batchSize: 50 });
  } finally {
    await neo.close();
  }
  neo4jGraph = await neo4jCanonicalGraph(neo4jConnection());

  const kuzu = await stores.emptyEmbeddedStore();
  embedded.push(kuzu);
  await stores.importFiles(kuzu.store, SOURCES);
  await stores.importScript(kuzu.store, AWKWARD);
  fromKuzu = await stores.exportAsText(kuzu.store, { batchSize: 50 });
  await kuzu.close();
  kuzuGraph = await kuzuCanonicalGraph(kuzu.dataDir);
}, 600_000);

afterAll(async () => {
  for (const s of embedded) {
    await s.close().catch(() => undefined);
    s.remove();
  }
  await wipeNeo4j();
});

const describeDifference = (a: string[], b: string[]): string | undefined => {
  const d = firstDifference(a, b);
  return d && `line ${d.index}\n  expected: ${d.neo4j}\n  got:      ${d.kuzu}`;
};

describe('export across stores', () => {
  it('Neo4j → file → embedded store gives the embedded store its own graph', async () => {
    const target = await stores.emptyEmbeddedStore();
    embedded.push(target);
    await stores.importScript(target.store, fromNeo4j, 'the Neo4j export');
    await target.close();
    const graph = await kuzuCanonicalGraph(target.dataDir);
    expect(graph.length).toBeGreaterThan(100);
    expect(describeDifference(kuzuGraph, graph)).toBeUndefined();
  }, 300_000);

  it('embedded store → file → Neo4j gives Neo4j its own graph', async () => {
    await wipeNeo4j();
    const neo = await openNeo4j();
    try {
      await stores.importScript(neo, fromKuzu, 'the embedded export');
    } finally {
      await neo.close();
    }
    const graph = await neo4jCanonicalGraph(neo4jConnection());
    expect(graph.length).toBeGreaterThan(100);
    expect(describeDifference(neo4jGraph, graph)).toBeUndefined();
  }, 300_000);

  it('Neo4j → file → Neo4j keeps the graph, and writes integers whole', async () => {
    expect(fromNeo4j).toContain('annualTurnoverEur:9007199254740991');
    expect(fromNeo4j).toMatch(/year:2024[,}]/);
    expect(fromNeo4j).toContain('amount:-12.75');
    await wipeNeo4j();
    const neo = await openNeo4j();
    try {
      await stores.importScript(neo, fromNeo4j, 'the Neo4j export');
      // The export of the copy is the export of the original, byte for byte.
      expect(await stores.exportAsText(neo, { batchSize: 50 })).toBe(fromNeo4j);
    } finally {
      await neo.close();
    }
    expect(describeDifference(neo4jGraph, await neo4jCanonicalGraph(neo4jConnection()))).toBeUndefined();
  }, 300_000);
});
