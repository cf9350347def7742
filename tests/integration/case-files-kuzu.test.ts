/** The CaseFileStore contract on the embedded store as production builds it: in its own process. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { KuzuProcessStore } from '../../server/src/store/kuzu/process/KuzuProcessStore.ts';
import { defineCaseFileContract } from '../contract/case-file-contract.ts';
import { quietLogger } from '../support/quiet-logger.ts';

defineCaseFileContract('KuzuProcessStore', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'maillon-cases-'));
  const store = new KuzuProcessStore({ logger: quietLogger, dataDir: dir, bufferPoolMb: 256, queryTimeoutMs: 30_000 });
  return {
    store,
    cleanup: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});
