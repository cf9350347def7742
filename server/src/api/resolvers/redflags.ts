/** Red flags: the MODEL.md patterns, found by the red-flag rules over what the viewer may see. */
import { findRedFlags } from '../../redflags/index.ts';
import { intInRange } from '../../services/validate.ts';
import { readContext, type MaillonContext } from '../context.ts';

export const redFlagQueries = {
  redFlags: async (_: unknown, args: { rules?: string[] | null; limit?: number | null }, ctx: MaillonContext) => {
    const limit = intInRange({ name: 'limit', value: args.limit ?? 100, min: 1, max: 1000 });
    const flags = await findRedFlags(
      { ...readContext(ctx, 'redFlags'), logger: ctx.services.logger },
      {
        limit,
        ...(args.rules ? { rules: args.rules } : {}),
      },
    );
    for (const flag of flags) for (const node of flag.nodes) ctx.entityIds.add(node.id);
    return flags.map((flag) => ({ ...flag, firstDate: flag.firstDate ?? null, lastDate: flag.lastDate ?? null }));
  },
};
