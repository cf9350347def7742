/**
 * Runs deconfliction after every explorer read: the entities the request returned
 * (ctx.entityIds, which the explore resolvers fill for the audit trail) are checked
 * against other teams' saved views before the answer leaves, so the owners are told
 * by the time the reader sees the entity. A failure here is logged, never the reader's.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { Kind } from 'graphql';
import type { MaillonContext } from '../api/context.ts';
import type { Logger } from '../logger.ts';
import { caseContext } from './case-context.ts';
import { Deconfliction } from './Deconfliction.ts';

/** The reads of graph entities; investigation operations never count as reading someone else's subject. */
const ENTITY_READS: ReadonlySet<string> = new Set(['search', 'entity', 'neighbourhood', 'paths']);

export function deconflictionPlugin(logger: Logger): ApolloServerPlugin<MaillonContext> {
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
