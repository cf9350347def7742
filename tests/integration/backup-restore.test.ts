/**
 * `npm run backup` and `npm run restore` on a real Kùzu, through the CLIs as an
 * admin runs them: refused while a server holds the store, a restored copy with
 * the same counts whose audit chain `npm run audit -- verify` accepts, a tampered
 * backup refused naming the file, and a record deleted from the restored files
 * found by the verification.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MANIFEST_NAME, type BackupManifest } from '../../server/src/backup/manifest.ts';
import { onDisk } from '../helpers/kuzu-on-disk.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';
import { graphDigest } from './import-helpers.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function cli(name: 'backup' | 'restore' | 'audit', args: string[], dataDir: string): Promise<Run> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'server/src/cli', `${name}.ts`), ...args], {
    cwd: ROOT,
    env: { ...process.env, MAILLON_DATA_DIR: dataDir, NEO4J_URI: '', LOG_LEVEL: 'error' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

let server: TestServer | undefined;
let dataDir: string;
let work: string;

beforeAll(async () => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'maillon-backup-'));
  server = await startTestServer({ seed: 'demo' });
  dataDir = server.dataDir;
  // Real reads, each writing its audit record.
  const token = await server.adminToken();
  for (const query of ['lulu', 'ferat', 'port']) {
    const answer = await server.gql(`{ search(query: "${query}") { matched } }`, {}, { token, purpose: 'CASE-1' });
    expect(answer.status).toBe(200);
  }
}, 120_000);
afterAll(async () => {
  await server?.stop();
  fs.rmSync(work, { recursive: true, force: true });
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('backup and restore of the embedded store', () => {
  it('refuses a backup while a server holds the store, naming the process', async () => {
    const refused = await cli('backup', [path.join(work, 'busy')], dataDir);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/is open in another process:\n {4}pid \d+/);
    expect(refused.stderr).toContain('Stop the server');
    expect(fs.existsSync(path.join(work, 'busy'))).toBe(false);
  });

  it('backs up, restores into a new folder with the same counts, and the audit chain verifies', async () => {
    // Stops the server but keeps its data directory (stop() would remove it).
    await server?.running.stop();
    const backup = path.join(work, 'backup');
    const made = await cli('backup', [backup], dataDir);
    expect(made.stderr + made.stdout).toContain('backed up');
    expect(made.code).toBe(0);
    const manifest = JSON.parse(fs.readFileSync(path.join(backup, MANIFEST_NAME), 'utf8')) as BackupManifest;
    expect(manifest.counts.auditRecords).toBeGreaterThanOrEqual(3);
    expect(manifest.auditHead.seq).toBe(manifest.counts.auditRecords);

    const restoredDir = path.join(work, 'restored');
    const restored = await cli('restore', [backup], restoredDir);
    expect(restored.stderr + restored.stdout).toContain('audit chain intact');
    expect(restored.code).toBe(0);
    const original = await graphDigest(dataDir);
    const copy = await graphDigest(restoredDir);
    expect(copy).toEqual(original);
    // The manifest counts every table, users and audit records included.
    const [all] = await onDisk(restoredDir, 'MATCH (n) RETURN count(n) AS c');
    expect(Number(all?.c)).toBe(manifest.counts.nodes);
    expect(manifest.counts.nodes).toBeGreaterThan(copy.nodes);

    const verified = await cli('audit', ['verify'], restoredDir);
    expect(verified.stdout).toContain(`audit chain intact: ${manifest.counts.auditRecords} records`);
    expect(verified.code).toBe(0);

    const again = await cli('restore', [backup], restoredDir);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('--force');

    await onDisk(restoredDir, 'MATCH (a:MaillonAudit) WHERE a.seq = 2 DELETE a');
    const broken = await cli('audit', ['verify'], restoredDir);
    expect(broken.code).toBe(1);
    expect(broken.stdout).toContain('record seq 2 is missing');
  }, 180_000);

  it('refuses a tampered backup naming the file, and writes nothing', async () => {
    const backup = path.join(work, 'backup');
    const journal = path.join(backup, 'audit-journal.jsonl');
    const file = fs.existsSync(journal) ? journal : path.join(backup, 'kuzu');
    fs.appendFileSync(file, 'x');
    const target = path.join(work, 'from-tampered');
    const refused = await cli('restore', [backup], target);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(`${path.basename(file)} does not match its sha256`);
    expect(fs.existsSync(target) && fs.readdirSync(target).length > 0).toBe(false);
  }, 120_000);
});
