/**
 * A benchmark dataset on Neo4j: the generator's rows for (people, seed), the very
 * rows the embedded store's dataset was built from, sent as parameters of UNWIND
 * batches through the driver, many transactions (one over 100,000 people would
 * hold the whole graph in Neo4j's heap), after the store's schema so that each
 * relationship batch finds its ends by index. The generator's Cypher file itself
 * is no good here: Neo4j parses and plans each of its statements afresh (every
 * one is 500 rows of literals), minutes for 10,000 people on a busy machine.
 * Relationships keep the ids the generator gives some of them; the others get
 * random UUIDs, as the store's import gives them.
 *
 * A local Neo4j keeps the loaded store under the dataset's cache folder
 * (`neo4j-v2/`, with `neo4j-v2.json`), and each bench run starts on a copy, as the
 * embedded server does, since the server writes users and audit records. With
 * NEO4J_URI set that database is used instead: it is wiped and loaded each run.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import neo4j, { type Driver, type Session } from 'neo4j-driver';
import { labelOfId, type Props, type Value } from '../../server/src/generator/CypherWriter.ts';
import { generateNetwork, type WriteListener } from '../../server/src/generator/index.ts';
import type { NodeLabel, RelType } from '../../server/src/model/index.ts';
import { schemaStatements } from '../../server/src/store/neo4j/schema-statements.ts';
import { startNeo4j } from '../../scripts/neo4j/local-neo4j.mjs';
import type { Dataset } from './datasets.ts';
import type { Neo4jSettings } from './raw-neo4j.ts';
import { progress } from './types.ts';

/** Rows per transaction: a batch, not the graph, is what Neo4j's heap holds. */
const ROWS_PER_TRANSACTION = 5000;
/** 100,000 people hold ~340,000 relationships: the page cache fits them, the heap holds a batch. */
const HEAP = '2g';
const PAGE_CACHE = '1g';

export interface LoadedNeo4j {
  readonly nodes: number;
  readonly relationships: number;
  readonly seconds: number;
}

export interface BenchNeo4j extends Neo4jSettings {
  /** The Neo4j process when the bench started it (its memory is the store's), else undefined. */
  readonly pid: number | undefined;
  readonly load: LoadedNeo4j & { readonly cached: boolean };
  stop(): Promise<void>;
}

const driverOf = (s: Neo4jSettings): Driver =>
  neo4j.driver(s.uri, neo4j.auth.basic(s.user, s.password), { disableLosslessIntegers: true });

type Row = Record<string, unknown>;

/**
 * A value as the generator's Cypher literal would give it: a whole number is an
 * Integer there (`String(3)` is `3`), anything else a Float, so the driver is
 * told which (it would send every JS number as a Float).
 */
function asCypherValue(value: Value): unknown {
  return typeof value === 'number' && Number.isInteger(value) ? neo4j.int(value) : value;
}

function cypherProps(props: Props): Row {
  return Object.fromEntries(
    Object.entries(props).flatMap(([key, value]) => (value === undefined ? [] : [[key, asCypherValue(value)]])),
  );
}

/** The generator's rows for (people, seed), grouped by label and by (type, start label, end label). */
function generatedRows(people: number, seed: number) {
  const nodes = new Map<NodeLabel, Row[]>();
  const rels = new Map<string, { type: RelType; from: NodeLabel; to: NodeLabel; rows: Row[] }>();
  const listener: WriteListener = {
    node: (label, props) => void (nodes.get(label) ?? nodes.set(label, []).get(label))?.push(cypherProps(props)),
    rel: (type, from, to, props) => {
      const [fromLabel, toLabel] = [labelOfId(from), labelOfId(to)];
      const key = `${type}|${fromLabel}|${toLabel}`;
      const group = rels.get(key) ?? { type, from: fromLabel, to: toLabel, rows: [] };
      group.rows.push({ a: from, b: to, props: cypherProps(props) });
      rels.set(key, group);
    },
  };
  generateNetwork({ people, seed, sink: () => undefined, listener });
  return { nodes, rels: [...rels.values()] };
}

async function inBatches(options: {
  session: Session;
  cypher: string;
  rows: readonly Row[];
  what: string;
}): Promise<void> {
  for (let at = 0; at < options.rows.length; at += ROWS_PER_TRANSACTION) {
    const rows = options.rows.slice(at, at + ROWS_PER_TRANSACTION);
    await options.session.executeWrite((tx) => tx.run(options.cypher, { rows }));
  }
  progress(`  Neo4j load: ${options.rows.length.toLocaleString('en')} ${options.what}`);
}

async function count(driver: Driver, cypher: string): Promise<number> {
  const { records } = await driver.executeQuery(cypher);
  return Number(records[0]?.get('n') ?? 0);
}

/** Loads the (people, seed) network into an empty Neo4j; the counts come from the database. */
export async function loadNetworkIntoNeo4j(options: {
  settings: Neo4jSettings;
  people: number;
  seed: number;
}): Promise<LoadedNeo4j> {
  const started = performance.now();
  const driver = driverOf(options.settings);
  try {
    for (const statement of schemaStatements()) await driver.executeQuery(statement);
    const { nodes, rels } = generatedRows(options.people, options.seed);
    const session = driver.session();
    try {
      for (const [label, rows] of nodes)
        await inBatches({
          session,
          rows,
          what: label,
          cypher: `UNWIND $rows AS row CREATE (n:\`${label}\`) SET n = row`,
        });
      for (const group of rels)
        await inBatches({
          session,
          rows: group.rows,
          what: `${group.type} (${group.from} -> ${group.to})`,
          // Relationship ids as the store import gives them: the generator's where it names one, else a random UUID.
          cypher:
            `UNWIND $rows AS row MATCH (a:\`${group.from}\` {id: row.a}), (b:\`${group.to}\` {id: row.b}) ` +
            `CREATE (a)-[r:\`${group.type}\`]->(b) SET r = row.props, r.id = coalesce(row.props.id, randomUUID())`,
        });
    } finally {
      await session.close();
    }
    // Populating the full-text index over the loaded names can take a while; the figures need it whole.
    await driver.executeQuery('CALL db.awaitIndexes(600)');
    return {
      nodes: await count(driver, 'MATCH (n) RETURN count(n) AS n'),
      relationships: await count(driver, 'MATCH ()-[r]->() RETURN count(r) AS n'),
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    await driver.close();
  }
}

/** Removes every node and relationship (NEO4J_URI must name a disposable database). */
async function wipe(settings: Neo4jSettings): Promise<void> {
  const driver = driverOf(settings);
  try {
    await driver.executeQuery('MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS');
  } finally {
    await driver.close();
  }
}

function checkCounts(dataset: Dataset, loaded: LoadedNeo4j): void {
  if (loaded.nodes !== dataset.nodes || loaded.relationships !== dataset.relationships)
    throw new Error(
      `Neo4j holds ${loaded.nodes} nodes / ${loaded.relationships} relationships, ` +
        `the embedded dataset ${dataset.nodes} / ${dataset.relationships}`,
    );
}

interface CachedNeo4j extends LoadedNeo4j {
  readonly password: string;
  readonly builtAt: string;
}

/** The bench's own Neo4j with the dataset loaded, on a copy of the cached store (built first if absent). */
async function localNeo4j(dataset: Dataset): Promise<BenchNeo4j> {
  process.env.MAILLON_NEO4J_HEAP ??= HEAP;
  process.env.MAILLON_NEO4J_PAGECACHE ??= PAGE_CACHE;
  // v2: relationship ids named by the generator were replaced by UUIDs before; such a cache is built again.
  const cacheHome = path.join(dataset.dir, 'neo4j-v2');
  const metaFile = path.join(dataset.dir, 'neo4j-v2.json');
  const cached = fs.existsSync(metaFile);
  if (!cached) {
    fs.rmSync(cacheHome, { recursive: true, force: true });
    progress(`dataset ${dataset.people.toLocaleString('en')} people: loading into Neo4j`);
    const building = await startNeo4j({ home: cacheHome });
    try {
      const loaded = await loadNetworkIntoNeo4j({ settings: building, people: dataset.people, seed: dataset.seed });
      checkCounts(dataset, loaded);
      const meta: CachedNeo4j = { ...loaded, password: building.password, builtAt: new Date().toISOString() };
      fs.writeFileSync(metaFile, JSON.stringify(meta, null, 2));
      progress(
        `dataset ${dataset.people.toLocaleString('en')} people: loaded into Neo4j in ${loaded.seconds.toFixed(1)} s`,
      );
    } finally {
      await building.stop();
    }
  } else progress(`dataset ${dataset.people.toLocaleString('en')} people: Neo4j store cached`);
  const meta = JSON.parse(fs.readFileSync(metaFile, 'utf8')) as CachedNeo4j;
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'maillon-bench-neo4j-'));
  fs.cpSync(cacheHome, scratch, { recursive: true });
  const running = await startNeo4j({ home: scratch, password: meta.password });
  return {
    uri: running.uri,
    user: running.user,
    password: running.password,
    pid: running.pid,
    load: { nodes: meta.nodes, relationships: meta.relationships, seconds: meta.seconds, cached },
    stop: async () => {
      await running.stop();
      fs.rmSync(scratch, { recursive: true, force: true });
    },
  };
}

/** Neo4j holding `dataset`: NEO4J_URI's database when set (wiped and loaded), else a local one. */
export async function neo4jForDataset(dataset: Dataset): Promise<BenchNeo4j> {
  const uri = process.env.NEO4J_URI;
  if (!uri) return localNeo4j(dataset);
  const settings = { uri, user: process.env.NEO4J_USER ?? 'neo4j', password: process.env.NEO4J_PASSWORD ?? '' };
  progress(`dataset ${dataset.people.toLocaleString('en')} people: wiping and loading NEO4J_URI (${uri})`);
  await wipe(settings);
  const loaded = await loadNetworkIntoNeo4j({ settings, people: dataset.people, seed: dataset.seed });
  checkCounts(dataset, loaded);
  return { ...settings, pid: undefined, load: { ...loaded, cached: false }, stop: async () => undefined };
}
