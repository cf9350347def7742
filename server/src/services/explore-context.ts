import type { GraphStore } from '../store/GraphStore.ts';
import type { ReadScope, TxMeta } from '../store/ports/read-scope.ts';

/** What every read service needs: the port, what the viewer may see, and who asks. */
export interface ReadContext {
  readonly store: GraphStore;
  readonly scope: ReadScope;
  readonly meta: TxMeta;
}
