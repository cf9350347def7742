import { afterAll, beforeAll } from 'vitest';
import type { GraphStore } from '../../../server/src/store/GraphStore.ts';
import { META, statements } from './fixtures.ts';
import type { MakeStore, OpenedStore } from './types.ts';

/** Opens a fresh store for the enclosing describe, loads `graph` into it, and disposes of it after. */
export function loadedStore(makeStore: MakeStore, graph: readonly string[]): () => GraphStore {
  let opened: OpenedStore | undefined;
  beforeAll(async () => {
    opened = await makeStore();
    await opened.store.ensureSchema();
    await opened.store.runImport(statements(...graph), { dryRun: false, meta: META });
  });
  afterAll(async () => opened?.cleanup());
  return () => {
    if (!opened) throw new Error('The store is opened in beforeAll');
    return opened.store;
  };
}
