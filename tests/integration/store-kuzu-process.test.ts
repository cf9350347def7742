/**
 * The shared GraphStore contract against KuzuProcessStore, the adapter production runs
 * (the embedded database in its own process behind a memory cap), not only the in-process KuzuStore.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { KuzuProcessStore } from '../../server/src/store/kuzu/process/KuzuProcessStore.ts';
import { defineGraphStoreContract } from '../support/store-contract/defineGraphStoreContract.ts';
import { quietLogger } from '../support/quiet-logger.ts';

defineGraphStoreContract('KuzuProcessStore', async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'maillon-'));
  const store = new KuzuProcessStore({ logger: quietLogger, dataDir, bufferPoolMb: 256, queryTimeoutMs: 60_000 });
  return {
    store,
    cleanup: async () => {
      await store.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
});
