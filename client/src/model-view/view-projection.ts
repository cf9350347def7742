import type { Entity, Relationship } from '../api/types.ts';
import { edgeElement } from './elements.ts';
import { collapseEvents, type EventLink } from './event-collapse.ts';
import { visibleElements, type Filters, type Visible } from './filters.ts';
import type { GraphDoc } from './graph-doc.ts';
import { groupOfMember, type NodeGroup } from './groups.ts';

/** A group node standing in for its members. */
export interface DerivedNode {
  readonly id: string;
  readonly caption: string;
  readonly group: NodeGroup;
  /** Members the filters would draw: the group shows while one of them would. */
  readonly shownMembers: readonly string[];
}

/** An edge the workspace does not hold as such: a collapsed event, or a relationship re-routed to a group. */
export interface DerivedEdge {
  readonly id: string;
  readonly source: string;
  readonly target: string;
  readonly type: string;
  readonly caption: string;
  readonly classes: string;
  /** The collapsed Event, when the edge stands for one. */
  readonly event?: Entity;
  /** The workspace relationships the edge stands for. */
  readonly relationships: readonly Relationship[];
}

/** What the canvas draws: the visible workspace elements plus the derived ones. */
export interface ViewProjection {
  readonly visible: Visible;
  readonly nodes: readonly DerivedNode[];
  readonly edges: readonly DerivedEdge[];
}

export const EVENT_LINK_TYPE = 'VIA_EVENT';

/**
 * The view after the analyst's operations: Events collapsed into direct links when asked, then
 * groups drawn in place of their members with the members' relationships re-routed to them.
 * Nothing here reads beyond `doc`: derived elements only rearrange what the canvas already holds.
 */
export function projectView(input: { doc: GraphDoc; filters: Filters; collapseEvents: boolean }): ViewProjection {
  const { doc } = input;
  // Collapsing keeps people linked through Events even while the Event label is filtered out.
  const filters = input.collapseEvents
    ? { ...input.filters, hiddenLabels: input.filters.hiddenLabels.filter((l) => l !== 'Event') }
    : input.filters;
  const plain = visibleElements(doc, filters);
  const collapsed = input.collapseEvents ? collapseEvents(doc, plain) : { visible: plain, links: [] };
  return groupView(doc, collapsed.visible, collapsed.links.map(eventEdge));
}

function eventEdge(link: EventLink): DerivedEdge {
  return {
    id: link.id,
    source: link.source,
    target: link.target,
    type: EVENT_LINK_TYPE,
    caption: link.event.name,
    classes: 'via-event',
    event: link.event,
    relationships: link.relationships,
  };
}

function groupView(doc: GraphDoc, visible: Visible, edges: readonly DerivedEdge[]): ViewProjection {
  const memberOf = groupOfMember(doc);
  if (memberOf.size === 0) return { visible, nodes: [], edges };
  const nodes = new Set(visible.nodes);
  const derivedNodes: DerivedNode[] = [];
  for (const group of doc.groups?.values() ?? []) {
    const present = group.members.filter((id) => doc.nodes.has(id));
    const shownMembers = present.filter((id) => visible.nodes.has(id));
    for (const id of present) nodes.delete(id);
    if (shownMembers.length === 0) continue;
    derivedNodes.push({ id: group.id, caption: `${group.name} (${present.length})`, group, shownMembers });
  }
  const shown = new Set(derivedNodes.map((n) => n.id));
  const endOf = (id: string): string | undefined => {
    const group = memberOf.get(id);
    if (!group) return id;
    return shown.has(group.id) ? group.id : undefined;
  };

  const relationships = new Set<string>();
  const derivedEdges: DerivedEdge[] = [];
  const route = (edge: DerivedEdge, isWorkspaceRel: boolean) => {
    const source = endOf(edge.source);
    const target = endOf(edge.target);
    // Inside one group, or to a member of a group not drawn: nothing to draw.
    if (source === undefined || target === undefined || source === target) return;
    if (source === edge.source && target === edge.target) {
      if (isWorkspaceRel) relationships.add(edge.id);
      else derivedEdges.push(edge);
      return;
    }
    derivedEdges.push({
      ...edge,
      id: `rerouted:${edge.id}:${source}:${target}`,
      source,
      target,
      classes: `${edge.classes} rerouted`,
    });
  };
  for (const id of visible.relationships) {
    const rel = doc.relationships.get(id);
    if (rel) route(relationshipEdge(rel), true);
  }
  for (const edge of edges) route(edge, false);
  return { visible: { nodes, relationships }, nodes: derivedNodes, edges: derivedEdges };
}

function relationshipEdge(rel: Relationship): DerivedEdge {
  const element = edgeElement(rel);
  return {
    id: rel.id,
    source: rel.source,
    target: rel.target,
    type: rel.type,
    caption: element.data.caption,
    classes: element.classes,
    relationships: [rel],
  };
}

/** What a derived element on the canvas stands for, for its details. */
export function findDerived(
  projection: ViewProjection,
  id: string,
): { kind: 'group'; node: DerivedNode } | { kind: 'edge'; edge: DerivedEdge } | undefined {
  const node = projection.nodes.find((n) => n.id === id);
  if (node) return { kind: 'group', node };
  const edge = projection.edges.find((e) => e.id === id);
  return edge ? { kind: 'edge', edge } : undefined;
}
