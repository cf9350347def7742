import type { GraphStore, ReadScope, TxMeta } from '../store/GraphStore.ts';

/** What every read service needs: the port, what the viewer may see, and who asks. */
export interface ReadContext {
  readonly store: GraphStore;
  readonly scope: ReadScope;
  readonly meta: TxMeta;
}
