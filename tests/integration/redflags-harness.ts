/** Shared by the red-flag integration tests: a fresh store of the kind under test loaded through the import pipeline. */
import { runImport } from '../../server/src/import/run-import.ts';
import type { GraphStore } from '../../server/src/store/GraphStore.ts';
import type { ReadScope, TxMeta } from '../../server/src/store/ports/read-scope.ts';
import { freshStoreUnderTest, type OpenStore } from '../support/store-under-test.ts';

export const META: TxMeta = { user: 'redflags-test', operation: 'redFlags' };
export const CLEARED: ReadScope = { hiddenRelTypes: [] };
export const UNCLEARED: ReadScope = { hiddenRelTypes: ['IDENTIFIES_AS'] };

export type { OpenStore };

/** A fresh store of the kind under test (embedded, or Neo4j in the `neo4j` project). */
export const freshStore = freshStoreUnderTest;

/** Loads a script through the import pipeline and fails loudly with its first errors. */
export async function load(store: GraphStore, script: string, fileName: string): Promise<void> {
  const report = await runImport(store, {
    script,
    fileName,
    dryRun: false,
    meta: { user: 'admin', operation: 'importCypher' },
  });
  if (!report.ok) throw new Error(`${fileName} did not load: ${JSON.stringify(report.errors.slice(0, 3))}`);
}
