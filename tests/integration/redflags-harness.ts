/** Shared by the red-flag integration tests: a fresh embedded store loaded through the import pipeline. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { importScript } from '../../server/src/import/pipeline.ts';
import type { GraphStore, ReadScope, TxMeta } from '../../server/src/store/GraphStore.ts';
import { KuzuStore } from '../../server/src/store/kuzu/KuzuStore.ts';

export const META: TxMeta = { user: 'redflags-test', operation: 'redFlags' };
export const CLEARED: ReadScope = { hiddenRelTypes: [] };
export const UNCLEARED: ReadScope = { hiddenRelTypes: ['IDENTIFIES_AS'] };

export interface OpenStore {
  readonly store: GraphStore;
  readonly cleanup: () => Promise<void>;
}

export async function freshStore(): Promise<OpenStore> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'maillon-'));
  const store = new KuzuStore({ dataDir, bufferPoolMb: 256 });
  await store.ensureSchema();
  return {
    store,
    cleanup: async () => {
      await store.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Loads a script through the import pipeline and fails loudly with its first errors. */
export async function load(store: GraphStore, script: string, fileName: string): Promise<void> {
  const report = await importScript(store, {
    script,
    fileName,
    dryRun: false,
    meta: { user: 'admin', operation: 'importCypher' },
  });
  if (!report.ok) throw new Error(`${fileName} did not load: ${JSON.stringify(report.errors.slice(0, 3))}`);
}
