import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ErrorCode, MaillonError } from '../../server/src/errors.ts';
import { KuzuProcessStore } from '../../server/src/store/kuzu/process/KuzuProcessStore.ts';
import type { TxMeta } from '../../server/src/store/ports/read-scope.ts';
import { quietLogger } from '../support/quiet-logger.ts';

const meta: TxMeta = { user: 'test', operation: 'kuzu-process-test' };
const statement = (index: number, cypher: string) => ({ index, cypher, line: index, column: 1 });

async function waitUntilServing(store: KuzuProcessStore, withinMs: number): Promise<void> {
  const deadline = Date.now() + withinMs;
  for (;;) {
    try {
      await store.ping();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

const codeOf = (error: unknown): string | undefined => (error instanceof MaillonError ? error.code : undefined);

describe('the embedded store in its own process', () => {
  let dir: string;
  let store: KuzuProcessStore | undefined;

  afterEach(async () => {
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function open(memoryLimitMb = 4096): Promise<KuzuProcessStore> {
    dir = mkdtempSync(path.join(tmpdir(), 'maillon-proc-'));
    store = new KuzuProcessStore({ logger: quietLogger, dataDir: dir, memoryLimitMb, queryTimeoutMs: 60_000 });
    await store.ensureSchema();
    return store;
  }

  it('answers like the in-process store', async () => {
    const s = await open();
    await s.runImport([statement(1, "CREATE (:Person {id: 'p1', name: 'Ada', sources: []})")], { dryRun: false, meta });
    const [ada] = await s.getEntities(['p1'], meta);
    expect(ada).toMatchObject({ id: 'p1', label: 'Person', name: 'Ada' });
  });

  it('reports import progress across the process boundary', async () => {
    const s = await open();
    const seen: number[] = [];
    await s.runImport(
      [
        statement(1, "CREATE (:Person {id: 'a', name: 'A', sources: []})"),
        statement(2, "CREATE (:Person {id: 'b', name: 'B', sources: []})"),
      ],
      { dryRun: false, meta, onProgress: (done) => seen.push(done) },
    );
    expect(seen.at(-1)).toBe(2);
  });

  it('streams an import of many batches across the process boundary, holding only a window of it', async () => {
    const s = await open();
    const total = 1_200;
    let read = 0;
    let maxAhead = 0;
    let done = 0;
    async function* source(): AsyncGenerator<ReturnType<typeof statement>> {
      for (let i = 1; i <= total; i++) {
        read = i;
        maxAhead = Math.max(maxAhead, read - done);
        yield statement(i, `CREATE (:Person {id: 'stream-${i}', name: 'S ${i}', sources: []})`);
      }
    }
    const outcome = await s.runImport(source(), { dryRun: false, meta, onProgress: (n) => (done = n) });
    expect(outcome).toMatchObject({ statements: total, nodesCreated: total });
    expect(await s.countNodes()).toBe(total);
    // Backpressure: the source is never drained far ahead of what the database has run.
    expect(maxAhead).toBeLessThan(total / 2);
  });

  it('rolls an import back when its statement stream fails in the API process', async () => {
    const s = await open();
    const cut = new Error('the file changed');
    async function* source(): AsyncGenerator<ReturnType<typeof statement>> {
      for (let i = 1; i <= 600; i++) yield statement(i, `CREATE (:Person {id: 'cut-${i}', name: 'C', sources: []})`);
      throw cut;
    }
    await expect(s.runImport(source(), { dryRun: false, meta })).rejects.toBe(cut);
    expect(await s.countNodes()).toBe(0);
    await s.runImport([statement(1, "CREATE (:Person {id: 'after', name: 'After', sources: []})")], {
      dryRun: false,
      meta,
    });
    expect(await s.countNodes()).toBe(1);
  });

  it('survives a crash of the database process: 503 at once, then serves committed data again', async () => {
    const s = await open();
    await s.runImport([statement(1, "CREATE (:Person {id: 'kept', name: 'Committed', sources: []})")], {
      dryRun: false,
      meta,
    });
    const pid = s.childPid;
    expect(pid).toBeTypeOf('number');
    process.kill(pid as number, 'SIGKILL');
    await new Promise((resolve) => setTimeout(resolve, 50));

    const during = await s.getEntities(['kept'], meta).catch((error: unknown) => error);
    // Either the restart already finished, or the caller is told to retry: never a hang.
    if (during instanceof Error) expect(codeOf(during)).toBe(ErrorCode.DB_UNAVAILABLE);

    await waitUntilServing(s, 5_000);
    expect(s.childPid).not.toBe(pid);
    const [kept] = await s.getEntities(['kept'], meta);
    expect(kept?.name).toBe('Committed');
  });

  it('stops a runaway query at the memory cap and keeps serving', async () => {
    const s = await open(400);
    await s.runImport([statement(1, "CREATE (:Person {id: 'still-here', name: 'Still here', sources: []})")], {
      dryRun: false,
      meta,
    });
    const runaway = s.runImport([statement(1, 'UNWIND range(1, 300000000) AS i RETURN sum(i)')], {
      dryRun: true,
      meta,
    });
    const error = await runaway.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(codeOf(error)).toBe(ErrorCode.LIMIT_EXCEEDED);
    expect((error as Error).message).toMatch(/400 MB/);

    await waitUntilServing(s, 5_000);
    const [kept] = await s.getEntities(['still-here'], meta);
    expect(kept?.name).toBe('Still here');
  });
});
