import { isLowGraded } from '../investigations/grading.ts';
import type { GraphDoc } from './graph-doc.ts';
import { isNodeLabel } from '../shared-model.ts';
import { passesAll, type PropertyFilter } from './property-filters.ts';
import { nodeInterval, overlaps, relationshipInterval, type DayInterval } from './time.ts';

/** What the investigator chose not to see. None of this is a graph change (not undoable). */
export interface Filters {
  readonly hiddenLabels: readonly string[];
  readonly hiddenTypes: readonly string[];
  /** Show only what held within this window; undefined shows everything. */
  readonly time?: DayInterval;
  /** Keep relationships and events without any date while a time window is set. */
  readonly keepUndated: boolean;
  /** Hide facts with a low Admiralty grading (source D–F or information 4–6). */
  readonly hideLowGraded?: boolean;
  /** Show only the nodes and relationships of a label or type whose property passes (property-filters.ts). */
  readonly properties?: readonly PropertyFilter[];
}

export const NO_FILTERS: Filters = { hiddenLabels: [], hiddenTypes: [], keepUndated: true };

export interface Visible {
  readonly nodes: ReadonlySet<string>;
  readonly relationships: ReadonlySet<string>;
}

/** Which nodes and relationships are drawn: not hidden by the investigator nor by a filter. */
export function visibleElements(doc: GraphDoc, filters: Filters): Visible {
  const hiddenLabels = new Set(filters.hiddenLabels);
  const hiddenTypes = new Set(filters.hiddenTypes);
  const inTime = (interval: DayInterval | undefined): boolean =>
    filters.time === undefined ? true : interval === undefined ? filters.keepUndated : overlaps(interval, filters.time);

  const nodes = new Set<string>();
  for (const node of doc.nodes.values()) {
    if (doc.hidden.has(node.id) || hiddenLabels.has(node.label)) continue;
    if (filters.hideLowGraded === true && isLowGraded(node.properties)) continue;
    if (node.label === 'Event' && !inTime(nodeInterval(node))) continue;
    if (!passesAll(filters.properties, node.label, node.properties)) continue;
    nodes.add(node.id);
  }
  const relationships = new Set<string>();
  for (const rel of doc.relationships.values()) {
    if (!nodes.has(rel.source) || !nodes.has(rel.target) || hiddenTypes.has(rel.type)) continue;
    if (!inTime(relationshipInterval(rel) ?? eventInterval(doc, rel.source) ?? eventInterval(doc, rel.target)))
      continue;
    if (filters.hideLowGraded === true && isLowGraded(rel.properties)) continue;
    if (!passesAll(filters.properties, rel.type, rel.properties)) continue;
    relationships.add(rel.id);
  }
  // A relationship filtered out by a property leaves no one floating, as a time window does.
  const onTypes = (filters.properties ?? []).some((f) => !isNodeLabel(f.on));
  if (filters.time !== undefined || onTypes) dropStranded(doc, nodes, relationships);
  return { nodes, relationships };
}

/**
 * A part in an event with no date of its own (INVOLVED_IN, OCCURRED_AT) held when the event did:
 * without this, "keep undated" off took every participant away from a raid inside the window,
 * and the raid with them.
 */
function eventInterval(doc: GraphDoc, id: string): DayInterval | undefined {
  const node = doc.nodes.get(id);
  return node ? nodeInterval(node) : undefined;
}

/**
 * A time window shows what held within it: a node whose every relationship on the canvas fell
 * outside the window is not drawn floating on its own. A node that had no relationship on the
 * canvas in the first place (a person just found by search) stays, and so does an event the
 * window kept for its own date.
 */
function dropStranded(doc: GraphDoc, nodes: Set<string>, relationships: ReadonlySet<string>): void {
  const linked = new Set<string>();
  const kept = new Set<string>();
  for (const rel of doc.relationships.values()) {
    if (!nodes.has(rel.source) || !nodes.has(rel.target)) continue;
    linked.add(rel.source).add(rel.target);
    if (relationships.has(rel.id)) kept.add(rel.source).add(rel.target);
  }
  for (const id of linked) {
    const node = doc.nodes.get(id);
    if (!kept.has(id) && (node === undefined || nodeInterval(node) === undefined)) nodes.delete(id);
  }
}

export function toggle<T extends string>(values: readonly T[], value: T): T[] {
  return values.includes(value) ? values.filter((v) => v !== value) : [...values, value];
}
