/** Investigations, notes, deconfliction and sourced facts: thin mapping onto server/src/investigations. */
import { AuthenticationError, UserInputError } from '../../errors.ts';
import * as review from '../../investigations/ChangeReview.ts';
import { caseContext } from '../../investigations/case-context.ts';
import * as investigations from '../../investigations/InvestigationService.ts';
import { parseChange, parseDocuments } from '../../investigations/parse-change.ts';
import { isAccess, type Access, type Notice, type Proposal } from '../../investigations/records.ts';
import { checkUsername } from '../../users/accounts.ts';
import type { MaillonContext } from '../context.ts';

function context(ctx: MaillonContext, operation: string) {
  if (!ctx.viewer) throw new AuthenticationError();
  return caseContext(ctx.services, ctx.viewer, ctx.meta(operation));
}

function access(value: string): Access {
  if (!isAccess(value)) throw new UserInputError('access must be OWNER, EDITOR or READER', { argument: 'access' });
  return value;
}

const newestFirst = (notices: Notice[]) => [...notices].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));

const toProposal = (p: Proposal) => ({ ...p, reviewer: p.reviewer ?? null });

/** The investigation's id, and the entities a view shows, go into the audit record of the request. */
function audited(ctx: MaillonContext, answer: investigations.InvestigationAnswer): investigations.InvestigationAnswer {
  ctx.entityIds.add(answer.id);
  return answer;
}

export const investigationQueries = {
  investigations: async (_: unknown, _args: unknown, ctx: MaillonContext) =>
    (await investigations.listInvestigations(context(ctx, 'investigations'))).map((i) => audited(ctx, i)),
  investigation: async (_: unknown, args: { id: string }, ctx: MaillonContext) =>
    audited(ctx, await investigations.getInvestigation(context(ctx, 'investigation'), args.id)),
  deconflictions: async (_: unknown, _args: unknown, ctx: MaillonContext) => {
    const c = context(ctx, 'deconflictions');
    return newestFirst((await c.records.notices.byOwner(c.viewer.username)).filter((n) => n.kind === 'deconfliction'));
  },
  mentions: async (_: unknown, _args: unknown, ctx: MaillonContext) => {
    const c = context(ctx, 'mentions');
    return newestFirst((await c.records.notices.byOwner(c.viewer.username)).filter((n) => n.kind === 'mention'));
  },
  pendingChanges: async (_: unknown, _args: unknown, ctx: MaillonContext) =>
    (await review.pendingChanges(context(ctx, 'pendingChanges'))).map(toProposal),
  history: async (_: unknown, args: { id: string }, ctx: MaillonContext) => {
    ctx.entityIds.add(args.id);
    return (await review.historyOf(context(ctx, 'history'), args.id)).map((h) => ({ ...h, approver: h.approver }));
  },
};

export const investigationMutations = {
  createInvestigation: async (_: unknown, args: { name: string; caseNumber: string }, ctx: MaillonContext) => {
    const created = await investigations.createInvestigation(context(ctx, 'createInvestigation'), args);
    return audited(ctx, await investigations.getInvestigation(context(ctx, 'createInvestigation'), created.id));
  },
  shareInvestigation: async (
    _: unknown,
    args: { id: string; username: string; access: string },
    ctx: MaillonContext,
  ) => {
    const c = context(ctx, 'shareInvestigation');
    await investigations.shareInvestigation(c, { ...args, access: access(args.access) });
    return audited(ctx, await investigations.getInvestigation(c, args.id));
  },
  saveView: async (_: unknown, args: { investigationId: string; name: string; view: unknown }, ctx: MaillonContext) => {
    ctx.entityIds.add(args.investigationId);
    const saved = await investigations.saveView(context(ctx, 'saveView'), args);
    return { id: saved.id };
  },
  addNote: async (
    _: unknown,
    args: { investigationId: string; targetId: string; text: string },
    ctx: MaillonContext,
  ) => {
    ctx.entityIds.add(args.investigationId);
    const note = await investigations.addNote(context(ctx, 'addNote'), args);
    return { id: note.id };
  },
  proposeChange: async (
    _: unknown,
    args: { change: unknown; sources: string[]; grading: string; documents?: unknown },
    ctx: MaillonContext,
  ) => {
    const proposal = await review.proposeChange(context(ctx, 'proposeChange'), {
      change: parseChange(args.change),
      sources: args.sources,
      documents: parseDocuments(args.documents),
      grading: args.grading,
    });
    return toProposal(proposal);
  },
  reviewChange: async (_: unknown, args: { id: string; approve: boolean }, ctx: MaillonContext) =>
    toProposal(await review.reviewChange(context(ctx, 'reviewChange'), args)),
  grantReviewer: async (_: unknown, args: { username: string; reviewer: boolean }, ctx: MaillonContext) => {
    const c = context(ctx, 'grantReviewer');
    const username = checkUsername(args.username);
    if (!(await c.store.findUser(username))) throw new UserInputError(`No user ${JSON.stringify(username)}.`);
    await c.records.grants.put({ id: username, reviewer: args.reviewer, grantedBy: c.viewer.username, at: c.now() });
    return true;
  },
};
