/**
 * Kùzu checkpoints inside the COMMIT of a transaction that ran a COPY FROM, and that
 * checkpoint waits for every other transaction to end while it holds the lock a read needs to
 * end: a read still running when the import commits made the COMMIT throw after 5 s ("Timeout
 * waiting for active transactions to leave the system before checkpointing"), its transaction
 * already written. The import was reported failed, and its nodes were in the database.
 * Here a read is running when the import's last statement is taken: the import must commit,
 * say so, and the read must get its answer.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { splitScript } from '../../server/src/cypher/splitter.ts';
import type { ImportStatement } from '../../server/src/store/ports/GraphImport.ts';
import type { TxMeta } from '../../server/src/store/ports/read-scope.ts';
import { KuzuStore } from '../../server/src/store/kuzu/KuzuStore.ts';
import { quietLogger } from '../support/quiet-logger.ts';
import { prefixedNetwork } from './import-generate.ts';

const meta: TxMeta = { user: 'test', operation: 'import-commit-beside-read' };
/** Long enough to still run when the import commits (about a second on an idle machine). */
const LONG_READ = 'UNWIND range(1, 3000000) AS x RETURN sum(x) AS total';

let dir: string;
let store: KuzuStore | undefined;

afterEach(async () => {
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

it('an import that copies in bulk commits beside a read still running, and says so', async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'maillon-commit-beside-read-'));
  const s = new KuzuStore({ logger: quietLogger, dataDir: dir, queryTimeoutMs: 600_000 });
  store = s;
  await s.ensureSchema();
  const statements: ImportStatement[] = splitScript(prefixedNetwork({ people: 50, seed: 3, prefix: 'beside' }))
    .statements.filter((st) => !st.shellCommand)
    .map((st) => ({ index: st.index, cypher: st.text, line: st.line, column: st.column }));

  let read: Promise<unknown> | undefined;
  async function* withReadAtTheEnd(): AsyncGenerator<ImportStatement> {
    for (const [i, st] of statements.entries()) {
      if (i === statements.length - 1) read = readThrough(s);
      yield st;
    }
  }
  const outcome = await s.runImport(withReadAtTheEnd(), { dryRun: false, meta });
  await read;
  expect(outcome.nodesCreated).toBeGreaterThan(0);
  expect(await s.countNodes()).toBe(outcome.nodesCreated);
}, 600_000);

/** The long read, on a read connection of the store (the same lanes requests use). */
function readThrough(s: KuzuStore): Promise<unknown> {
  const reader = (s as unknown as { reader: { query(cypher: string): Promise<unknown> } }).reader;
  return reader.query(LONG_READ);
}
