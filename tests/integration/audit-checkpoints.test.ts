/**
 * Signed checkpoints against someone who can write the database files: a
 * removed tail (which the hash chain alone cannot see) and a removed record in
 * the middle are both found by `npm run audit -- verify`, which names the first
 * missing record. The key is refused under the data directory.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAuditCommand } from '../../server/src/audit/audit-command.ts';
import { AuditTrail } from '../../server/src/audit/AuditTrail.ts';
import type { KuzuStore } from '../../server/src/store/kuzu/KuzuStore.ts';
import { onDisk, withStore } from '../helpers/kuzu-on-disk.ts';
import { quietLogger } from '../support/quiet-logger.ts';

let dataDir: string;
let keyDir: string;
let key: string;

async function record(store: KuzuStore, from: number, to: number): Promise<void> {
  const trail = new AuditTrail({ logger: quietLogger, store });
  for (let i = from; i <= to; i++) {
    await trail.record({
      user: 'alice',
      role: 'INVESTIGATOR',
      operation: 'entity',
      purpose: `CASE-${i}`,
      entityIds: [`person-${i}`],
      outcome: 'OK',
      requestId: `req-${i}`,
      clientAddress: '127.0.0.1',
    });
  }
}

async function audit(...args: string[]): Promise<{ code: number; output: string }> {
  return withStore(dataDir, async (store) => {
    const lines: string[] = [];
    const code = await runAuditCommand({ args, store, out: (l) => lines.push(l), env: {}, dataDir });
    return { code, output: lines.join('\n') };
  });
}

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'maillon-checkpoint-data-'));
  keyDir = fs.mkdtempSync(path.join(os.tmpdir(), 'maillon-checkpoint-key-'));
  key = path.join(keyDir, 'audit-signing.key');
  await withStore(dataDir, (store) => record(store, 1, 4));
});
afterAll(() => {
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.rmSync(keyDir, { recursive: true, force: true });
});

describe('signed checkpoints of the audit chain', () => {
  it('refuses a key under the data directory, and creates one outside it', async () => {
    const inside = await audit('keygen', '--key', path.join(dataDir, 'key'));
    expect(inside.code).toBe(2);
    expect(inside.output).toContain('MAILLON_DATA_DIR');
    expect((await audit('keygen', '--key', key)).code).toBe(0);
    expect(fs.statSync(key).mode & 0o077).toBe(0);
    expect((await audit('keygen', '--key', key)).code).toBe(2);
  });

  it('signs the head twice and verifies against both checkpoints', async () => {
    expect((await audit('checkpoint', '--key', key)).output).toContain('seq 4');
    await withStore(dataDir, (store) => record(store, 5, 6));
    expect((await audit('checkpoint', '--key', key)).output).toContain('seq 6');
    const verified = await audit('verify', '--key', key);
    expect(verified).toEqual({ code: 0, output: expect.stringContaining('2 signed checkpoints match the chain') });
  });

  it('detects a forged checkpoint', async () => {
    const file = `${key}.checkpoints.jsonl`;
    const original = fs.readFileSync(file, 'utf8');
    const [first] = original.split('\n');
    const forged = { ...(JSON.parse(first ?? '{}') as object), seq: 2 };
    fs.writeFileSync(file, `${JSON.stringify(forged)}\n`);
    expect((await audit('verify', '--key', key)).output).toContain('bad signature');
    fs.writeFileSync(file, original);
  });

  it('detects a removed tail, which the chain alone does not', async () => {
    await onDisk(dataDir, 'MATCH (a:MaillonAudit) WHERE a.seq = 6 DELETE a');
    expect((await audit('verify')).code).toBe(0);
    const verified = await audit('verify', '--key', key);
    expect(verified.code).toBe(1);
    expect(verified.output).toMatch(/record seq 6, signed at .* is missing/);
  });

  it('names the first missing record when one in the middle is removed', async () => {
    await onDisk(dataDir, 'MATCH (a:MaillonAudit) WHERE a.seq = 3 DELETE a');
    const verified = await audit('verify', '--key', key);
    expect(verified.code).toBe(1);
    expect(verified.output).toContain('record seq 3 is missing');
  });
});
