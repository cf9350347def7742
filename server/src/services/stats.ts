import type { StoreStats } from '../store/ports/GraphReads.ts';
import type { ReadContext } from './explore-context.ts';

export interface GraphStats extends StoreStats {
  readonly nodes: number;
  readonly relationships: number;
}

/** Totals and counts per label and type; hidden relationship types are not counted. */
export async function graphStats(ctx: ReadContext): Promise<GraphStats> {
  const stats = await ctx.store.stats(ctx.scope, ctx.meta);
  const hidden = new Set<string>(ctx.scope.hiddenRelTypes);
  const byType = stats.byType.filter((t) => !hidden.has(t.type));
  return {
    nodes: stats.byLabel.reduce((sum, l) => sum + l.count, 0),
    relationships: byType.reduce((sum, t) => sum + t.count, 0),
    byLabel: stats.byLabel,
    byType,
  };
}
