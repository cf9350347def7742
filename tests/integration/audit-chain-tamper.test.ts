/**
 * The chain against the real embedded store: records written through the audit
 * trail verify; one byte changed in one stored record, directly in the Kùzu
 * database, is detected and named by seq, and `npm run audit -- verify` exits 1.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAuditCommand } from '../../server/src/audit/audit-command.ts';
import { AuditTrail } from '../../server/src/audit/AuditTrail.ts';
import { verifyAuditChain } from '../../server/src/audit/verify-chain.ts';
import { KuzuStore } from '../../server/src/store/kuzu/KuzuStore.ts';

const run = promisify(execFile);
let dataDir: string;

async function withStore<T>(use: (store: KuzuStore) => Promise<T>): Promise<T> {
  const store = new KuzuStore({ dataDir, bufferPoolMb: 64 });
  try {
    await store.ensureSchema();
    return await use(store);
  } finally {
    await store.close();
  }
}

/**
 * Runs one statement on the database file itself, as someone with disk access would.
 * It runs in a separate process: Kùzu 0.11.3 can crash the process that reopens a
 * database when results of an earlier connection are collected late, and a crash here
 * must not take the test worker with it.
 */
async function onDisk(statement: string): Promise<Record<string, unknown>[]> {
  const script = `
    import kuzu from 'kuzu';
    const database = new kuzu.Database(process.argv[1], 64 * 1024 * 1024);
    const connection = new kuzu.Connection(database);
    const result = await connection.query(process.argv[2]);
    const rows = result.getAllSync();
    result.close();
    // Into the database file itself, not only the write-ahead log.
    (await connection.query('CHECKPOINT')).close();
    await connection.close();
    await database.close();
    process.stdout.write(JSON.stringify(rows));
  `;
  const { stdout } = await run(
    process.execPath,
    ['--input-type=module', '-e', script, path.join(dataDir, 'kuzu'), statement],
    {
      cwd: path.resolve(import.meta.dirname, '../..'),
    },
  );
  return JSON.parse(stdout) as Record<string, unknown>[];
}

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'maillon-chain-'));
  await withStore(async (store) => {
    const trail = new AuditTrail({ store });
    for (let i = 1; i <= 6; i++) {
      await trail.record({
        user: 'alice',
        role: 'INVESTIGATOR',
        operation: 'entity',
        purpose: `CASE-${i}0`,
        entityIds: [`person-${i}`],
        outcome: 'OK',
        requestId: `req-${i}`,
        clientAddress: '127.0.0.1',
        details: { fields: ['entity'] },
      });
    }
  });
});
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describe('audit chain on disk', () => {
  it('verifies as written', async () => {
    expect(await withStore((store) => verifyAuditChain(store, 4))).toMatchObject({ ok: true, records: 6 });
  });

  it('detects one flipped byte in one stored record and names its seq', async () => {
    const [row] = await onDisk('MATCH (a:MaillonAudit) WHERE a.seq = 4 RETURN a.purpose AS purpose');
    expect(row?.purpose).toBe('CASE-40');
    await onDisk("MATCH (a:MaillonAudit) WHERE a.seq = 4 SET a.purpose = 'CASE-41'");

    expect(await withStore((store) => verifyAuditChain(store, 4))).toMatchObject({
      ok: false,
      brokenSeq: 4,
      records: 3,
    });
    const lines: string[] = [];
    const code = await withStore((store) => runAuditCommand({ args: ['verify'], store, out: (l) => lines.push(l) }));
    expect(code).toBe(1);
    expect(lines.join('\n')).toMatch(/BROKEN at record seq 4/);
  });

  it('detects a deleted record', async () => {
    await onDisk('MATCH (a:MaillonAudit) WHERE a.seq = 2 DELETE a');
    expect(await withStore((store) => verifyAuditChain(store))).toMatchObject({ ok: false, brokenSeq: 3 });
  });
});
