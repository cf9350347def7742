import type { GraphStore } from '../../../server/src/store/GraphStore.ts';

export interface OpenedStore {
  readonly store: GraphStore;
  readonly cleanup: () => Promise<void>;
}

/** Opens a fresh, empty store (schema not yet ensured) and a way to dispose of it. */
export type MakeStore = () => Promise<OpenedStore>;
