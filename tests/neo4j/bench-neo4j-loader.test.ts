/**
 * The bench measures Neo4j beside the embedded store on the same dataset: the
 * bench's Neo4j loader (tests/bench/neo4j-dataset.ts) must leave exactly the
 * graph the embedded dataset holds, element for element (the canonical listing
 * of tests/support/canonical-graph.ts: labels, ids, every property with its
 * type, relationship types, ends and properties; relationship ids are random on
 * both, so they are compared as generated UUIDs). The benches draw persons in id
 * order, so the same seed picks the same persons on both.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadWithCopy, writeNetwork } from '../bench/datasets.ts';
import { loadNetworkIntoNeo4j, type LoadedNeo4j } from '../bench/neo4j-dataset.ts';
import { openRawKuzu } from '../bench/raw-kuzu.ts';
import { openRawNeo4j } from '../bench/raw-neo4j.ts';
import { randomPersons, rawStoreOfKuzu } from '../bench/raw-store.ts';
import { firstDifference, kuzuCanonicalGraph, neo4jCanonicalGraph } from '../support/canonical-graph.ts';
import { neo4jConnection, wipeNeo4j } from '../support/store-under-test.ts';

const PEOPLE = 400;
const SEED = 11;

describe('the bench loads Neo4j with the graph of the embedded dataset', () => {
  let dir: string;
  let network: ReturnType<typeof writeNetwork>;
  let loaded: LoadedNeo4j;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'maillon-bench-loader-'));
    network = writeNetwork({ people: PEOPLE, seed: SEED, dir });
    await loadWithCopy({ copyFiles: network.copyFiles, dataDir: path.join(dir, 'data') });
    await wipeNeo4j();
    loaded = await loadNetworkIntoNeo4j({ settings: neo4jConnection(), people: PEOPLE, seed: SEED });
  });

  afterAll(async () => {
    await wipeNeo4j();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('holds as many nodes and relationships as the generator wrote', () => {
    expect(network.nodes).toBeGreaterThan(PEOPLE);
    expect(loaded).toMatchObject({ nodes: network.nodes, relationships: network.relationships });
  });

  it('holds the same graph as the embedded store, element for element', async () => {
    const neo4jGraph = await neo4jCanonicalGraph(neo4jConnection());
    const kuzuGraph = await kuzuCanonicalGraph(path.join(dir, 'data'));
    expect(neo4jGraph).toHaveLength(network.nodes + network.relationships);
    expect(firstDifference(neo4jGraph, kuzuGraph)).toBeUndefined();
  });

  it('gives every relationship an id, as the store import does', async () => {
    const raw = openRawNeo4j(neo4jConnection());
    try {
      const [row] = await raw.query('MATCH ()-[r]->() WHERE r.id IS NULL RETURN count(r) AS missing');
      expect(row?.missing).toBe(0);
    } finally {
      await raw.close();
    }
  });

  it('draws the same persons from both stores for one seed', async () => {
    const neo4jRaw = openRawNeo4j(neo4jConnection());
    const kuzuRaw = rawStoreOfKuzu(openRawKuzu({ dataDir: path.join(dir, 'data') }));
    try {
      const fromNeo4j = await randomPersons(neo4jRaw, 25, SEED);
      expect(new Set(fromNeo4j.map((p) => p.id)).size).toBeGreaterThan(10);
      expect(await randomPersons(kuzuRaw, 25, SEED)).toEqual(fromNeo4j);
    } finally {
      await neo4jRaw.close();
      await kuzuRaw.close();
    }
  });
});
