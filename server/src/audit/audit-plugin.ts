/**
 * Records every GraphQL operation in the audit trail before its response leaves:
 * who, in which role, why, what was returned, how it ended. The record is
 * written in willSendResponse, after the data exists and before Apollo
 * serialises it; when the write fails the data is replaced by an
 * AUDIT_UNAVAILABLE error (HTTP 503), so nothing is read without a trace.
 */
import type { ApolloServerPlugin, GraphQLRequestContextWillSendResponse } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';
import {
  AuditUnavailableError,
  ErrorCode,
  ForbiddenError,
  MaillonError,
  refusedStatusOf,
  SessionSuspendedError,
} from '../errors.ts';
import type { Logger } from '../logger.ts';
import type { ReadWatch } from './read-watch.ts';
import { isRole } from '../auth/viewer.ts';
import type { AuditTrail } from './AuditTrail.ts';
import { describeOperation, loginUsername } from './describe-operation.ts';
import { errorCodes, outcomeOf } from './outcome.ts';
import { touchesRestricted } from './restricted-reads.ts';
import { rootCalls } from './root-arguments.ts';
import { ReturnedEntities } from './returned-entities.ts';

/** What the plugin needs from the request context (MaillonContext has it). */
export interface AuditedContext {
  readonly requestId: string;
  readonly clientAddress: string;
  readonly viewer:
    { readonly username: string; readonly role: string; readonly informantClearance: boolean } | undefined;
  readonly purpose: string | undefined;
  /** Ids resolvers reported themselves, if any. */
  readonly entityIds?: ReadonlySet<string>;
  /** The Person ids among entityIds, for the read-volume rule. */
  readonly personIds?: ReadonlySet<string>;
  /** Facts resolvers added for the record (merged into details; they cannot override what the plugin writes). */
  readonly auditDetails?: Readonly<Record<string, unknown>>;
  /** Told that this request has its record, so the HTTP layer does not write a second one. */
  readonly auditMark?: { attempted: boolean };
}

export interface AuditPluginOptions {
  readonly trail: AuditTrail;
  /** Canary and volume rules; absent, no detection. */
  readonly detector?: ReadWatch;
  readonly logger: Logger;
}

/**
 * The types whose values name entities; fields of any other type are not looked at.
 * The containers are listed because their resolved values carry what the
 * selection may leave out (a hit's entity, the nodes at a relationship's ends).
 */
const ENTITY_BEARING = new Set([
  'Entity',
  'Relationship',
  'OmittedCount',
  'SearchResult',
  'Subgraph',
  'Path',
  'RedFlag',
]);

/**
 * The named GraphQL type under list and non-null wrappers, by duck typing
 * (realm-independent: no instanceof). Runs for every resolved field, so it
 * must stay cheap: no printing, no allocation.
 */
function namedTypeOf(type: unknown): string | undefined {
  let current = type;
  while (typeof current === 'object' && current !== null && 'ofType' in current && current.ofType) {
    current = current.ofType;
  }
  return typeof current === 'object' && current !== null && 'name' in current && typeof current.name === 'string'
    ? current.name
    : undefined;
}

/** A response that carries only `error`, so no data leaves. */
function withhold(response: GraphQLRequestContextWillSendResponse<object>['response'], error: MaillonError) {
  const formatted: GraphQLFormattedError = { message: error.message, extensions: { code: error.code } };
  response.body = { kind: 'single', singleResult: { errors: [formatted] } };
  response.http.status = refusedStatusOf(error.code);
  // A refusal that asks to be retried (the audit trail or the database is unavailable) says when.
  if ('retryAfterSeconds' in error && typeof error.retryAfterSeconds === 'number') {
    response.http.headers.set('retry-after', String(error.retryAfterSeconds));
  }
}

export function auditPlugin<TContext extends AuditedContext>(
  options: AuditPluginOptions,
): ApolloServerPlugin<TContext> {
  const { trail, detector } = options;
  const log = options.logger.child({ component: 'audit' });
  return {
    async requestDidStart() {
      const returned = new ReturnedEntities();
      return {
        async executionDidStart() {
          return {
            willResolveField({ info }) {
              const typeName = namedTypeOf(info.returnType);
              if (typeName === undefined || !ENTITY_BEARING.has(typeName)) return undefined;
              return (error, result) => {
                if (!error) returned.collectField(typeName, result);
              };
            },
          };
        },

        async willSendResponse(requestContext) {
          const { contextValue: ctx, response } = requestContext;
          const single = response.body.kind === 'single' ? response.body.singleResult : undefined;
          returned.collectData(single?.data);
          for (const id of ctx.entityIds ?? []) returned.ids.add(id);
          for (const id of ctx.personIds ?? []) returned.personIds.add(id);

          const user = ctx.viewer?.username ?? 'anonymous';
          const details: Record<string, unknown> = { ...ctx.auditDetails, ...describeOperation(requestContext) };
          const loginAs = ctx.viewer
            ? undefined
            : loginUsername({ ...requestContext, variables: requestContext.request.variables });
          if (loginAs !== undefined) details.loginAs = loginAs;
          const calls = rootCalls(requestContext.operation, requestContext.request.variables);
          if (calls.length > 0) details.calls = calls;
          const restricted = touchesRestricted(ctx.viewer, (details.fields as string[] | undefined) ?? []);
          if (restricted) details.restricted = true;
          let errors = single?.errors;
          if (response.body.kind !== 'single') {
            // Incremental delivery is not enabled; if it ever is, it must not bypass the audit.
            withhold(response, new MaillonError(ErrorCode.BAD_USER_INPUT, 'Incremental delivery is not supported.'));
            errors = [{ message: 'incremental delivery', extensions: { code: ErrorCode.BAD_USER_INPUT } }];
          }

          if (returned.identityLinks.length > 0) {
            details.identityReads = returned.identityLinks;
            if (ctx.viewer?.informantClearance === true) {
              details.clearedIdentityRead = true;
            } else {
              // Defence in depth: the read scope should have hidden these. Never let them out.
              log.error(
                { user, requestId: ctx.requestId },
                'informant identity reached an uncleared response: withheld',
              );
              details.identityLeakBlocked = true;
              withhold(response, new ForbiddenError('This answer is not available to you.'));
              errors = [{ message: 'withheld', extensions: { code: ErrorCode.FORBIDDEN } }];
              await detector?.flag({
                kind: 'IDENTITY_LEAK_BLOCKED',
                user,
                summary: `An informant identity reached ${user}'s response and was withheld`,
                // Informants only: alerts are shown to admins without the clearance too.
                entityIds: returned.identityLinks.map((l) => l.informant),
                requestId: ctx.requestId,
                restricted,
              });
            }
          }

          if (detector && ctx.viewer && returned.ids.size > 0) {
            const verdict = await observed(
              { detector, log },
              {
                user,
                ...(isRole(ctx.viewer.role) ? { role: ctx.viewer.role } : {}),
                requestId: ctx.requestId,
                entityIds: [...returned.ids],
                personIds: [...returned.personIds],
                restricted,
              },
            );
            if (verdict.alerts.length > 0) {
              details.alerts = verdict.alerts.map(({ id, kind, summary }) => ({ id, kind, summary }));
            }
            if (verdict.failure) {
              withhold(response, verdict.failure);
              errors = [{ message: 'unavailable', extensions: { code: verdict.failure.code } }];
            } else if (verdict.suspended) {
              withhold(response, new SessionSuspendedError());
              errors = [{ message: 'suspended', extensions: { code: ErrorCode.SESSION_SUSPENDED } }];
            }
          }

          const codes = errorCodes(errors);
          if (codes.length > 0) details.errorCodes = [...new Set(codes)];
          if (ctx.auditMark) ctx.auditMark.attempted = true;
          try {
            await trail.record({
              user,
              role: ctx.viewer?.role ?? '',
              operation: details.operation as string,
              purpose: ctx.purpose ?? '',
              entityIds: [...returned.ids],
              outcome: outcomeOf(errors),
              requestId: ctx.requestId,
              clientAddress: ctx.clientAddress,
              details,
            });
          } catch (error) {
            const unavailable = error instanceof MaillonError ? error : new AuditUnavailableError();
            withhold(response, unavailable);
          }
        },
      };
    },
  };
}

/**
 * The detector's verdict; when the shared state cannot be reached, the read is
 * treated as suspended for now (fail closed: no data without the count), and the
 * caller sees the store's error, not a suspension.
 */
async function observed(
  { detector, log }: { readonly detector: ReadWatch; readonly log: Logger },
  read: Parameters<ReadWatch['observe']>[0],
): Promise<Awaited<ReturnType<ReadWatch['observe']>> & { failure?: MaillonError }> {
  try {
    return await detector.observe(read);
  } catch (error) {
    log.warn({ err: error, user: read.user }, 'read volume could not be counted: answer withheld');
    const failure = error instanceof MaillonError ? error : new AuditUnavailableError();
    return { alerts: [], suspended: true, failure };
  }
}
