/**
 * Who may call what: one declarative map from root field to the minimum role,
 * the clearance and whether a purpose must be stated. Every root resolver is
 * wrapped by `guardResolvers`, which consults this map and nothing else; a root
 * field without a rule refuses to start the server (deny by default).
 */
import { hasRole } from '../auth/viewer.ts';
import { AuthenticationError, ForbiddenError } from '../errors.ts';
import type { Role } from '../model/records.ts';
import type { MaillonContext } from './context.ts';
import { requirePurpose } from './purpose.ts';

export interface AccessRule {
  /** 'ANONYMOUS' only for login. */
  readonly minRole: Role | 'ANONYMOUS';
  readonly informantClearance?: boolean;
  /** A data read: refused with PURPOSE_REQUIRED without an X-Purpose header. */
  readonly purpose?: boolean;
}

export const ACCESS_RULES: Readonly<Record<string, AccessRule>> = {
  'Mutation.login': { minRole: 'ANONYMOUS' },
  'Query.me': { minRole: 'VIEWER' },
  'Query.search': { minRole: 'VIEWER', purpose: true },
  'Query.entity': { minRole: 'VIEWER', purpose: true },
  'Query.neighbourhood': { minRole: 'VIEWER', purpose: true },
  'Query.paths': { minRole: 'VIEWER', purpose: true },
  'Query.connections': { minRole: 'VIEWER', purpose: true },
  'Query.stats': { minRole: 'VIEWER' },
  'Query.redFlags': { minRole: 'INVESTIGATOR', purpose: true },
  'Query.redFlagStatus': { minRole: 'INVESTIGATOR' },
  'Query.auditLog': { minRole: 'ADMIN' },
  'Query.users': { minRole: 'ADMIN' },
  'Query.alerts': { minRole: 'ADMIN' },
  'Query.exportCypher': { minRole: 'ADMIN', purpose: true },
  'Mutation.importCypher': { minRole: 'ADMIN' },
  'Mutation.createUser': { minRole: 'ADMIN' },
  'Mutation.updateUser': { minRole: 'ADMIN' },
  'Mutation.disableUser': { minRole: 'ADMIN' },
  'Mutation.proposeClearance': { minRole: 'ADMIN', informantClearance: true },
  'Mutation.approveClearance': { minRole: 'ADMIN', informantClearance: true },
  'Mutation.revokeClearance': { minRole: 'ADMIN' },
  'Mutation.clearSuspension': { minRole: 'ADMIN' },
  'Query.readVolume': { minRole: 'VIEWER', purpose: true },
  'Mutation.approveBulkRead': { minRole: 'ADMIN' },
  // Investigations: membership is checked inside (server/src/investigations/membership.ts).
  'Query.investigations': { minRole: 'VIEWER' },
  'Query.investigation': { minRole: 'VIEWER', purpose: true },
  'Query.deconflictions': { minRole: 'VIEWER' },
  'Query.mentions': { minRole: 'VIEWER' },
  'Query.pendingChanges': { minRole: 'INVESTIGATOR' },
  'Query.history': { minRole: 'VIEWER', purpose: true },
  'Mutation.createInvestigation': { minRole: 'INVESTIGATOR' },
  'Mutation.shareInvestigation': { minRole: 'INVESTIGATOR' },
  'Mutation.saveView': { minRole: 'VIEWER' },
  'Mutation.addNote': { minRole: 'VIEWER' },
  'Mutation.proposeChange': { minRole: 'INVESTIGATOR', purpose: true },
  'Mutation.reviewChange': { minRole: 'INVESTIGATOR', purpose: true },
  'Mutation.grantReviewer': { minRole: 'ADMIN' },
};

/** Throws unless the request's viewer satisfies the rule for `field`. */
export function authorize(ctx: MaillonContext, field: string): void {
  const rule = ACCESS_RULES[field];
  if (!rule) throw new ForbiddenError(`${field} is not open to anyone`);
  if (rule.minRole === 'ANONYMOUS') return;
  const viewer = ctx.viewer;
  if (!viewer) throw new AuthenticationError();
  if (!hasRole(viewer.role, rule.minRole)) {
    throw new ForbiddenError(`${field.split('.')[1]} needs the ${rule.minRole} role; you are ${viewer.role}`);
  }
  if (rule.informantClearance && !viewer.informantClearance) {
    throw new ForbiddenError(`${field.split('.')[1]} needs informant clearance`);
  }
  if (rule.purpose) requirePurpose(ctx);
}

type Resolver = (parent: unknown, args: never, ctx: MaillonContext, info: unknown) => unknown;
export type RootResolvers = Record<'Query' | 'Mutation', Record<string, Resolver>>;

/** Wraps every root resolver in its access check; throws at startup for a field without a rule. */
export function guardResolvers<R extends RootResolvers>(resolvers: R, rootFields: readonly string[]): R {
  const missing = rootFields.filter((f) => !(f in ACCESS_RULES));
  if (missing.length > 0) throw new Error(`No access rule for ${missing.join(', ')}: add them to ACCESS_RULES`);
  const guarded = { ...resolvers };
  for (const type of ['Query', 'Mutation'] as const) {
    const wrapped: Record<string, Resolver> = {};
    for (const [name, resolve] of Object.entries(resolvers[type])) {
      const field = `${type}.${name}`;
      wrapped[name] = (parent, args, ctx, info) => {
        authorize(ctx, field);
        return resolve(parent, args, ctx, info);
      };
    }
    guarded[type] = wrapped as R[typeof type];
  }
  return guarded;
}
