/** Red flags: the MODEL.md patterns, found by the red-flag rules over what the viewer may see. */
import { findRedFlags, type RedFlag } from '../../redflags/index.ts';
import { intInRange } from '../../services/validate.ts';
import { readContext, type MaillonContext } from '../context.ts';

export interface RedFlagsArgs {
  readonly rules?: readonly string[] | null;
  readonly limit?: number | null;
}

/** The flags `redFlags` answers with, under the caller's read scope; `operation` tags the transaction. */
export function redFlagsFor(ctx: MaillonContext, args: RedFlagsArgs, operation: string): Promise<RedFlag[]> {
  const limit = intInRange({ name: 'limit', value: args.limit ?? 100, min: 1, max: 1000 });
  return findRedFlags(
    { ...readContext(ctx, operation), logger: ctx.services.logger, scanLimit: ctx.services.config.redFlagScanLimit },
    { limit, ...(args.rules ? { rules: [...args.rules] } : {}) },
  );
}

export const redFlagQueries = {
  redFlags: async (_: unknown, args: RedFlagsArgs, ctx: MaillonContext) => {
    const flags = await redFlagsFor(ctx, args, 'redFlags');
    for (const flag of flags) for (const node of flag.nodes) ctx.entityIds.add(node.id);
    return flags.map((flag) => ({ ...flag, firstDate: flag.firstDate ?? null, lastDate: flag.lastDate ?? null }));
  },
};
