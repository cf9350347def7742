/**
 * Every fixture under tests/fixtures/import through the real pipeline and the
 * store under test (the embedded store, or Neo4j in the `neo4j` project): valid styles load with the exact counts in their header (and
 * the graph read back from the database files has them); each refusal class is
 * refused with the exact statement, line, column and message, and the graph
 * digest after all of them equals the digest before.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportReport } from '../../server/src/import/types.ts';
import { runImport } from '../../server/src/import/run-import.ts';
import { createHash } from 'node:crypto';
import type { GraphStore } from '../../server/src/store/GraphStore.ts';
import type { TxMeta } from '../../server/src/store/ports/read-scope.ts';
import { KuzuProcessStore } from '../../server/src/store/kuzu/process/KuzuProcessStore.ts';
import { Neo4jStore } from '../../server/src/store/neo4j/Neo4jStore.ts';
import { neo4jCanonicalGraph } from '../support/canonical-graph.ts';
import { neo4jConnection, onNeo4j, wipeNeo4j } from '../support/store-under-test.ts';
import { graphDigest, readFixture, readFixtures, tempDataDir } from './import-helpers.ts';
import { quietLogger } from '../support/quiet-logger.ts';

const meta: TxMeta = { user: 'import-test', operation: 'importCypher' };
const fixtures = readFixtures();
const valid = fixtures.filter((f) => f.valid);
const invalid = fixtures.filter((f) => !f.valid);

const openStore = (dataDir: string): GraphStore =>
  onNeo4j
    ? new Neo4jStore({ logger: quietLogger, ...neo4jConnection(), queryTimeoutMs: 120_000 })
    : new KuzuProcessStore({ logger: quietLogger, dataDir, queryTimeoutMs: 120_000 });

/** The graph read from the database itself, with the store closed: Kùzu's files, or Neo4j over Bolt. */
async function digest(dataDir: string): Promise<Awaited<ReturnType<typeof graphDigest>>> {
  if (!onNeo4j) return graphDigest(dataDir);
  const lines = await neo4jCanonicalGraph(neo4jConnection());
  return {
    digest: createHash('sha256').update(lines.join('\n')).digest('hex'),
    nodes: lines.filter((l) => l.startsWith('N ')).length,
    relationships: lines.filter((l) => l.startsWith('R ')).length,
  };
}

async function importAll(dataDir: string, files: readonly string[]): Promise<Map<string, ImportReport>> {
  const store = openStore(dataDir);
  await store.ensureSchema();
  try {
    const reports = new Map<string, ImportReport>();
    for (const file of files) {
      reports.set(file, await runImport(store, { script: readFixture(file), fileName: file, dryRun: false, meta }));
    }
    return reports;
  } finally {
    await store.close();
  }
}

describe('import fixtures on the store under test', { timeout: 300_000 }, () => {
  let dataDir: string;
  const digests: Array<Awaited<ReturnType<typeof graphDigest>>> = [];
  let validReports: Map<string, ImportReport>;
  let invalidReports: Map<string, ImportReport>;

  beforeAll(async () => {
    dataDir = tempDataDir();
    if (onNeo4j) await wipeNeo4j();
    await importAll(dataDir, []);
    digests.push(await digest(dataDir));
    validReports = await importAll(
      dataDir,
      valid.map((f) => f.file),
    );
    digests.push(await digest(dataDir));
    invalidReports = await importAll(
      dataDir,
      invalid.map((f) => f.file),
    );
    digests.push(await digest(dataDir));
  }, 600_000);
  afterAll(async () => {
    fs.rmSync(dataDir, { recursive: true, force: true });
    if (onNeo4j) await wipeNeo4j();
  });

  it('has a fixture for every class, each with its expectation', () => {
    expect(valid.length).toBeGreaterThanOrEqual(4);
    expect(invalid.map((f) => f.file)).toEqual(
      expect.arrayContaining([
        'syntax-error.invalid.cypher',
        'kuzu-load-from.invalid.cypher',
        'duplicate-id.invalid.cypher',
      ]),
    );
    for (const f of fixtures) expect(f.valid ? f.nodes : f.error, f.file).toBeDefined();
  });

  for (const fixture of valid) {
    it(`loads ${fixture.file} with exact counts`, () => {
      const report = validReports.get(fixture.file);
      expect(report?.errors).toEqual([]);
      expect(report).toMatchObject({
        ok: true,
        nodesCreated: fixture.nodes,
        relationshipsCreated: fixture.relationships,
      });
    });
  }

  it('the graph read back holds exactly what the valid files reported', () => {
    const [empty, loaded] = digests;
    expect(loaded?.nodes).toBe((empty?.nodes ?? 0) + valid.reduce((sum, f) => sum + (f.nodes ?? 0), 0));
    expect(loaded?.relationships).toBe(
      (empty?.relationships ?? 0) + valid.reduce((sum, f) => sum + (f.relationships ?? 0), 0),
    );
  });

  for (const fixture of invalid) {
    it(`refuses ${fixture.file} at the exact statement, line, column, with the message`, () => {
      const report = invalidReports.get(fixture.file);
      const expected = fixture.error;
      expect(report?.ok).toBe(false);
      expect(report?.errors[0]).toMatchObject({
        statement: expected?.statement,
        line: expected?.line,
        column: expected?.column,
      });
      expect(report?.errors[0]?.message.startsWith(expected?.message ?? '?'), report?.errors[0]?.message).toBe(true);
    });
  }

  it('leaves the graph exactly as it was after every refused file', () => {
    expect(digests[2]).toEqual(digests[1]);
  });
});
