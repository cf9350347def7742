/**
 * The per-request context, built once by the Apollo context function: who asks
 * (viewer), why (purpose), what they may see (scope), and how to tag their
 * transactions (meta). Resolvers read it; they never look at headers themselves.
 */
import type { AuthService } from '../auth/AuthService.ts';
import type { Viewer } from '../auth/viewer.ts';
import type { Config } from '../config.ts';
import type { Logger } from '../logger.ts';
import { RESTRICTED_REL_TYPES } from '../model/index.ts';
import type { RedFlagBook } from '../redflags/RedFlagBook.ts';
import type { Security } from '../security/create-security.ts';
import type { ReadContext } from '../services/explore-context.ts';
import type { CaseFileStore } from '../store/CaseFileStore.ts';
import type { GraphStore } from '../store/GraphStore.ts';
import type { ReadScope, TxMeta } from '../store/ports/read-scope.ts';

/** Long-lived collaborators shared by every request. */
export interface AppServices {
  readonly store: GraphStore;
  /** Investigations' own records; absent only where a test wraps a bare GraphStore. */
  readonly caseFiles?: CaseFileStore;
  readonly auth: AuthService;
  readonly config: Config;
  readonly logger: Logger;
  /** Red flags kept computed in the background, per read scope. */
  readonly redFlags: RedFlagBook;
  /** Audit trail, insider-lookup detection and rate limits (app.ts wires them). */
  readonly security?: Security;
}

/** Whether the audit trail was asked to record a request; the HTTP layer records the ones nothing else did. */
export interface AuditMark {
  attempted: boolean;
}

export interface MaillonContext {
  readonly services: AppServices;
  readonly requestId: string;
  readonly clientAddress: string;
  readonly viewer: Viewer | undefined;
  readonly purpose: string | undefined;
  readonly scope: ReadScope;
  /** Ids of the entities this request returned, for the audit trail. */
  readonly entityIds: Set<string>;
  /** The Person ids among entityIds that no response field shows as persons (an export's script). */
  readonly personIds: Set<string>;
  /** Facts a resolver adds to the request's audit record (e.g. a clearance change with both names). */
  readonly auditDetails: Record<string, unknown>;
  readonly auditMark?: AuditMark;
  /** Transaction metadata for `operation` (a root field name). */
  meta(operation: string): TxMeta;
}

/** Informant identities (restricted relationship types) exist only for cleared viewers. */
export function scopeFor(viewer: Viewer | undefined): ReadScope {
  return { hiddenRelTypes: viewer?.informantClearance === true ? [] : RESTRICTED_REL_TYPES };
}

export function createContext(input: {
  services: AppServices;
  requestId: string;
  clientAddress: string;
  viewer: Viewer | undefined;
  purpose: string | undefined;
  auditMark?: AuditMark;
}): MaillonContext {
  const { viewer, requestId } = input;
  return {
    ...input,
    scope: scopeFor(viewer),
    entityIds: new Set(),
    personIds: new Set(),
    auditDetails: {},
    meta: (operation) => ({ user: viewer?.username ?? 'anonymous', operation, requestId }),
  };
}

/** What a read service needs from the request. */
export function readContext(ctx: MaillonContext, operation: string): ReadContext {
  return { store: ctx.services.store, scope: ctx.scope, meta: ctx.meta(operation) };
}
