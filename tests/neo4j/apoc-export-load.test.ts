/**
 * Real APOC exports load as written (issue 11, item 3). The demo data (cypher/seed) goes into Neo4j
 * through Maillon's import; APOC core (installed by the Neo4j tier, scripts/neo4j-tier.mjs) exports
 * it with `apoc.export.cypher.all` in every format, Cypher flavour and batching; each script, as
 * APOC wrote it, is loaded through runImport into an empty embedded store and into an empty Neo4j,
 * and both graphs must equal the source line for line (tests/support/canonical-graph.ts),
 * relationship ids included. `updateStructure` writes relationships only, for nodes that exist:
 * it is loaded after the `create` export, as APOC intends.
 *
 * MAILLON_APOC_DUMP=<folder> keeps every script there, to copy fixtures from.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runImport } from '../../server/src/import/run-import.ts';
import type { ImportReport } from '../../server/src/import/types.ts';
import type { GraphStore } from '../../server/src/store/GraphStore.ts';
import { KuzuStore } from '../../server/src/store/kuzu/KuzuStore.ts';
import { Neo4jStore } from '../../server/src/store/neo4j/Neo4jStore.ts';
import { firstDifference, kuzuCanonicalGraph, neo4jCanonicalGraph } from '../support/canonical-graph.ts';
import { quietLogger } from '../support/quiet-logger.ts';
import { neo4jConnection, wipeNeo4j } from '../support/store-under-test.ts';

const root = path.resolve(import.meta.dirname, '../..');
const META = { user: 'apoc-export-load', operation: 'importCypher' };
const seedDir = path.join(root, 'cypher/seed');
const seedFiles = fs
  .readdirSync(seedDir)
  .filter((f) => f.endsWith('.cypher'))
  .sort()
  .map((f) => path.join(seedDir, f));

type Format = 'cypher-shell' | 'neo4j-shell' | 'plain';
type CypherFormat = 'create' | 'updateAll' | 'addStructure' | 'updateStructure';

interface Variant {
  readonly name: string;
  readonly format: Format;
  readonly cypherFormat: CypherFormat;
  readonly optimizations: { readonly type: 'UNWIND_BATCH' | 'NONE'; readonly unwindBatchSize?: number };
}

const variant = (
  format: Format,
  cypherFormat: CypherFormat,
  type: 'UNWIND_BATCH' | 'NONE',
  size?: number,
): Variant => ({
  name: `${format} ${cypherFormat} ${type}${size === undefined ? '' : ` ${size}`}`,
  format,
  cypherFormat,
  optimizations: size === undefined ? { type } : { type, unwindBatchSize: size },
});

const FORMATS: readonly Format[] = ['cypher-shell', 'neo4j-shell', 'plain'];
const VARIANTS: readonly Variant[] = [
  ...FORMATS.flatMap((f) => [variant(f, 'create', 'UNWIND_BATCH'), variant(f, 'create', 'NONE')]),
  ...FORMATS.flatMap((f) => [variant(f, 'updateAll', 'UNWIND_BATCH'), variant(f, 'addStructure', 'UNWIND_BATCH')]),
  variant('cypher-shell', 'updateAll', 'NONE'),
  variant('cypher-shell', 'addStructure', 'NONE'),
  variant('cypher-shell', 'create', 'UNWIND_BATCH', 1),
  variant('cypher-shell', 'create', 'UNWIND_BATCH', 7),
  variant('cypher-shell', 'create', 'UNWIND_BATCH', 1000),
  variant('plain', 'updateAll', 'UNWIND_BATCH', 3),
];
/** Relationships only, onto the nodes the `create` export of the same format made. */
const STRUCTURE_VARIANTS: readonly Variant[] = FORMATS.flatMap((f) => [
  variant(f, 'updateStructure', 'UNWIND_BATCH'),
  variant(f, 'updateStructure', 'NONE'),
]);

async function apocExport(options: Record<string, unknown>): Promise<string> {
  const c = neo4jConnection();
  const driver = neo4j.driver(c.uri, neo4j.auth.basic(c.user, c.password));
  try {
    const { records } = await driver.executeQuery(
      'CALL apoc.export.cypher.all(null, $config) YIELD cypherStatements RETURN cypherStatements',
      { config: { stream: true, ...options } },
      { database: c.database },
    );
    // Streamed in batches: the script is every batch's statements in order.
    const script = records.map((r) => r.get('cypherStatements') as string).join('');
    if (script.length === 0)
      throw new Error(`APOC exported nothing for ${JSON.stringify(options)}: is APOC installed?`);
    return script;
  } finally {
    await driver.close();
  }
}

const configOf = (v: Variant): Record<string, unknown> => ({
  format: v.format,
  cypherFormat: v.cypherFormat,
  useOptimizations: v.optimizations,
});

async function load(
  store: GraphStore,
  scripts: ReadonlyArray<{ name: string; script: string }>,
): Promise<ImportReport[]> {
  const reports: ImportReport[] = [];
  for (const { name, script } of scripts)
    reports.push(await runImport(store, { script, fileName: name, dryRun: false, meta: META }));
  return reports;
}

const neoStore = (): Neo4jStore =>
  new Neo4jStore({ logger: quietLogger, ...neo4jConnection(), queryTimeoutMs: 120_000 });

/** Empties Neo4j and gives it the demo data, through Maillon's import. */
async function seedNeo4j(): Promise<void> {
  await wipeNeo4j();
  const neo = neoStore();
  try {
    await neo.ensureSchema();
    const reports = await load(
      neo,
      seedFiles.map((f) => ({ name: path.basename(f), script: fs.readFileSync(f, 'utf8') })),
    );
    const refused = reports.find((r) => !r.ok);
    if (refused) throw new Error(`the demo data did not load into Neo4j: ${JSON.stringify(refused.errors)}`);
  } finally {
    await neo.close();
  }
}

interface Loaded {
  readonly reports: { kuzu: ImportReport[]; neo4j: ImportReport[] };
  readonly graphs: { kuzu: string[]; neo4j: string[] };
}

/** Loads the scripts, unchanged, into an empty Kùzu and an empty Neo4j, and lists both graphs. */
async function loadIntoEmptyStores(scripts: ReadonlyArray<{ name: string; script: string }>): Promise<Loaded> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'maillon-apoc-'));
  const kuzu = new KuzuStore({ logger: quietLogger, dataDir, bufferPoolMb: 128 });
  await wipeNeo4j();
  const neo = neoStore();
  try {
    await kuzu.ensureSchema();
    await neo.ensureSchema();
    const reports = { kuzu: await load(kuzu, scripts), neo4j: await load(neo, scripts) };
    await kuzu.close();
    return {
      reports,
      graphs: { kuzu: await kuzuCanonicalGraph(dataDir), neo4j: await neo4jCanonicalGraph(neo4jConnection()) },
    };
  } finally {
    await neo.close();
    await kuzu.close().catch(() => undefined);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

const describeDifference = (reference: readonly string[], other: readonly string[]): string | undefined => {
  const d = firstDifference(reference, other);
  return d && `line ${d.index}\n  source: ${d.neo4j}\n  loaded: ${d.kuzu}`;
};

const refusals = (reports: readonly ImportReport[]): string => JSON.stringify(reports.flatMap((r) => r.errors));

describe('real APOC exports of the demo data load as written into both stores', () => {
  let source: string[];
  const scripts = new Map<string, string>();
  const dump = process.env.MAILLON_APOC_DUMP;

  beforeAll(async () => {
    await seedNeo4j();
    source = await neo4jCanonicalGraph(neo4jConnection());
    for (const v of [...VARIANTS, ...STRUCTURE_VARIANTS]) scripts.set(v.name, await apocExport(configOf(v)));
    if (dump) {
      fs.mkdirSync(dump, { recursive: true });
      for (const [name, script] of scripts)
        fs.writeFileSync(path.join(dump, `${name.replaceAll(' ', '_')}.cypher`), script);
    }
  }, 600_000);

  afterAll(async () => {
    await wipeNeo4j();
  });

  it('exports a graph with nodes and relationships that carry ids', () => {
    expect(source.some((l) => l.startsWith('N '))).toBe(true);
    expect(source.some((l) => l.startsWith('R ') && !l.includes('<generated>'))).toBe(true);
  });

  it('refuses UNWIND_BATCH_PARAMS at its first :param line, saying what to export instead', async () => {
    const script = await apocExport({ format: 'cypher-shell', useOptimizations: { type: 'UNWIND_BATCH_PARAMS' } });
    const line = script.split('\n').findIndex((l) => l.startsWith(':param')) + 1;
    expect(line).toBeGreaterThan(0);
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'maillon-apoc-'));
    const kuzu = new KuzuStore({ logger: quietLogger, dataDir, bufferPoolMb: 128 });
    try {
      await kuzu.ensureSchema();
      const report = await runImport(kuzu, { script, fileName: 'params.cypher', dryRun: true, meta: META });
      expect(report.ok).toBe(false);
      expect(report.errors[0]).toMatchObject({
        line,
        column: 1,
        message: expect.stringMatching(/:param .*UNWIND_BATCH_PARAMS/),
      });
    } finally {
      await kuzu.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it.each(VARIANTS)('$name', async (v) => {
    const script = scripts.get(v.name) as string;
    const { reports, graphs } = await loadIntoEmptyStores([{ name: `${v.name}.cypher`, script }]);
    expect(
      reports.neo4j.every((r) => r.ok),
      refusals(reports.neo4j),
    ).toBe(true);
    expect(
      reports.kuzu.every((r) => r.ok),
      refusals(reports.kuzu),
    ).toBe(true);
    expect(describeDifference(source, graphs.neo4j)).toBeUndefined();
    expect(describeDifference(source, graphs.kuzu)).toBeUndefined();
  });

  it.each(STRUCTURE_VARIANTS)('$name, after the create export', async (v) => {
    const create = scripts.get(variant(v.format, 'create', 'UNWIND_BATCH').name) as string;
    const structure = scripts.get(v.name) as string;
    const { reports, graphs } = await loadIntoEmptyStores([
      { name: 'create.cypher', script: create },
      { name: `${v.name}.cypher`, script: structure },
    ]);
    expect(
      reports.neo4j.every((r) => r.ok),
      refusals(reports.neo4j),
    ).toBe(true);
    expect(
      reports.kuzu.every((r) => r.ok),
      refusals(reports.kuzu),
    ).toBe(true);
    expect(describeDifference(source, graphs.neo4j)).toBeUndefined();
    expect(describeDifference(source, graphs.kuzu)).toBeUndefined();
  });
});
