/** Builds the investigation services' context for one request. */
import type { Viewer } from '../auth/viewer.ts';
import type { CaseFileStore } from '../store/CaseFileStore.ts';
import type { GraphStore } from '../store/GraphStore.ts';
import type { TxMeta } from '../store/ports/read-scope.ts';
import { defaultClock, type CaseContext } from './context.ts';
import { caseRecords } from './records.ts';

export interface CaseServices {
  readonly store: GraphStore;
  readonly caseFiles?: CaseFileStore;
}

export function caseContext(services: CaseServices, viewer: Viewer, meta: TxMeta): CaseContext {
  if (!services.caseFiles) throw new Error('This store keeps no case files.');
  return { records: caseRecords(services.caseFiles), store: services.store, viewer, meta, ...defaultClock };
}
