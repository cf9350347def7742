/**
 * Runs deconfliction after every explorer read: the entities the request returned
 * (ctx.entityIds, which the explore resolvers fill for the audit trail) are checked
 * against other teams' saved views before the answer leaves, so the owners are told
 * by the time the reader sees the entity. A failure here is logged, never the reader's.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { Kind } from 'graphql';
import type { Viewer } from '../auth/viewer.ts';
import type { Logger } from '../logger.ts';
import type { TxMeta } from '../store/ports/read-scope.ts';
import { caseContext, type CaseServices } from './case-context.ts';
import { Deconfliction } from './Deconfliction.ts';

/** The reads of graph entities; investigation operations never count as reading someone else's subject. */
const ENTITY_READS: ReadonlySet<string> = new Set(['search', 'entity', 'neighbourhood', 'paths', 'connections']);

/**
 * What the plugin reads of a request's context. The API's context has it; naming it here
 * keeps investigations below the API layer instead of importing api/context.ts.
 */
export interface DeconflictionContext {
  readonly services: CaseServices;
  readonly requestId: string;
  readonly viewer: Viewer | undefined;
  readonly entityIds: ReadonlySet<string>;
  meta(operation: string): TxMeta;
}

export function deconflictionPlugin<T extends DeconflictionContext>(logger: Logger): ApolloServerPlugin<T> {
  const log = logger.child({ component: 'deconfliction' });
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue: ctx, operation }) {
          const viewer = ctx.viewer;
          if (!viewer || !ctx.services.caseFiles || ctx.entityIds.size === 0 || !operation) return;
          const reads = operation.selectionSet.selections.some(
            (s) => s.kind === Kind.FIELD && ENTITY_READS.has(s.name.value),
          );
          if (!reads) return;
          try {
            await new Deconfliction(caseContext(ctx.services, viewer, ctx.meta('deconfliction'))).entitiesRead([
              ...ctx.entityIds,
            ]);
          } catch (error) {
            log.error({ err: error, user: viewer.username, requestId: ctx.requestId }, 'deconfliction failed');
          }
        },
      };
    },
  };
}
