/**
 * All or nothing, and dry runs: the graph digest (sorted nodes and relationships,
 * read from the database files) is the same before and after a refused file and a
 * dry run, wherever the problem sits in the file.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runImport } from '../../server/src/import/run-import.ts';
import { KuzuProcessStore } from '../../server/src/store/kuzu/process/KuzuProcessStore.ts';
import type { TxMeta } from '../../server/src/store/ports/read-scope.ts';
import { graphDigest, readFixture, tempDataDir } from './import-helpers.ts';
import { writeCreateFile } from './import-generate.ts';
import { quietLogger } from '../support/quiet-logger.ts';

const meta: TxMeta = { user: 'import-test', operation: 'importCypher' };

describe('import atomicity on the embedded store', () => {
  let dataDir: string;
  let store: KuzuProcessStore | undefined;
  let baseline: { digest: string; nodes: number; relationships: number };

  const withStore = async <T>(work: (s: KuzuProcessStore) => Promise<T>): Promise<T> => {
    store = new KuzuProcessStore({ logger: quietLogger, dataDir, queryTimeoutMs: 120_000 });
    await store.ensureSchema();
    try {
      return await work(store);
    } finally {
      await store.close();
      store = undefined;
    }
  };

  beforeAll(async () => {
    dataDir = tempDataDir();
    const report = await withStore((s) =>
      runImport(s, { script: readFixture('seed-style.valid.cypher'), dryRun: false, meta }),
    );
    expect(report.ok).toBe(true);
    baseline = await graphDigest(dataDir);
    expect(baseline.nodes).toBe(4);
  });
  afterAll(async () => {
    await store?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('a dry run reports what it would create and changes nothing', async () => {
    const report = await withStore((s) =>
      runImport(s, { script: readFixture('unwind-batches.valid.cypher'), dryRun: true, meta }),
    );
    expect(report).toMatchObject({ ok: true, dryRun: true, nodesCreated: 6, relationshipsCreated: 4, errors: [] });
    expect(await graphDigest(dataDir)).toEqual(baseline);
  });

  it('a model error in statement 700 refuses the whole file before anything runs', async () => {
    const file = writeCreateFile({
      path: path.join(dataDir, '..', `${path.basename(dataDir)}-700.cypher`),
      rows: 800,
      brokenAt: 700,
    });
    const script = fs.readFileSync(file.path, 'utf8');
    fs.rmSync(file.path);
    const report = await withStore((s) => runImport(s, { script, dryRun: false, meta }));
    expect(report.ok).toBe(false);
    expect(report.errors).toEqual([
      expect.objectContaining({
        statement: 700,
        line: 700,
        column: 10,
        message: expect.stringMatching(/^Unknown label Ghost/),
      }),
    ]);
    expect(await graphDigest(dataDir)).toEqual(baseline);
  });

  it('a duplicate id met while running rolls back the statements before it', async () => {
    const script =
      "CREATE (:Person {id: 'dup-1', name: 'A'});\nCREATE (:Person {id: 'dup-2', name: 'B'});\nCREATE (:Person {id: 'fx-p1', name: 'Clash with the baseline'});\n";
    const report = await withStore((s) => runImport(s, { script, dryRun: false, meta }));
    expect(report.ok).toBe(false);
    expect(report.errors[0]).toMatchObject({ statement: 3, line: 3, column: 1 });
    // The message says what went wrong, never a stored value (the clashing id is one).
    expect(report.errors[0]?.message).not.toContain('fx-p1');
    expect(report.errors[0]?.message).toMatch(/refused/i);
    expect(await graphDigest(dataDir)).toEqual(baseline);
  });

  it('the report carries the sha256 of the script', async () => {
    const script = readFixture('kuzu-load-from.invalid.cypher');
    const report = await withStore((s) => runImport(s, { script, dryRun: false, meta }));
    const { createHash } = await import('node:crypto');
    expect(report.sha256).toBe(createHash('sha256').update(script).digest('hex'));
  });
});
