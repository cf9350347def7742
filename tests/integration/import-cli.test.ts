/**
 * The import CLI as an admin runs it: exit codes, the report on stdout, progress
 * on stderr, a clear refusal while another process holds the embedded store, and
 * a process killed with SIGKILL half-way that leaves the graph exactly as it was.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KuzuProcessStore } from '../../server/src/store/kuzu/process/KuzuProcessStore.ts';
import { FIXTURES, graphDigest, tempDataDir } from './import-helpers.ts';
import { writeUnwindFile } from './import-generate.ts';
import { quietLogger } from '../support/quiet-logger.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const CLI = path.join(ROOT, 'server/src/cli/import.ts');

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function start(args: string[], dataDir: string): { child: ChildProcess; done: Promise<Run> } {
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, ...args], {
    cwd: ROOT,
    env: { ...process.env, MAILLON_DATA_DIR: dataDir, NEO4J_URI: '', LOG_LEVEL: 'error' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const done = new Promise<Run>((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
  return { child, done };
}

const run = (args: string[], dataDir: string): Promise<Run> => start(args, dataDir).done;

/** The database child of a killed CLI closes on its own; wait until the files can be opened again. */
async function digestWhenReleased(dataDir: string): Promise<Awaited<ReturnType<typeof graphDigest>>> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      return await graphDigest(dataDir);
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

describe('npm run import', { timeout: 300_000 }, () => {
  let dataDir: string;
  let workDir: string;

  beforeAll(async () => {
    dataDir = tempDataDir();
    workDir = tempDataDir();
    const first = await run([path.join(FIXTURES, 'seed-style.valid.cypher')], dataDir);
    expect(first.stderr).not.toMatch(/error/i);
    expect(first.code).toBe(0);
  });
  afterAll(() => {
    fs.rmSync(dataDir, { recursive: true, force: true });
    fs.rmSync(workDir, { recursive: true, force: true });
  });

  it('exits 0 with a JSON report of exact counts', async () => {
    const result = await run([path.join(FIXTURES, 'unwind-batches.valid.cypher'), '--json'], dataDir);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({
      ok: true,
      dryRun: false,
      statements: 4,
      nodesCreated: 6,
      relationshipsCreated: 4,
    });
    // Issue 11: a large import says how much memory it took, the database's process included.
    const peak =
      /peak memory ([\d.]+) (MB|GB) \(this process [\d.]+ (MB|GB), database process(es)? [\d.]+ (MB|GB)\)/.exec(
        result.stderr,
      );
    expect(peak, result.stderr).not.toBeNull();
    expect(Number(peak?.[1])).toBeGreaterThan(0);
  });

  it('exits 1 on a refused file, names file:line:column and changes nothing', async () => {
    const before = await graphDigest(dataDir);
    const file = path.join(FIXTURES, 'kuzu-load-from.invalid.cypher');
    const result = await run([file], dataDir);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('REFUSED. Nothing was changed.');
    expect(result.stdout).toContain(`${file}:4:1 (statement 2): LOAD is not allowed in an import`);
    expect(await graphDigest(dataDir)).toEqual(before);
  });

  it('a dry run exits 0, says what it would create and changes nothing', async () => {
    const before = await graphDigest(dataDir);
    const result = await run([path.join(FIXTURES, 'merge-style.valid.cypher'), '--dry-run'], dataDir);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('would create 3 nodes and 2 relationships');
    expect(await graphDigest(dataDir)).toEqual(before);
  });

  it('exits 2 with usage for a missing file', async () => {
    const result = await run([path.join(workDir, 'missing.cypher')], dataDir);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('no such file');
  });

  it('refuses clearly while another process holds the embedded store', async () => {
    const holder = new KuzuProcessStore({ logger: quietLogger, dataDir });
    await holder.ensureSchema();
    try {
      const result = await run([path.join(FIXTURES, 'seed-style.valid.cypher')], dataDir);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('is in use by another process');
      expect(result.stderr).toContain(`pid ${holder.childPid}`);
      expect(result.stderr).toContain('importCypher mutation');
    } finally {
      await holder.close();
    }
  });

  it('records every import, refused ones included, in the audit trail', async () => {
    const store = new KuzuProcessStore({ logger: quietLogger, dataDir });
    await store.ensureSchema();
    try {
      const records = await store.queryAudit({ limit: 50 });
      const imports = records.filter((r) => r.operation.startsWith('importCypher'));
      const details = imports.map((r) => JSON.parse(r.details) as Record<string, unknown>);
      expect(details).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ fileName: 'seed-style.valid.cypher', statements: 7, nodesCreated: 4 }),
          expect.objectContaining({ fileName: 'kuzu-load-from.invalid.cypher', statements: 2, errors: 1 }),
        ]),
      );
      const refused = imports.find((r) => r.details.includes('kuzu-load-from'));
      expect(refused?.outcome).toBe('REJECTED');
      expect(refused?.details).toMatch(/"sha256":"[0-9a-f]{64}"/);
      expect(refused?.user).toMatch(/^cli:/);
    } finally {
      await store.close();
    }
  });

  it('streams a file many batch windows long into one transaction, with exact counts', async () => {
    // 1,210 statements: several times the 256 statements the CLI sends the database process at once.
    const file = writeUnwindFile({ path: path.join(workDir, 'long.cypher'), rows: 12_000, batch: 10, prefix: 'long' });
    const rels = Array.from({ length: 10 }, (_, s) => {
      const rows = Array.from(
        { length: 100 },
        (_, i) => `{a: 'long-${s * 100 + i}', b: 'long-${(s * 100 + i + 1) % 12_000}'}`,
      );
      return `UNWIND [${rows.join(', ')}] AS row MATCH (a:Person {id: row.a}), (b:Person {id: row.b}) CREATE (a)-[:ASSOCIATE_OF]->(b);\n`;
    });
    fs.appendFileSync(file.path, rels.join(''));
    const result = await run([file.path, '--json'], dataDir);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({
      ok: true,
      statements: file.statements + rels.length,
      nodesCreated: 12_000,
      relationshipsCreated: 1_000,
    });
    expect(result.stderr).toMatch(/running: 1,210\/1,210 statements/);
  });

  it('shows progress on stderr and, killed half-way, leaves the graph as it was', async () => {
    const before = await graphDigest(dataDir);
    const file = writeUnwindFile({ path: path.join(workDir, 'big.cypher'), rows: 150_000, batch: 500, prefix: 'kill' });
    const { child, done } = start([file.path], dataDir);
    let stderr = '';
    await new Promise<void>((resolve, reject) => {
      child.stderr?.on('data', (d: Buffer) => {
        stderr += d.toString();
        if (/running: [1-9][\d,]*\/[\d,]+ statements/.test(stderr)) resolve();
      });
      child.on('close', () => reject(new Error(`the import ended before it was killed:\n${stderr}`)));
    });
    expect(stderr).toMatch(/validating: [\d,]+ statements \| [\d.]+% \| [\d,]+ statements\/s/);
    expect(stderr).toMatch(/running: [\d,]+\/300 statements \| [\d.]+% \| [\d,]+ statements\/s/);
    child.kill('SIGKILL');
    await done;
    expect(await digestWhenReleased(dataDir)).toEqual(before);
  });
});
