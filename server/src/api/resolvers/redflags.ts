/** Red flags: the MODEL.md patterns, found by the red-flag rules over what the viewer may see. */
import type { RedFlag } from '../../redflags/index.ts';
import { parseRules } from '../../redflags/find-red-flags.ts';
import { intInRange } from '../../services/validate.ts';
import type { MaillonContext } from '../context.ts';

export interface RedFlagsArgs {
  readonly rules?: readonly string[] | null;
  readonly limit?: number | null;
}

/** The flags `redFlags` answers with under the caller's read scope, from the red-flag book. */
export function redFlagsFor(ctx: MaillonContext, args: RedFlagsArgs): Promise<RedFlag[]> {
  const limit = intInRange({ name: 'limit', value: args.limit ?? 100, min: 1, max: 1000 });
  return ctx.services.redFlags.answer(ctx.scope, parseRules(args.rules ?? undefined), limit);
}

const isoOrNull = (date: Date | undefined): string | null => date?.toISOString() ?? null;

export const redFlagQueries = {
  redFlags: async (_: unknown, args: RedFlagsArgs, ctx: MaillonContext) => {
    const flags = await redFlagsFor(ctx, args);
    for (const flag of flags) for (const node of flag.nodes) ctx.entityIds.add(node.id);
    return flags.map((flag) => ({ ...flag, firstDate: flag.firstDate ?? null, lastDate: flag.lastDate ?? null }));
  },
  redFlagStatus: (_: unknown, _args: unknown, ctx: MaillonContext) => {
    const status = ctx.services.redFlags.status(ctx.scope);
    return {
      ...status,
      computedAt: isoOrNull(status.computedAt),
      computationMs: status.computationMs ?? null,
      computingSince: isoOrNull(status.computingSince),
    };
  },
};
