/**
 * Embedded stores for the export tests: a fresh one on disk, loaded with import files through
 * the one import entry, and an export of it read whole as text.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { exportCypher, type ExportSelection } from '../../server/src/export/export-cypher.ts';
import { runImport } from '../../server/src/import/run-import.ts';
import type { GraphStore } from '../../server/src/store/GraphStore.ts';
import { KuzuStore } from '../../server/src/store/kuzu/KuzuStore.ts';
import type { ReadScope } from '../../server/src/store/ports/read-scope.ts';
import { quietLogger } from './quiet-logger.ts';

export const SEED_DIR = path.resolve(import.meta.dirname, '../../cypher/seed');
export const DEMO_FILES = fs
  .readdirSync(SEED_DIR)
  .filter((f) => f.endsWith('.cypher'))
  .sort()
  .map((f) => path.join(SEED_DIR, f));

export const EVERYTHING: ReadScope = { hiddenRelTypes: [] };

export interface EmbeddedStore {
  readonly store: KuzuStore;
  readonly dataDir: string;
  /** Closes the store; the files stay for a canonical listing. */
  close(): Promise<void>;
  remove(): void;
}

export async function emptyEmbeddedStore(): Promise<EmbeddedStore> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'maillon-export-'));
  const store = new KuzuStore({ logger: quietLogger, dataDir, bufferPoolMb: 256 });
  await store.ensureSchema();
  let closed = false;
  return {
    store,
    dataDir,
    close: async () => {
      if (!closed) await store.close();
      closed = true;
    },
    remove: () => fs.rmSync(dataDir, { recursive: true, force: true }),
  };
}

/** Loads a script through the import; fails the test with the import's own errors. */
export async function importScript(store: GraphStore, script: string, name = 'script'): Promise<void> {
  const report = await runImport(store, { script, dryRun: false, meta: { user: 'test', operation: 'import' } });
  if (!report.ok) throw new Error(`import of ${name} refused: ${JSON.stringify(report.errors.slice(0, 3))}`);
}

export async function importFiles(store: GraphStore, files: readonly string[]): Promise<void> {
  for (const file of files) await importScript(store, fs.readFileSync(file, 'utf8'), path.basename(file));
}

export async function exportAsText(
  store: GraphStore,
  options: { scope?: ReadScope; selection?: ExportSelection; batchSize?: number } = {},
): Promise<string> {
  let text = '';
  for await (const chunk of exportCypher({
    store,
    scope: options.scope ?? EVERYTHING,
    meta: { user: 'test', operation: 'exportCypher' },
    ...(options.selection ? { selection: options.selection } : {}),
    ...(options.batchSize ? { batchSize: options.batchSize } : {}),
  }))
    text += chunk;
  return text;
}
