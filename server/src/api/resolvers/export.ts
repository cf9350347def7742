/** exportCypher: the graph or a neighbourhood as a Cypher script, for admins, under their read scope. */
import { UserInputError } from '../../errors.ts';
import { exportText } from '../../export/export-text.ts';
import { RESTRICTED_REL_TYPES } from '../../model/index.ts';
import type { MaillonContext } from '../context.ts';

interface ExportArgs {
  ids?: readonly string[] | null;
  depth?: number | null;
}

const MAX_DEPTH = 6;
const MAX_SEED_IDS = 100;

function selectionOf(args: ExportArgs): { ids: readonly string[]; depth: number } | undefined {
  if (args.ids === undefined || args.ids === null) return undefined;
  const depth = args.depth ?? 1;
  if (!Number.isInteger(depth) || depth < 0 || depth > MAX_DEPTH) {
    throw new UserInputError(`depth must be a whole number from 0 to ${MAX_DEPTH}`);
  }
  if (args.ids.length === 0 || args.ids.length > MAX_SEED_IDS) {
    throw new UserInputError(
      `ids must name from 1 to ${MAX_SEED_IDS} entities (leave it out to export the whole graph)`,
    );
  }
  return { ids: args.ids, depth };
}

export const exportQueries = {
  exportCypher: async (_: unknown, args: ExportArgs, ctx: MaillonContext): Promise<string> => {
    const selection = selectionOf(args);
    const result = await exportText({
      store: ctx.services.store,
      scope: ctx.scope,
      meta: ctx.meta('exportCypher'),
      cap: ctx.services.config.exportLimit,
      ...(selection ? { selection } : {}),
    });
    // A read of every entity it holds: the audit plugin records these ids with the request,
    // and the read-volume rule counts its persons as if they had been shown one by one.
    for (const id of result.ids) ctx.entityIds.add(id);
    for (const id of result.personIds) ctx.personIds.add(id);
    ctx.auditDetails.export = {
      nodes: result.nodes,
      relationships: result.relationships,
      ...(selection ? { ids: selection.ids, depth: selection.depth } : { whole: true }),
      identitiesIncluded: !RESTRICTED_REL_TYPES.some((type) => ctx.scope.hiddenRelTypes.includes(type)),
    };
    return result.script;
  },
};
