/**
 * Investigations, their members, saved views and notes. Every read answers only
 * what the viewer's standing allows (membership.ts), and views and notes are
 * stripped of informant identities for members without clearance.
 */
import { UserInputError } from '../errors.ts';
import { normaliseUsername } from '../users/accounts.ts';
import { restrictedAround, type CaseContext } from './context.ts';
import { Deconfliction } from './Deconfliction.ts';
import { memberOf, notFound, requireAccess, standingOf } from './membership.ts';
import { mentionsIn } from './mentions.ts';
import { ALL_INVESTIGATIONS, type Access, type Investigation, type Note, type SavedView } from './records.ts';
import { entityIdsOf, reachedOnlyThrough, withoutIds } from './view-content.ts';

const MAX_TEXT = 10_000;
const MAX_NAME = 200;

/** An investigation as the viewer may see it: content for members, existence and members for admins. */
export interface InvestigationAnswer {
  readonly id: string;
  readonly name: string | null;
  readonly caseNumber: string | null;
  readonly access: Access | null;
  readonly members: Investigation['members'];
  readonly views: ReadonlyArray<Pick<SavedView, 'id' | 'name' | 'view' | 'savedBy' | 'savedAt'>>;
  readonly notes: readonly Note[];
  readonly journal: Investigation['journal'];
}

/** The investigation, if the viewer is a member with `access` at least (membership.ts says what others get). */
async function openAs(ctx: CaseContext, id: string, access: Access): Promise<Investigation> {
  return requireAccess(await ctx.records.investigations.find(id), id, ctx.viewer, access);
}

function text(value: string, what: string, max: number): string {
  const trimmed = value.trim();
  if (trimmed.length === 0) throw new UserInputError(`${what} must not be empty.`, { argument: what });
  if (trimmed.length > max) throw new UserInputError(`${what} is longer than ${max} characters.`, { argument: what });
  return trimmed;
}

export async function createInvestigation(
  ctx: CaseContext,
  input: { name: string; caseNumber: string },
): Promise<Investigation> {
  const at = ctx.now();
  const investigation: Investigation = {
    id: ctx.newId('inv'),
    name: text(input.name, 'name', MAX_NAME),
    caseNumber: text(input.caseNumber, 'caseNumber', MAX_NAME),
    createdBy: ctx.viewer.username,
    createdAt: at,
    members: [{ username: ctx.viewer.username, access: 'OWNER' }],
    journal: [{ at, user: ctx.viewer.username, action: 'created the investigation' }],
  };
  await ctx.records.investigations.put(investigation);
  return investigation;
}

/** Members see theirs; an admin also sees that the others exist. */
export async function listInvestigations(ctx: CaseContext): Promise<InvestigationAnswer[]> {
  const keys = ctx.viewer.role === 'ADMIN' ? [ALL_INVESTIGATIONS] : [ctx.viewer.username];
  const found = await ctx.records.investigations.byKey(keys);
  return Promise.all(found.map((i) => answer(ctx, i, false)));
}

export async function getInvestigation(ctx: CaseContext, id: string): Promise<InvestigationAnswer> {
  const investigation = await ctx.records.investigations.find(id);
  const standing = standingOf(investigation, ctx.viewer);
  if (investigation === undefined || standing.kind === 'outsider') throw notFound(id);
  return answer(ctx, investigation, true);
}

async function answer(ctx: CaseContext, i: Investigation, withContent: boolean): Promise<InvestigationAnswer> {
  const standing = standingOf(i, ctx.viewer);
  if (standing.kind !== 'member') {
    return {
      id: i.id,
      name: null,
      caseNumber: null,
      access: null,
      members: i.members,
      views: [],
      notes: [],
      journal: [],
    };
  }
  const base = { id: i.id, name: i.name, caseNumber: i.caseNumber, access: standing.access, members: i.members };
  if (!withContent) return { ...base, views: [], notes: [], journal: [] };
  const [views, notes] = await Promise.all([ctx.records.views.byOwner(i.id), ctx.records.notes.byOwner(i.id)]);
  const hidden = new Set<string>();
  if (!ctx.viewer.informantClearance) {
    for (const view of views) {
      const withheld = new Set((await restrictedAround(ctx, view.view, view.subjects)).map((r) => r.id));
      for (const id of [...withheld, ...reachedOnlyThrough(view.view, withheld)]) hidden.add(id);
    }
  }
  return {
    ...base,
    views: views.map((v) => ({
      id: v.id,
      name: v.name,
      view: withoutIds(v.view, hidden),
      savedBy: v.savedBy,
      savedAt: v.savedAt,
    })),
    notes: notes.filter((n) => !hidden.has(n.targetId)),
    journal: i.journal,
  };
}

export async function shareInvestigation(
  ctx: CaseContext,
  input: { id: string; username: string; access: Access },
): Promise<Investigation> {
  const investigation = await openAs(ctx, input.id, 'OWNER');
  const username = normaliseUsername(input.username);
  const user = await ctx.store.findUser(username);
  if (!user || user.disabled)
    throw new UserInputError(`No active user ${JSON.stringify(username)}.`, { argument: 'username' });
  const others = investigation.members.filter((m) => m.username !== username);
  if (input.access !== 'OWNER' && !others.some((m) => m.access === 'OWNER')) {
    throw new UserInputError('An investigation keeps at least one OWNER.', { argument: 'access' });
  }
  const was = memberOf(investigation, username);
  const shared: Investigation = {
    ...investigation,
    members: [...others, { username, access: input.access }],
    journal: [
      ...investigation.journal,
      {
        at: ctx.now(),
        user: ctx.viewer.username,
        action: `${was ? 'changed' : 'added'} ${username} as ${input.access}`,
      },
    ],
  };
  await ctx.records.investigations.put(shared);
  return shared;
}

/** Saves the view under its name (the explorer autosaves the open view this way). */
export async function saveView(
  ctx: CaseContext,
  input: { investigationId: string; name: string; view: unknown },
): Promise<SavedView> {
  const { investigationId } = input;
  const investigation = await openAs(ctx, investigationId, 'EDITOR');
  const name = text(input.name, 'name', MAX_NAME);
  const existing = (await ctx.records.views.byOwner(investigationId)).find((v) => v.name === name);
  const subjects = entityIdsOf(input.view);
  const view: SavedView = {
    id: existing?.id ?? ctx.newId('view'),
    investigationId,
    name,
    view: input.view,
    savedBy: ctx.viewer.username,
    savedAt: ctx.now(),
    subjects,
  };
  await ctx.records.views.put(view);
  const added = subjects.filter((s) => !(existing?.subjects ?? []).includes(s));
  const removed = (existing?.subjects ?? []).filter((s) => !subjects.includes(s));
  if (added.length > 0 || removed.length > 0) {
    const action = [
      added.length ? `added ${added.join(', ')}` : '',
      removed.length ? `removed ${removed.join(', ')}` : '',
    ]
      .filter(Boolean)
      .join('; ');
    await ctx.records.investigations.put({
      ...investigation,
      journal: [
        ...investigation.journal,
        { at: view.savedAt, user: ctx.viewer.username, action: `${action} on view ${name}` },
      ],
    });
  }
  await new Deconfliction(ctx).viewSaved(investigation, view);
  return view;
}

export async function addNote(
  ctx: CaseContext,
  input: { investigationId: string; targetId: string; text: string },
): Promise<Note> {
  const { investigationId } = input;
  const investigation = await openAs(ctx, investigationId, 'EDITOR');
  const note: Note = {
    id: ctx.newId('note'),
    investigationId,
    targetId: text(input.targetId, 'targetId', MAX_NAME),
    author: ctx.viewer.username,
    at: ctx.now(),
    text: text(input.text, 'text', MAX_TEXT),
  };
  await ctx.records.notes.put(note);
  for (const username of mentionsIn(note.text)) {
    // Only members are told: a mention never reveals the investigation to anyone else.
    if (!memberOf(investigation, username) || username === note.author) continue;
    await ctx.records.notices.put({
      id: ctx.newId('notice'),
      recipient: username,
      kind: 'mention',
      at: note.at,
      entityId: note.targetId,
      investigationId,
      otherParty: note.author,
      reason: `${note.author} mentioned you in a note on ${note.targetId} in ${investigation.name}.`,
    });
  }
  return note;
}
