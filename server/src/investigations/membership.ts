/**
 * Who may see and do what in an investigation. Only members learn that an
 * investigation exists: for anyone else an existing id and a made-up one get the
 * very same NOT_FOUND, message included. An admin who is not a member sees that it
 * exists and who its members are, never its content.
 */
import type { Viewer } from '../auth/viewer.ts';
import { ForbiddenError, NotFoundError } from '../errors.ts';
import type { Access, Investigation, Member } from './records.ts';

const RANK: Readonly<Record<Access, number>> = { READER: 1, EDITOR: 2, OWNER: 3 };

export const notFound = (id: string): NotFoundError => new NotFoundError(`No investigation ${JSON.stringify(id)}.`);

export function memberOf(investigation: Investigation, username: string): Member | undefined {
  return investigation.members.find((m) => m.username === username);
}

export const ownersOf = (investigation: Investigation): string[] =>
  investigation.members.filter((m) => m.access === 'OWNER').map((m) => m.username);

/** What the viewer may know of an investigation: its content, its existence only, or nothing. */
export type Standing =
  { readonly kind: 'member'; readonly access: Access } | { readonly kind: 'overseer' } | { readonly kind: 'outsider' };

export function standingOf(investigation: Investigation | undefined, viewer: Viewer): Standing {
  const member = investigation && memberOf(investigation, viewer.username);
  if (member) return { kind: 'member', access: member.access };
  if (investigation && viewer.role === 'ADMIN') return { kind: 'overseer' };
  return { kind: 'outsider' };
}

/**
 * The investigation, if the viewer is a member with at least `needed` access.
 * Non-members (admins included) get NOT_FOUND or FORBIDDEN exactly as the rules say:
 * an outsider cannot tell a refusal from a missing id.
 */
export function requireAccess(
  investigation: Investigation | undefined,
  id: string,
  viewer: Viewer,
  needed: Access,
): Investigation {
  const standing = standingOf(investigation, viewer);
  if (investigation === undefined || standing.kind === 'outsider') throw notFound(id);
  if (standing.kind === 'overseer') throw new ForbiddenError('Admins see who the members are, not the content.');
  if (RANK[standing.access] < RANK[needed]) {
    throw new ForbiddenError(`This needs ${needed} access to the investigation; you have ${standing.access}.`);
  }
  return investigation;
}
