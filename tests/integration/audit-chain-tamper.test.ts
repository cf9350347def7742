/**
 * The chain against the real embedded store: records written through the audit
 * trail verify; one byte changed in one stored record, directly in the Kùzu
 * database, is detected and named by seq, and `npm run audit -- verify` exits 1.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAuditCommand } from '../../server/src/audit/audit-command.ts';
import { AuditTrail } from '../../server/src/audit/AuditTrail.ts';
import { verifyAuditChain } from '../../server/src/audit/verify-chain.ts';
import type { KuzuStore } from '../../server/src/store/kuzu/KuzuStore.ts';
import { onDisk as onDiskIn, withStore as withStoreIn } from '../helpers/kuzu-on-disk.ts';
import { quietLogger } from '../support/quiet-logger.ts';

let dataDir: string;
const withStore = <T>(use: (store: KuzuStore) => Promise<T>) => withStoreIn(dataDir, use);
const onDisk = (statement: string) => onDiskIn(dataDir, statement);

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'maillon-chain-'));
  await withStore(async (store) => {
    const trail = new AuditTrail({ logger: quietLogger, store });
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
