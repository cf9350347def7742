/**
 * Issue 11: "While a long import runs, every other request waits: a read's audit
 * append queues behind the import, reaches its deadline, and the store process
 * is killed, so the read gets a 503 after 15 s and the import fails too."
 * The import here holds its transaction open (its statement stream pauses) for
 * longer than the store's deadline while reads and audit appends run beside it:
 * all of them must succeed, the database process must not be replaced, and the
 * audit chain must hold every record in order once the import is over.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { AuditTrail } from '../../server/src/audit/AuditTrail.ts';
import type { ImportStatement } from '../../server/src/store/ports/GraphImport.ts';
import type { TxMeta } from '../../server/src/store/ports/read-scope.ts';
import { KuzuProcessStore } from '../../server/src/store/kuzu/process/KuzuProcessStore.ts';
import { quietLogger } from '../support/quiet-logger.ts';

const meta: TxMeta = { user: 'test', operation: 'import-concurrent-reads' };
const statement = (index: number, cypher: string): ImportStatement => ({ index, cypher, line: index, column: 1 });
/** Kùzu's query timeout; the parent kills a call silent for this plus 5 s. */
const QUERY_TIMEOUT_MS = 1_000;
const PAST_THE_DEADLINE_MS = QUERY_TIMEOUT_MS + 5_000 + 1_500;

let dir: string;
let store: KuzuProcessStore | undefined;

afterEach(async () => {
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

it('reads and audit appends succeed during a long import, and nothing is killed', async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'maillon-import-reads-'));
  const s = new KuzuProcessStore({ logger: quietLogger, dataDir: dir, queryTimeoutMs: QUERY_TIMEOUT_MS });
  store = s;
  await s.ensureSchema();
  await s.runImport([statement(1, "CREATE (:Person {id: 'p1', name: 'Ada'})")], { dryRun: false, meta });
  const pid = s.childPid;

  let release: () => void = () => undefined;
  const released = new Promise<void>((resolve) => (release = resolve));
  let started: () => void = () => undefined;
  const running = new Promise<void>((resolve) => (started = resolve));
  // More statements than one batch across the process boundary (import-feed.ts), so that the
  // first batch runs while the stream waits.
  const FIRST = 300;
  async function* longImport(): AsyncGenerator<ImportStatement> {
    for (let i = 1; i <= FIRST; i++) yield statement(i, `CREATE (:Person {id: 'long-${i}', name: 'L ${i}'})`);
    await released;
    yield statement(FIRST + 1, "CREATE (:Person {id: 'p3', name: 'Edsger'})");
  }
  const importing = s.runImport(longImport(), { dryRun: false, meta, onProgress: () => started() });
  await running;

  const trail = new AuditTrail({ logger: quietLogger, store: s });
  const entry = (n: number) => ({
    user: 'alice',
    role: 'ANALYST',
    operation: 'entity',
    purpose: `read ${n}`,
    entityIds: ['p1'],
    outcome: 'OK',
    requestId: `r-${n}`,
    clientAddress: 'test',
  });
  const reads = Array.from({ length: 5 }, async (_, n) => {
    const [record] = await Promise.all([trail.record(entry(n)), s.getEntities(['p1'], meta)]);
    return record.seq;
  });
  expect((await Promise.all(reads)).sort()).toEqual([1, 2, 3, 4, 5]);
  expect((await s.getEntities(['p1'], meta))[0]).toMatchObject({ name: 'Ada' });
  // Still running well past the deadline a queued call would have had.
  await new Promise((resolve) => setTimeout(resolve, PAST_THE_DEADLINE_MS));
  release();

  expect(await importing).toMatchObject({ statements: FIRST + 1, nodesCreated: FIRST + 1 });
  expect(s.childPid).toBe(pid);
  const chain = await s.readAuditChain(0, 100);
  expect(chain.map((r) => r.seq)).toEqual([1, 2, 3, 4, 5]);
  expect((await s.lastAudit())?.seq).toBe(5);
  // Appends after the import go straight to the table again, continuing the chain.
  expect((await trail.record(entry(6))).seq).toBe(6);
  expect((await s.readAuditChain(5, 10)).map((r) => r.seq)).toEqual([6]);
}, 120_000);
