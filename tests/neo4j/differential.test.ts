/**
 * Parity as a differential test: every valid import fixture, each example of cypher/examples and
 * the demo data of cypher/seed are loaded through Maillon's import into the embedded store and
 * into Neo4j; the two graphs must be equal line for line (tests/support/canonical-graph.ts), and
 * the same reads (search, neighbourhoods with caps, paths, stats, red flags) must answer the same.
 * Neo4j is the reference. There is no list of tolerated differences: the first one fails the test
 * and is named.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportReport } from '../../server/src/import/types.ts';
import { runImport } from '../../server/src/import/run-import.ts';
import type { GraphStore } from '../../server/src/store/GraphStore.ts';
import { KuzuStore } from '../../server/src/store/kuzu/KuzuStore.ts';
import { Neo4jStore } from '../../server/src/store/neo4j/Neo4jStore.ts';
import { firstDifference, kuzuCanonicalGraph, neo4jCanonicalGraph } from '../support/canonical-graph.ts';
import { neo4jConnection, wipeNeo4j } from '../support/store-under-test.ts';
import { planFrom, readAll } from './differential-reads.ts';
import { quietLogger } from '../support/quiet-logger.ts';

const root = path.resolve(import.meta.dirname, '../..');
const cypherFiles = (dir: string, keep: (f: string) => boolean): string[] =>
  fs
    .readdirSync(path.join(root, dir))
    .filter((f) => f.endsWith('.cypher') && keep(f))
    .sort()
    .map((f) => path.join(root, dir, f));

const GROUPS: ReadonlyArray<{ name: string; files: string[] }> = [
  ...cypherFiles('tests/fixtures/import', (f) => f.includes('.valid.')).map((f) => ({
    name: path.relative(root, f),
    files: [f],
  })),
  ...cypherFiles('cypher/examples', () => true).map((f) => ({ name: path.relative(root, f), files: [f] })),
  { name: 'cypher/seed (the demo data)', files: cypherFiles('cypher/seed', () => true) },
];

const META = { user: 'differential', operation: 'importCypher' };

async function load(store: GraphStore, files: readonly string[]): Promise<ImportReport[]> {
  const reports: ImportReport[] = [];
  for (const file of files) {
    const script = fs.readFileSync(file, 'utf8');
    reports.push(await runImport(store, { script, fileName: path.basename(file), dryRun: false, meta: META }));
  }
  return reports;
}

const firstDifferentAnswer = (
  reference: ReadonlyArray<[string, unknown]>,
  other: ReadonlyArray<[string, unknown]>,
): string | undefined => {
  for (let i = 0; i < Math.max(reference.length, other.length); i++) {
    const [asked, neo] = reference[i] ?? ['<nothing>', undefined];
    const kuzu = other[i]?.[1];
    if (JSON.stringify(neo) !== JSON.stringify(kuzu))
      return `${asked}\n  neo4j: ${JSON.stringify(neo)}\n  kuzu:  ${JSON.stringify(kuzu)}`;
  }
  return undefined;
};

describe.each(GROUPS)('$name on both stores', ({ files }) => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'maillon-differential-'));
  let reports: { neo4j: ImportReport[]; kuzu: ImportReport[] };
  let graphs: { neo4j: string[]; kuzu: string[] };
  let answers: { neo4j: Array<[string, unknown]>; kuzu: Array<[string, unknown]> };

  beforeAll(async () => {
    await wipeNeo4j();
    const neo = new Neo4jStore({ logger: quietLogger, ...neo4jConnection(), queryTimeoutMs: 120_000 });
    const kuzu = new KuzuStore({ logger: quietLogger, dataDir, bufferPoolMb: 128 });
    try {
      await neo.ensureSchema();
      await kuzu.ensureSchema();
      reports = { neo4j: await load(neo, files), kuzu: await load(kuzu, files) };
      const reference = await neo4jCanonicalGraph(neo4jConnection());
      const plan = planFrom(reference);
      answers = { neo4j: await readAll(neo, plan), kuzu: await readAll(kuzu, plan) };
      await kuzu.close();
      graphs = { neo4j: reference, kuzu: await kuzuCanonicalGraph(dataDir) };
    } finally {
      await neo.close();
      await kuzu.close().catch(() => undefined);
    }
  }, 600_000);

  afterAll(async () => {
    fs.rmSync(dataDir, { recursive: true, force: true });
    await wipeNeo4j();
  });

  it('imports every file with the same report', () => {
    expect(reports.neo4j.every((r) => r.ok)).toBe(true);
    expect(reports.kuzu).toEqual(reports.neo4j);
  });

  it('holds the same graph: labels, ids, every property with its type, relationships with their ends', () => {
    expect(graphs.neo4j.length).toBeGreaterThan(0);
    const difference = firstDifference(graphs.neo4j, graphs.kuzu);
    expect(
      difference,
      difference && `line ${difference.index}\n  neo4j: ${difference.neo4j}\n  kuzu:  ${difference.kuzu}`,
    ).toBeUndefined();
  });

  it('answers search, neighbourhoods, paths, stats and red flags the same', () => {
    expect(answers.neo4j.length).toBeGreaterThan(10);
    const difference = firstDifferentAnswer(answers.neo4j, answers.kuzu);
    expect(difference, difference).toBeUndefined();
  });
});
