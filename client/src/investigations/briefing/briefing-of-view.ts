/**
 * What a briefing holds, taken from the open view alone: the entities and relationships drawn
 * (the investigator's hidden nodes and filters leave things out, as on the chart), the notes on
 * them or on the view, the red flags whose whole evidence is drawn, and the documents behind
 * them. For a reader without informant clearance, restricted links are left out as well, in
 * case the view still held one: the briefing is a file that travels.
 */
import type { Entity, RedFlag, Relationship } from '../../api/types.ts';
import { visibleElements, type Filters } from '../../model-view/filters.ts';
import type { GraphDoc } from '../../model-view/graph-doc.ts';
import { flagDates, ruleTitle } from '../../model-view/red-flags.ts';
import { RESTRICTED_REL_TYPES } from '../../shared-model.ts';
import { gradingOf } from '../grading.ts';
import type { OpenInvestigation } from '../operations.ts';
import type { Briefing, BriefingDocument, BriefingFlag, BriefingFlags, BriefingNote } from './briefing.ts';
import { messages } from '../../i18n/current.ts';

export type FlagsRead =
  { readonly phase: 'listed'; readonly flags: readonly RedFlag[] } | Extract<BriefingFlags, { phase: 'unavailable' }>;

export interface ViewContents {
  readonly doc: GraphDoc;
  readonly filters: Filters;
  readonly investigation: Pick<OpenInvestigation, 'id' | 'name' | 'caseNumber' | 'views' | 'notes'>;
  readonly reader: { readonly username: string; readonly informantClearance: boolean; readonly purpose: string };
  readonly preparedAt: string;
  readonly chart?: string;
  /** Documents read for the sources; any not named by a fact on the view are ignored. */
  readonly documents: readonly Entity[];
  readonly flags: FlagsRead;
}

export function briefingOfView(input: ViewContents): Briefing {
  const { doc, investigation, reader } = input;
  const visible = visibleElements(doc, input.filters);
  const restricted = new Set<string>(reader.informantClearance ? [] : RESTRICTED_REL_TYPES);
  const entities = [...visible.nodes].flatMap((id) => doc.nodes.get(id) ?? []);
  const relationships = [...visible.relationships]
    .flatMap((id) => doc.relationships.get(id) ?? [])
    .filter((r) => !restricted.has(r.type));
  const entityIds = new Set(entities.map((e) => e.id));
  const relationshipIds = new Set(relationships.map((r) => r.id));
  const nameOf = (id: string): string => doc.nodes.get(id)?.name ?? id;
  const sourceIds = new Set([...entities, ...relationships].flatMap((e) => e.sources));

  return {
    title: investigation.name ?? messages().briefing.untitled,
    caseNumber: investigation.caseNumber ?? '',
    preparedBy: reader.username,
    preparedAt: input.preparedAt,
    purpose: reader.purpose,
    ...(input.chart === undefined ? {} : { chart: input.chart }),
    entities: entities
      .map((e) => ({ id: e.id, label: e.label, name: e.name, ...graded(e), sources: e.sources }))
      .sort((a, b) => a.label.localeCompare(b.label) || a.name.localeCompare(b.name)),
    relationships: relationships
      .map((r) => ({
        id: r.id,
        type: r.type,
        from: nameOf(r.source),
        to: nameOf(r.target),
        when: whenOf(r),
        ...graded(r),
        sources: r.sources,
      }))
      .sort((a, b) => a.type.localeCompare(b.type) || a.from.localeCompare(b.from)),
    documents: input.documents.filter((d) => sourceIds.has(d.id)).map(documentOf),
    notes: notesOnView({ investigation, entityIds, relationshipIds, doc }),
    redFlags: flagsOnView(input.flags, { entityIds, relationshipIds }),
  };
}

function notesOnView(input: {
  investigation: ViewContents['investigation'];
  entityIds: ReadonlySet<string>;
  relationshipIds: ReadonlySet<string>;
  doc: GraphDoc;
}): BriefingNote[] {
  const { investigation, entityIds, relationshipIds, doc } = input;
  const viewIds = new Set([investigation.id, ...investigation.views.map((v) => v.id)]);
  const aboutOf = (targetId: string): string | undefined => {
    if (viewIds.has(targetId)) return 'the view';
    if (entityIds.has(targetId)) return doc.nodes.get(targetId)?.name ?? targetId;
    const rel = relationshipIds.has(targetId) ? doc.relationships.get(targetId) : undefined;
    if (!rel) return undefined;
    const name = (id: string) => doc.nodes.get(id)?.name ?? id;
    return `${name(rel.source)} ${rel.type} ${name(rel.target)}`;
  };
  return investigation.notes
    .flatMap((n) => {
      const about = aboutOf(n.targetId);
      return about === undefined ? [] : [{ about, author: n.author, at: n.at, text: n.text }];
    })
    .sort((a, b) => a.at.localeCompare(b.at));
}

/** A flag belongs to the view only when all its evidence is drawn: its summary names that evidence. */
function flagsOnView(
  read: FlagsRead,
  on: { entityIds: ReadonlySet<string>; relationshipIds: ReadonlySet<string> },
): BriefingFlags {
  if (read.phase === 'unavailable') return read;
  const flags: BriefingFlag[] = read.flags
    .filter(
      (f) => f.nodes.every((n) => on.entityIds.has(n.id)) && f.relationships.every((r) => on.relationshipIds.has(r.id)),
    )
    .map((f) => ({ rule: ruleTitle(f.rule), severity: f.severity, summary: f.summary, dates: flagDates(f) }));
  return { phase: 'listed', flags };
}

function graded(element: Entity | Relationship): { grading?: string } {
  const grading = gradingOf(element.properties);
  return grading === undefined ? {} : { grading };
}

function whenOf(rel: Relationship): string {
  const text = (key: string): string | undefined => {
    const value = rel.properties[key];
    return typeof value === 'string' && value !== '' ? value : undefined;
  };
  const at = text('at');
  if (at) return at;
  const since = text('since');
  const until = text('until');
  return since || until ? `${since ?? '…'} – ${until ?? '…'}` : '';
}

function documentOf(document: Entity): BriefingDocument {
  const text = (key: string): string | undefined => {
    const value = document.properties[key];
    return typeof value === 'string' && value !== '' ? value : undefined;
  };
  const publisher = text('publisher');
  const url = text('url');
  const publishedAt = text('publishedAt');
  return {
    id: document.id,
    title: text('title') ?? document.name,
    ...(publisher ? { publisher } : {}),
    ...(url ? { url } : {}),
    ...(publishedAt ? { publishedAt } : {}),
  };
}
