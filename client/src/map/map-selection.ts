import type { Visible } from '../model-view/filters.ts';
import type { GraphDoc } from '../model-view/graph-doc.ts';
import type { MapContent } from './map-content.ts';

type MapRoute = MapContent['routes'][number];
type MapPlace = MapContent['placed'][number];

/** How a mark shows the canvas selection: chosen itself, tied to a chosen node, or neither. */
export type Mark = 'selected' | 'related' | undefined;

export interface MapMarks {
  /** A place, event or node in the lists: selected on the canvas, or tied to a selected node. */
  readonly of: (id: string) => Mark;
  /** A place is selected with an event there; related when the event is tied to a selected node. */
  readonly place: (place: MapPlace) => Mark;
  /** A route is selected with its shipment or one of its legs. */
  readonly route: (route: MapRoute) => Mark;
}

/**
 * The canvas selection on the map, for any number of selected nodes. Besides what is selected,
 * the events and shipments a selected node is linked to (a person INVOLVED_IN a search, an
 * organisation that ORGANIZED a shipment) are marked as related, through drawn relationships
 * only, so the map marks nothing the canvas does not show.
 */
export function mapMarks(input: { doc: GraphDoc; visible: Visible; selection: readonly string[] }): MapMarks {
  const { doc, visible } = input;
  const selected = new Set(input.selection);
  const related = new Set<string>();
  for (const id of visible.relationships) {
    const rel = doc.relationships.get(id);
    if (!rel) continue;
    for (const [from, to] of [
      [rel.source, rel.target],
      [rel.target, rel.source],
    ] as const) {
      const label = doc.nodes.get(to)?.label;
      if (selected.has(from) && (label === 'Event' || label === 'Shipment')) related.add(to);
    }
  }
  const of = (id: string): Mark => (selected.has(id) ? 'selected' : related.has(id) ? 'related' : undefined);
  return {
    of,
    place: (place) => {
      if (selected.has(place.id) || place.events.some((e) => selected.has(e.id))) return 'selected';
      return place.events.some((e) => related.has(e.id)) ? 'related' : undefined;
    },
    route: (route) => {
      if (selected.has(route.shipmentId) || route.stops.some((s) => selected.has(s.relationshipId))) return 'selected';
      return related.has(route.shipmentId) ? 'related' : undefined;
    },
  };
}

/**
 * The selection after a pick on the map: a plain pick selects only that mark; with shift or
 * ctrl it is added, or taken out if already selected (but the last one stays: the canvas has
 * no empty selection to go to from here, and a click on its background clears it).
 */
export function pickedSelection(input: {
  selection: readonly string[];
  ids: readonly string[];
  additive: boolean;
}): string[] {
  const { selection, ids, additive } = input;
  if (!additive) return [...ids];
  const [only] = ids;
  if (ids.length === 1 && only !== undefined && selection.includes(only)) {
    const rest = selection.filter((id) => id !== only);
    return rest.length > 0 ? rest : [...selection];
  }
  return [...new Set([...selection, ...ids])];
}

/** Shift, ctrl or cmd held: a pick on the map adds to the selection rather than replacing it. */
export const isAdditive = (e: { shiftKey: boolean; ctrlKey: boolean; metaKey: boolean }): boolean =>
  e.shiftKey || e.ctrlKey || e.metaKey;
