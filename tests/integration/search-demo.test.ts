/** Search on the demo data, on the embedded store as production builds it (the database in its own process). */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe } from 'vitest';
import { KuzuProcessStore } from '../../server/src/store/kuzu/process/KuzuProcessStore.ts';
import { defineDemoSearchBehaviour, loadDemoData } from '../helpers/search-demo-behaviour.ts';
import { quietLogger } from '../support/quiet-logger.ts';

describe('search on the demo data, embedded store', () => {
  let dataDir: string;
  let store: KuzuProcessStore;
  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'maillon-search-demo-'));
    store = new KuzuProcessStore({ logger: quietLogger, dataDir, queryTimeoutMs: 60_000 });
    await loadDemoData(store);
  });
  afterAll(async () => {
    await store.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  defineDemoSearchBehaviour(() => store);
});
