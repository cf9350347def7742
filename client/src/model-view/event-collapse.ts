import type { Entity, Relationship } from '../api/types.ts';
import type { Visible } from './filters.ts';
import type { GraphDoc } from './graph-doc.ts';

/**
 * Who keeps a link when the Event between them is collapsed: any node but another Event (a
 * person and the agency that arrested them read "arrested by" as well as two people read "met
 * at"; an Event–Event link would stand for two events, which a link labelled with one cannot say).
 */
const isCollapsedEnd = (label: string): boolean => label !== 'Event';

/** A link drawn in place of X–Event–Y: it stands for the event and its two relationships. */
export interface EventLink {
  readonly id: string;
  readonly source: string;
  readonly target: string;
  readonly event: Entity;
  /** The relationship from `source` to the event, then the one from `target`. */
  readonly relationships: readonly [Relationship, Relationship];
}

const otherEnd = (rel: Relationship, id: string): string => (rel.source === id ? rel.target : rel.source);

/**
 * Collapses every drawn Event: the Event and its relationships leave the view, and each pair of
 * nodes it linked (people, organisations, agencies, shipments, places...) gets one direct link
 * labelled with it. Need-to-know: only what `visible`
 * already draws is combined, so a relationship the viewer does not hold (or has filtered out)
 * never shows up as a link.
 */
export function collapseEvents(doc: GraphDoc, visible: Visible): { visible: Visible; links: EventLink[] } {
  const viaEvent = new Map<string, Map<string, Relationship>>();
  for (const id of visible.relationships) {
    const rel = doc.relationships.get(id);
    if (!rel) continue;
    for (const end of [rel.source, rel.target]) {
      if (doc.nodes.get(end)?.label !== 'Event' || !visible.nodes.has(end)) continue;
      const other = otherEnd(rel, end);
      const node = doc.nodes.get(other);
      if (!node || !isCollapsedEnd(node.label) || !visible.nodes.has(other)) continue;
      const ends = viaEvent.get(end) ?? new Map<string, Relationship>();
      // Two relationships from one node to one event (two roles) still make one link per pair.
      if (!ends.has(other)) ends.set(other, rel);
      viaEvent.set(end, ends);
    }
  }

  const links: EventLink[] = [];
  for (const [eventId, ends] of viaEvent) {
    const event = doc.nodes.get(eventId);
    if (!event) continue;
    const ids = [...ends.keys()].sort();
    ids.forEach((a, i) => {
      for (const b of ids.slice(i + 1)) {
        const ra = ends.get(a);
        const rb = ends.get(b);
        if (ra && rb)
          links.push({ id: `via:${eventId}:${a}:${b}`, source: a, target: b, event, relationships: [ra, rb] });
      }
    });
  }

  const nodes = new Set([...visible.nodes].filter((id) => doc.nodes.get(id)?.label !== 'Event'));
  const relationships = new Set(
    [...visible.relationships].filter((id) => {
      const rel = doc.relationships.get(id);
      return rel !== undefined && nodes.has(rel.source) && nodes.has(rel.target);
    }),
  );
  return { visible: { nodes, relationships }, links };
}
