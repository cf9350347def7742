/**
 * Writes keep committing while reads run, however large the write-ahead log grows. Kùzu's
 * automatic checkpoint runs inside the COMMIT of the write that finds the log past its threshold
 * (16 MB by default) and waits there for reads in flight that cannot end: the write fails after
 * about 6 s, and so do the writes after it while reads keep coming. An audit append is such a
 * write: past 16 MB of log, a busy server would have refused its answers. Measured with Kùzu
 * alone (threshold 64 KB, one reader): 7 of 102 writes failed, each after about 6 s. The store
 * opens the database without automatic checkpoints and checkpoints itself, with no read running.
 */
import fs from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { KuzuStore } from '../../server/src/store/kuzu/KuzuStore.ts';
import type { ImportStatement } from '../../server/src/store/ports/GraphImport.ts';
import type { TxMeta } from '../../server/src/store/ports/read-scope.ts';
import { quietLogger } from '../support/quiet-logger.ts';

const meta: TxMeta = { user: 'test', operation: 'checkpoint-beside-reads' };
/** A read that takes a while. */
const READ = 'UNWIND range(1, 1000000) AS x RETURN sum(x) AS total';
/** Small, so that a few writes pass it. */
const THRESHOLD = 64 * 1024;

let dir: string;
const cleanups: Array<() => Promise<void>> = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
  rmSync(dir, { recursive: true, force: true });
});

/** Runs `read` on a loop until the returned stop is called. */
function readOnALoop(read: () => Promise<unknown>): () => Promise<void> {
  let reading = true;
  const loops = Array.from({ length: 2 }, async () => {
    while (reading) await read();
  });
  return async () => {
    reading = false;
    await Promise.all(loops);
  };
}

it('the store commits every write beside reads in flight and checkpoints the log itself', async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'maillon-checkpoint-beside-reads-'));
  const store = new KuzuStore({ logger: quietLogger, dataDir: dir, checkpointWalBytes: THRESHOLD });
  cleanups.push(() => store.close());
  await store.ensureSchema();
  const reader = (store as unknown as { reader: { query(cypher: string): Promise<unknown> } }).reader;
  const stop = readOnALoop(() => reader.query(READ));
  const walPath = path.join(dir, 'kuzu.wal');
  const walBytes = () => (fs.existsSync(walPath) ? fs.statSync(walPath).size : 0);
  const failures: string[] = [];
  let passedThreshold = false;
  for (let i = 0; i < 30; i++) {
    await store
      .runImport(onePerson(i), { dryRun: false, meta })
      .catch((error: unknown) => failures.push(`${i}: ${String(error)}`));
    passedThreshold ||= walBytes() > THRESHOLD;
  }
  await store.checkpointIfDue();
  await stop();
  expect(failures).toEqual([]);
  expect(passedThreshold, 'the writes took the log past the threshold').toBe(true);
  expect(walBytes()).toBeLessThanOrEqual(THRESHOLD);
  expect(await store.countNodes()).toBe(30);
}, 600_000);

/** One small import: a person with a long description, committed on its own. */
async function* onePerson(i: number): AsyncGenerator<ImportStatement> {
  const description = `Synthetic person ${i}, fictional. ${'w'.repeat(4000)}`;
  yield {
    index: 1,
    line: 1,
    column: 1,
    cypher: `CREATE (:Person {id: 'person-wal-${i}', name: 'Wal ${i}', description: '${description}', sources: ['doc-wal']});`,
  };
}
