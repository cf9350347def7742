/**
 * Deconfliction: two teams working on the same person are told of each other.
 * When someone reads an entity that is on a saved view of an investigation they are
 * not a member of, its owners are told who read what and when, and the reader is
 * told that another team holds an interest and whom to contact: never the
 * investigation's id, name or content. When two investigations put the same entity
 * on their views, the owners of each are told of the other the same way.
 *
 * Informant protection: an entity that is on a view as an end of an informant
 * identity link is never the subject of a notice to anyone without clearance,
 * so no notice can point at who an informant is.
 */
import type { CaseContext } from './context.ts';
import { restrictedAround } from './context.ts';
import { memberOf, ownersOf } from './membership.ts';
import type { Investigation, Notice, SavedView } from './records.ts';

export class Deconfliction {
  private readonly clearance = new Map<string, boolean>();

  constructor(private readonly ctx: CaseContext) {}

  /** The viewer has just read these entities (search, entity, neighbourhood, paths). */
  async entitiesRead(entityIds: readonly string[]): Promise<void> {
    const { records, viewer } = this.ctx;
    const views = await records.views.byKey(entityIds);
    if (views.length === 0) return;
    const at = this.ctx.now();
    const told = await this.alreadyTold(viewer.username);
    for (const [investigation, view] of await this.foreignViews(views)) {
      const owners = ownersOf(investigation);
      const read = [...new Set(entityIds)].filter((id) => view.subjects.includes(id));
      for (const entityId of read) {
        // Owners have the entity on their own view already: telling them who read it reveals nothing more.
        for (const owner of owners) {
          await this.tell({
            recipient: owner,
            entityId,
            investigationId: investigation.id,
            otherParty: viewer.username,
            reason: `${viewer.username} read ${entityId} at ${at}, outside ${investigation.name}.`,
          });
        }
        const contact = owners.join(', ');
        if (!(await this.safeFor(viewer.username, entityId, view)) || told.has(`${entityId}|${contact}`)) continue;
        told.add(`${entityId}|${contact}`);
        await this.tell({
          recipient: viewer.username,
          entityId,
          investigationId: null,
          otherParty: contact,
          reason: `Another team holds an interest in ${entityId}: contact ${contact} before acting on it.`,
        });
      }
    }
  }

  /** A view was saved: tell both sides of every other investigation with an entity in common. */
  async viewSaved(investigation: Investigation, view: SavedView): Promise<void> {
    const { records } = this.ctx;
    const others = (await records.views.byKey(view.subjects)).filter((v) => v.investigationId !== investigation.id);
    for (const other of others) {
      const otherInvestigation = await records.investigations.find(other.investigationId);
      if (!otherInvestigation) continue;
      const shared = view.subjects.filter((s) => other.subjects.includes(s));
      const mine = ownersOf(investigation);
      const theirs = ownersOf(otherInvestigation);
      for (const entityId of shared) {
        await this.tellSide(investigation, view, other, entityId, theirs);
        await this.tellSide(otherInvestigation, other, view, entityId, mine);
      }
    }
  }

  /** Tells the owners of `side` about `entityId`, unless they were told already or must not be. */
  private async tellSide(
    side: Investigation,
    sideView: SavedView,
    otherView: SavedView,
    entityId: string,
    contacts: readonly string[],
  ): Promise<void> {
    const contact = contacts.join(', ');
    for (const owner of ownersOf(side)) {
      if (contacts.includes(owner)) continue;
      const safe = (await this.safeFor(owner, entityId, sideView)) && (await this.safeFor(owner, entityId, otherView));
      if (!safe || (await this.alreadyTold(owner)).has(`${entityId}|${contact}|${side.id}`)) continue;
      await this.tell({
        recipient: owner,
        entityId,
        investigationId: side.id,
        otherParty: contact,
        reason: `Another investigation also has ${entityId} on a view: contact ${contact}.`,
      });
    }
  }

  /** The views of investigations the viewer is not a member of, with their investigation. */
  private async foreignViews(views: readonly SavedView[]): Promise<Array<[Investigation, SavedView]>> {
    const found: Array<[Investigation, SavedView]> = [];
    for (const view of views) {
      const investigation = await this.ctx.records.investigations.find(view.investigationId);
      if (investigation && !memberOf(investigation, this.ctx.viewer.username)) found.push([investigation, view]);
    }
    return found;
  }

  /** Whether telling `username` about `entityId` on `view` reveals nothing restricted to them. */
  private async safeFor(username: string, entityId: string, view: SavedView): Promise<boolean> {
    if (await this.cleared(username)) return true;
    const restricted = await restrictedAround(this.ctx, view.view, view.subjects);
    return !restricted.some((r) => r.source === entityId || r.target === entityId);
  }

  private async cleared(username: string): Promise<boolean> {
    const known = this.clearance.get(username);
    if (known !== undefined) return known;
    const user = await this.ctx.store.findUser(username);
    const cleared = user?.informantClearance === true && !user.disabled;
    this.clearance.set(username, cleared);
    return cleared;
  }

  /** What `username` was told already, as entity|contact[|investigation] keys. */
  private async alreadyTold(username: string): Promise<Set<string>> {
    const notices = await this.ctx.records.notices.byOwner(username);
    return new Set(
      notices.flatMap((n) =>
        n.kind === 'deconfliction'
          ? [`${n.entityId}|${n.otherParty}`, `${n.entityId}|${n.otherParty}|${n.investigationId}`]
          : [],
      ),
    );
  }

  private tell(notice: Omit<Notice, 'id' | 'kind' | 'at'>): Promise<void> {
    return this.ctx.records.notices.put({
      ...notice,
      id: this.ctx.newId('notice'),
      kind: 'deconfliction',
      at: this.ctx.now(),
    });
  }
}
