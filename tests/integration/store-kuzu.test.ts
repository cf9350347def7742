import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createLogger } from '../../server/src/logger.ts';
import { defineGraphStoreContract } from '../../server/src/store/contract/defineGraphStoreContract.ts';
import { KuzuStore } from '../../server/src/store/kuzu/KuzuStore.ts';

const logger = createLogger('store-kuzu-test');
logger.level = 'warn';

defineGraphStoreContract('KuzuStore', async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'maillon-'));
  const store = new KuzuStore({ dataDir, logger, bufferPoolMb: 256 });
  return {
    store,
    cleanup: async () => {
      await store.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
});
