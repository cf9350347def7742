/**
 * Facts investigators add: a change is a proposal until a second person (an admin,
 * or a user given the reviewer right) approves it. Each is checked and applied as an
 * import script (change-script.ts), through the import's own validation, with at
 * least one source and an Admiralty grading; every step lands in the fact's history.
 */
import { ForbiddenError, NotFoundError, UserInputError } from '../errors.ts';
import { runImport } from '../import/run-import.ts';
import { isNodeLabel, isRelType, RESTRICTED_REL_TYPES, type NodeLabel } from '../model/index.ts';
import type { CaseContext } from './context.ts';
import { documentStatement, entityStatement, relationshipStatement } from './change-script.ts';
import { parseGrading } from './grading.ts';
import type { Change, HistoryAction, HistoryEntry, NewDocument, Proposal } from './records.ts';

export interface ProposalInput {
  readonly change: Change;
  readonly sources: readonly string[];
  readonly documents: readonly NewDocument[];
  readonly grading: string;
}

const restricted = (change: Change): boolean =>
  change.op === 'createRelationship' && RESTRICTED_REL_TYPES.some((t) => t === change.type);

async function mayReview(ctx: CaseContext): Promise<boolean> {
  if (ctx.viewer.role === 'ADMIN') return true;
  const grant = await ctx.records.grants.find(ctx.viewer.username);
  return grant?.reviewer === true;
}

export async function proposeChange(ctx: CaseContext, input: ProposalInput): Promise<Proposal> {
  const grading = parseGrading(input.grading);
  if (!grading) throw new UserInputError('grading must be A–F then 1–6, e.g. B2.', { argument: 'grading' });
  if (restricted(input.change) && !ctx.viewer.informantClearance) {
    throw new ForbiddenError('Informant identities need informant clearance.');
  }
  await checkSources(ctx, input);
  const proposal: Proposal = {
    id: ctx.newId('change'),
    change: input.change,
    sources: [...new Set(input.sources)],
    documents: input.documents,
    grading,
    proposer: ctx.viewer.username,
    proposedAt: ctx.now(),
    status: 'PENDING',
  };
  await apply(ctx, proposal, true);
  await ctx.records.proposals.put(proposal);
  await record(ctx, proposal, 'proposed', null);
  return proposal;
}

export async function reviewChange(ctx: CaseContext, input: { id: string; approve: boolean }): Promise<Proposal> {
  if (!(await mayReview(ctx))) throw new ForbiddenError('Reviewing changes needs an admin or the reviewer right.');
  const proposal = await ctx.records.proposals.find(input.id);
  if (!proposal || (restricted(proposal.change) && !ctx.viewer.informantClearance)) {
    throw new NotFoundError(`No change ${JSON.stringify(input.id)}.`);
  }
  if (proposal.status !== 'PENDING')
    throw new UserInputError(`This change was ${proposal.status.toLowerCase()} already.`);
  if (proposal.proposer === ctx.viewer.username) {
    throw new ForbiddenError('A second person must review a change: you proposed this one.');
  }
  if (input.approve) await apply(ctx, proposal, false);
  const reviewed: Proposal = {
    ...proposal,
    status: input.approve ? 'APPROVED' : 'REJECTED',
    reviewer: ctx.viewer.username,
    reviewedAt: ctx.now(),
  };
  await ctx.records.proposals.put(reviewed);
  await record(ctx, reviewed, input.approve ? 'approved' : 'rejected', ctx.viewer.username);
  return reviewed;
}

/** Proposals waiting for review: all of them for a reviewer, one's own for anyone else. */
export async function pendingChanges(ctx: CaseContext): Promise<Proposal[]> {
  const pending = await ctx.records.proposals.byKey(['PENDING']);
  const reviewer = await mayReview(ctx);
  return pending.filter(
    (p) => (reviewer || p.proposer === ctx.viewer.username) && (!restricted(p.change) || ctx.viewer.informantClearance),
  );
}

/** The history of a node or relationship, oldest first; informant identities only for the cleared. */
export async function historyOf(ctx: CaseContext, id: string): Promise<HistoryEntry[]> {
  const entries = await ctx.records.history.byOwner(id);
  const reviewer = await mayReview(ctx);
  const visible: HistoryEntry[] = [];
  for (const entry of entries) {
    const proposal = await ctx.records.proposals.find(entry.proposalId);
    if (!proposal || (restricted(proposal.change) && !ctx.viewer.informantClearance)) continue;
    if (proposal.status !== 'APPROVED' && !reviewer && proposal.proposer !== ctx.viewer.username) continue;
    visible.push(entry);
  }
  return visible;
}

async function checkSources(ctx: CaseContext, input: ProposalInput): Promise<void> {
  if (input.sources.length === 0) {
    throw new UserInputError('Give at least one source: an existing Document or a new one.', { argument: 'sources' });
  }
  const created = new Set(input.documents.map((d) => d.id));
  const unused = [...created].filter((id) => !input.sources.includes(id));
  if (unused.length > 0) throw new UserInputError(`New documents not named in sources: ${unused.join(', ')}.`);
  const existing = await ctx.store.getEntities(
    input.sources.filter((s) => !created.has(s)),
    ctx.meta,
  );
  const documents = new Set(existing.filter((e) => e.label === 'Document').map((e) => e.id));
  const unknown = input.sources.filter((s) => !created.has(s) && !documents.has(s));
  if (unknown.length > 0) {
    throw new UserInputError(`Not a Document in the graph: ${unknown.join(', ')}.`, { argument: 'sources' });
  }
}

/** Runs the change as an import: a dry run checks it, a real run applies it; refused with the import's own messages. */
async function apply(ctx: CaseContext, proposal: Proposal, dryRun: boolean): Promise<void> {
  const statements = [...proposal.documents.map(documentStatement), await changeStatement(ctx, proposal)];
  const report = await runImport(ctx.store, { script: statements.join('\n'), dryRun, meta: ctx.meta });
  const expected =
    proposal.change.op === 'createRelationship'
      ? { nodes: proposal.documents.length, relationships: 1 }
      : { nodes: proposal.documents.length + 1, relationships: 0 };
  if (!report.ok) {
    throw new UserInputError(`The change breaks the model: ${report.errors.map((e) => e.message).join(' ')}`, {
      argument: 'change',
    });
  }
  if (report.nodesCreated !== expected.nodes || report.relationshipsCreated !== expected.relationships) {
    throw new UserInputError('The change would not create what it says (an end is missing?).', { argument: 'change' });
  }
}

async function changeStatement(ctx: CaseContext, proposal: Proposal): Promise<string> {
  const { change, sources, grading } = proposal;
  const props: Record<string, unknown> = { ...change.properties, id: change.id, sources: [...sources], grading };
  if (change.op === 'createEntity') {
    if (!isNodeLabel(change.label)) throw new UserInputError(`Unknown label ${JSON.stringify(change.label)}.`);
    if (typeof props.name !== 'string' || props.name.trim() === '') throw new UserInputError('An entity needs a name.');
    return entityStatement(change.label, props);
  }
  if (!isRelType(change.type)) throw new UserInputError(`Unknown relationship type ${JSON.stringify(change.type)}.`);
  const ends = await ctx.store.getEntities([change.source, change.target], ctx.meta);
  const end = (id: string): { id: string; label: NodeLabel } => {
    const found = ends.find((e) => e.id === id);
    if (!found) throw new UserInputError(`No entity ${JSON.stringify(id)}.`, { argument: 'change' });
    return { id, label: found.label };
  };
  return relationshipStatement({ type: change.type, from: end(change.source), to: end(change.target), props });
}

async function record(
  ctx: CaseContext,
  proposal: Proposal,
  action: HistoryAction,
  approver: string | null,
): Promise<void> {
  const targets = [proposal.change.id, ...proposal.documents.map((d) => d.id)];
  for (const targetId of targets) {
    const entry: HistoryEntry = {
      id: ctx.newId('history'),
      targetId,
      at: ctx.now(),
      user: ctx.viewer.username,
      action,
      before: null,
      after: targetId === proposal.change.id ? proposal.change : proposal.documents.find((d) => d.id === targetId),
      sources: proposal.sources,
      grading: proposal.grading,
      proposalId: proposal.id,
      approver,
    };
    await ctx.records.history.put(entry);
  }
}
