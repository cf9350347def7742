/**
 * npm run export as an admin runs it on the server: it writes the file only when it is whole
 * (no partial file left beside it), never replaces an existing file without --force, shows
 * progress on stderr, and leaves a record in the audit trail naming the file's digest.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES } from '../helpers/test-server.ts';
import { emptyEmbeddedStore, importFiles, type EmbeddedStore } from '../support/export-stores.ts';
import { KuzuStore } from '../../server/src/store/kuzu/KuzuStore.ts';
import { quietLogger } from '../support/quiet-logger.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const CLI = path.join(ROOT, 'server/src/cli/export.ts');

let source: EmbeddedStore;
let outDir: string;

beforeAll(async () => {
  source = await emptyEmbeddedStore();
  await importFiles(source.store, [FIXTURES.smallGraph]);
  await source.close();
  outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'maillon-export-out-'));
}, 120_000);
afterAll(() => {
  source?.remove();
  if (outDir) fs.rmSync(outDir, { recursive: true, force: true });
});

function exportCli(args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', CLI, ...args], {
    cwd: ROOT,
    env: { ...process.env, MAILLON_DATA_DIR: source.dataDir, NEO4J_URI: '', LOG_LEVEL: 'error' },
    encoding: 'utf8',
    timeout: 120_000,
  });
}

const sha256 = (file: string): string => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

describe('npm run export', () => {
  it('writes the whole graph, with progress on stderr, and records itself in the audit trail', async () => {
    const out = path.join(outDir, 'all.cypher');
    const run = exportCli([out, '--user', 'cli:test-admin']);
    expect(run.stderr).toMatch(/exporting: 70 nodes, 70 relationships/);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('70 nodes, 70 relationships');
    expect(fs.readdirSync(outDir)).toEqual(['all.cypher']);
    // The CLI reads everything, identities included: it is a server-side admin tool.
    expect(fs.readFileSync(out, 'utf8')).toContain('IDENTIFIES_AS');

    const store = new KuzuStore({ logger: quietLogger, dataDir: source.dataDir, bufferPoolMb: 128 });
    try {
      const [record] = await store.queryAudit({ limit: 1 });
      expect(record).toMatchObject({ user: 'cli:test-admin', operation: 'exportCypher', clientAddress: 'cli' });
      expect(JSON.parse(record?.details ?? '{}')).toMatchObject({ sha256: sha256(out), nodes: 70, relationships: 70 });
      expect(record?.entityIds).toEqual(expect.arrayContaining(['informant-heron', 'rel-heron-marc']));
    } finally {
      await store.close();
    }
  }, 180_000);

  it('refuses to replace an existing file unless --force, and leaves it untouched', () => {
    const out = path.join(outDir, 'existing.cypher');
    fs.writeFileSync(out, 'precious');
    const refused = exportCli([out, '--ids', 'person-lucien']);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('already exists; nothing was written');
    expect(fs.readFileSync(out, 'utf8')).toBe('precious');

    const forced = exportCli([out, '--ids', 'person-lucien', '--depth', '1', '--force']);
    expect(forced.status).toBe(0);
    expect(fs.readFileSync(out, 'utf8')).toContain('the neighbourhood of person-lucien to depth 1');
    expect(fs.readdirSync(outDir).filter((f) => f.endsWith('.partial'))).toEqual([]);
  }, 180_000);

  it('writes nothing for an unknown id or bad arguments', () => {
    const out = path.join(outDir, 'none.cypher');
    const unknown = exportCli([out, '--ids', 'nobody-here']);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain('No entity has the id "nobody-here"');
    expect(exportCli([out, '--depth', '2']).status).toBe(1);
    expect(fs.existsSync(out)).toBe(false);
    expect(fs.readdirSync(outDir).filter((f) => f.endsWith('.partial'))).toEqual([]);
  }, 180_000);
});
