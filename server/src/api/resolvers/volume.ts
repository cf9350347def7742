/**
 * The read-volume rule seen from the explorer: how many persons the signed-in user
 * has read in the window, where the alert and the suspension start, and how many new
 * persons an expansion would add, so the explorer warns before a read crosses a
 * threshold instead of the analyst finding out by being suspended. And its way
 * around for stated bulk work: another admin approves extra persons in advance.
 */
import { hasRole } from '../../auth/viewer.ts';
import { ForbiddenError, UserInputError } from '../../errors.ts';
import { redFlagsFor } from './redflags.ts';
import { getUser, normaliseUsername } from '../../users/accounts.ts';
import { neighbourhood, type NeighbourhoodInput } from '../../services/neighbourhood.ts';
import type { MaillonContext } from '../context.ts';
import { readContext } from '../context.ts';
import type { Allowance } from '../../store/SharedStateStore.ts';
import type { InsiderDetector, ReadVolume } from '../../security/InsiderDetector.ts';

const BULK_LIMITS = { maxPersons: 100_000, maxHours: 72, maxPurpose: 500 } as const;

interface ReadVolumeArgs {
  readonly expandIds?: readonly string[] | null;
  readonly depth?: number | null;
  readonly relTypes?: readonly string[] | null;
  readonly limit?: number | null;
  readonly perNodeLimit?: number | null;
  /** A red-flag scan to count instead (as `redFlags(rules, limit)`). */
  readonly redFlagLimit?: number | null;
  readonly redFlagRules?: readonly string[] | null;
}

interface ApproveBulkArgs {
  readonly username: string;
  readonly persons: number;
  readonly hours: number;
  readonly purpose: string;
}

function detectorOf(ctx: MaillonContext): InsiderDetector {
  const detector = ctx.services.security?.detector;
  if (!detector) throw new Error('insider-lookup detection is not configured on this server');
  return detector;
}

/** Allowance as the API shows it: the end as an ISO date. */
function publicAllowance(allowance: Allowance) {
  return { ...allowance, until: new Date(allowance.until).toISOString() };
}

/**
 * The Person ids an expansion would return, found under the caller's read scope, so an
 * uncleared caller's count is what the expansion would show them and nothing more. Only the
 * count leaves the server: no id is returned, and none is counted as read.
 */
async function personsAnExpansionWouldReturn(ctx: MaillonContext, input: NeighbourhoodInput): Promise<string[]> {
  const subgraph = await neighbourhood(readContext(ctx, 'readVolume'), input);
  return subgraph.nodes.filter((node) => node.label === 'Person').map((node) => node.id);
}

/** The Person ids among a red-flag scan's evidence; the scan is the caller's to run, or there is no count. */
async function personsRedFlagsWouldShow(ctx: MaillonContext, args: ReadVolumeArgs): Promise<string[]> {
  if (!ctx.viewer || !hasRole(ctx.viewer.role, 'INVESTIGATOR')) {
    throw new ForbiddenError('readVolume of a red-flag scan needs the INVESTIGATOR role, as redFlags does');
  }
  const flags = await redFlagsFor(ctx, { rules: args.redFlagRules ?? null, limit: args.redFlagLimit ?? null });
  return [...new Set(flags.flatMap((flag) => flag.nodes.filter((n) => n.label === 'Person').map((n) => n.id)))];
}

async function personsTheReadWouldShow(ctx: MaillonContext, args: ReadVolumeArgs): Promise<string[]> {
  const expand = args.expandIds && args.expandIds.length > 0;
  const scan = args.redFlagLimit !== undefined && args.redFlagLimit !== null;
  if (expand && scan) throw new UserInputError('readVolume counts one read at a time: expandIds or redFlagLimit');
  if (expand) return personsAnExpansionWouldReturn(ctx, { ...args, ids: args.expandIds ?? [] });
  if (scan) return personsRedFlagsWouldShow(ctx, args);
  return [];
}

export const volumeQueries = {
  readVolume: async (_: unknown, args: ReadVolumeArgs, ctx: MaillonContext) => {
    const viewer = ctx.viewer;
    if (!viewer) throw new ForbiddenError('readVolume needs a signed-in user');
    const personIds = await personsTheReadWouldShow(ctx, args);
    const volume: ReadVolume = await detectorOf(ctx).readVolume({
      user: viewer.username,
      role: viewer.role,
      personIds,
    });
    return { ...volume, allowance: volume.allowance ? publicAllowance(volume.allowance) : null };
  },
};

export const volumeMutations = {
  /** Extra persons for another user's stated bulk work; the audit record names both admins and the purpose. */
  approveBulkRead: async (_: unknown, args: ApproveBulkArgs, ctx: MaillonContext) => {
    const approver = ctx.viewer;
    if (!approver) throw new ForbiddenError('approveBulkRead needs a signed-in admin');
    const username = normaliseUsername(args.username);
    if (username === approver.username) {
      throw new ForbiddenError('Nobody approves their own bulk work: another admin must approve it.');
    }
    if (!Number.isInteger(args.persons) || args.persons < 1 || args.persons > BULK_LIMITS.maxPersons) {
      throw new UserInputError(`persons must be a whole number from 1 to ${BULK_LIMITS.maxPersons}`, {
        argument: 'persons',
      });
    }
    if (!Number.isInteger(args.hours) || args.hours < 1 || args.hours > BULK_LIMITS.maxHours) {
      throw new UserInputError(`hours must be a whole number from 1 to ${BULK_LIMITS.maxHours}`, {
        argument: 'hours',
      });
    }
    const purpose = args.purpose.trim();
    if (purpose.length < 3 || purpose.length > BULK_LIMITS.maxPurpose) {
      throw new UserInputError(
        `purpose must say what the bulk work is for (3 to ${BULK_LIMITS.maxPurpose} characters)`,
        {
          argument: 'purpose',
        },
      );
    }
    await getUser(ctx.services.store, username);
    const allowance: Allowance = {
      user: username,
      persons: args.persons,
      purpose,
      approvedBy: approver.username,
      until: Date.now() + args.hours * 3_600_000,
    };
    await detectorOf(ctx).approveBulk(allowance);
    const shown = publicAllowance(allowance);
    ctx.auditDetails.bulkApproval = shown;
    return shown;
  },
};
