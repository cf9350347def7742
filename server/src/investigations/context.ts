/** What the investigation services need: records, the graph, who asks, and a clock. */
import { randomUUID } from 'node:crypto';
import type { Viewer } from '../auth/viewer.ts';
import { RESTRICTED_REL_TYPES } from '../model/index.ts';
import type { GraphStore } from '../store/GraphStore.ts';
import type { TxMeta } from '../store/ports/read-scope.ts';
import type { CaseRecords } from './records.ts';
import { restrictedByType, type ViewRelationship } from './view-content.ts';

export interface CaseContext {
  readonly records: CaseRecords;
  readonly store: GraphStore;
  readonly viewer: Viewer;
  readonly meta: TxMeta;
  /** ISO datetime. */
  readonly now: () => string;
  readonly newId: (prefix: string) => string;
}

export const defaultClock = {
  now: (): string => new Date().toISOString(),
  newId: (prefix: string): string => `${prefix}-${randomUUID()}`,
};

/**
 * The restricted relationships (informant identities) among a view's entities: those
 * the view recorded with a restricted type, and those the graph holds between them
 * now, whatever the view says (a saved view is the client's JSON).
 */
export async function restrictedAround(
  ctx: Pick<CaseContext, 'store' | 'meta'>,
  view: unknown,
  entityIds: readonly string[],
): Promise<ViewRelationship[]> {
  const recorded = restrictedByType(view);
  if (entityIds.length === 0 || RESTRICTED_REL_TYPES.length === 0) return recorded;
  const { relationships } = await ctx.store.adjacent(
    { ids: entityIds, relTypes: RESTRICTED_REL_TYPES, perNodeLimit: 10_000 },
    { hiddenRelTypes: [] },
    ctx.meta,
  );
  return [...recorded, ...relationships.map(({ id, type, source, target }) => ({ id, type, source, target }))];
}
