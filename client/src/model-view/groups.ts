import { messages } from '../i18n/current.ts';
import type { Entity } from '../api/types.ts';
import { makeChange, type GraphChange, type GraphDoc } from './graph-doc.ts';

/**
 * Several nodes the analyst combined into one (a clan's members): drawn as one group node that
 * takes over their relationships. The members stay in the workspace, so opening the group again
 * brings them back exactly as they were.
 */
export interface NodeGroup {
  readonly id: string;
  /** The analyst's label for the group, e.g. "Djeha clan". */
  readonly name: string;
  readonly members: readonly string[];
}

/** Group node ids live beside entity ids on the canvas: a prefix no entity id of the model uses. */
const GROUP_ID_PREFIX = 'group:';

export const isGroupId = (id: string): boolean => id.startsWith(GROUP_ID_PREFIX);

/** Member id → its group, for the groups whose members are still in the workspace. */
export function groupOfMember(doc: GraphDoc): Map<string, NodeGroup> {
  const index = new Map<string, NodeGroup>();
  for (const group of doc.groups?.values() ?? []) for (const id of group.members) index.set(id, group);
  return index;
}

/** The nodes of a selection that can join a new group: in the workspace and in no group yet. */
export function groupableMembers(doc: GraphDoc, selection: readonly string[]): string[] {
  const grouped = groupOfMember(doc);
  return [...new Set(selection)].filter((id) => doc.nodes.has(id) && !grouped.has(id));
}

/**
 * One undoable change that combines the members into a group. Fewer than two members is no group:
 * the change is empty. `id` comes from the caller so that planning stays pure.
 */
export function planGroup(doc: GraphDoc, input: { id: string; name: string; members: readonly string[] }): GraphChange {
  const members = groupableMembers(doc, input.members);
  const words = messages().analystOps;
  const name = input.name.trim() || words.defaultGroupName(members.length);
  if (members.length < 2 || doc.groups?.has(input.id)) return makeChange(words.groupChange(name), {});
  return makeChange(words.groupChange(name), { addGroups: [{ id: input.id, name, members }] });
}

/** Opens a group again: its members are drawn with their own relationships, as before. */
export function planUngroup(doc: GraphDoc, groupId: string): GraphChange {
  const group = doc.groups?.get(groupId);
  const words = messages().analystOps;
  if (!group) return makeChange(words.openGroupPlain, {});
  return makeChange(words.openGroupChange(group.name), { removeGroups: [group] });
}

/** Groups after some nodes left the workspace: members gone are dropped, a group left with one or none goes. */
export function keptGroups(
  groups: ReadonlyMap<string, NodeGroup>,
  nodes: ReadonlyMap<string, Entity>,
): Map<string, NodeGroup> {
  const kept = new Map<string, NodeGroup>();
  for (const group of groups.values()) {
    const members = group.members.filter((id) => nodes.has(id));
    if (members.length >= 2) kept.set(group.id, { ...group, members });
  }
  return kept;
}

/** A fresh group id; the counter keeps ids unique within a tab even within one millisecond. */
let counter = 0;
export function newGroupId(): string {
  counter += 1;
  return `${GROUP_ID_PREFIX}${Date.now().toString(36)}-${counter}`;
}

/** Groups from a workspace file: malformed ones are left out, members not in the file dropped. */
export function parseGroups(raw: unknown, nodeIds: ReadonlySet<string>): Map<string, NodeGroup> {
  const groups = new Map<string, NodeGroup>();
  if (!Array.isArray(raw)) return groups;
  const taken = new Set<string>();
  for (const item of raw as unknown[]) {
    if (typeof item !== 'object' || item === null) continue;
    const { id, name, members } = item as Record<string, unknown>;
    if (typeof id !== 'string' || !isGroupId(id) || typeof name !== 'string' || !Array.isArray(members)) continue;
    // A node belongs to one group at most: a hand-edited file listing it twice keeps the first.
    const kept = (members as unknown[]).filter(
      (m): m is string => typeof m === 'string' && nodeIds.has(m) && !taken.has(m),
    );
    if (kept.length < 2 || groups.has(id)) continue;
    for (const m of kept) taken.add(m);
    groups.set(id, { id, name, members: kept });
  }
  return groups;
}
