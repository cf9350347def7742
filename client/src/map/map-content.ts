import type { Entity } from '../api/types.ts';
import type { Visible } from '../model-view/filters.ts';
import type { GraphDoc } from '../model-view/graph-doc.ts';
import { shipmentRoutes, type Route } from './routes.ts';

/** Longitude, latitude in degrees (GeoJSON order). */
export type LonLat = readonly [number, number];

/** Finds a country's point on the shipped outlines by its name; undefined when the atlas has no such country. */
export type CountryPoint = (name: string) => LonLat | undefined;

interface PlacedLocation {
  readonly id: string;
  readonly name: string;
  readonly kind: string | undefined;
  readonly at: LonLat;
  /** Where the point comes from: the node's own lat/lon, or the outline of the country it names. */
  readonly placedBy: 'coordinates' | 'country outline';
  /** Events drawn on the canvas that OCCURRED_AT this place. */
  readonly events: readonly { readonly id: string; readonly name: string }[];
}

export interface MapContent {
  readonly placed: readonly PlacedLocation[];
  /** Locations on the canvas the map cannot place (no lat/lon, not a known country). */
  readonly notPlaced: readonly Entity[];
  readonly routes: readonly Route[];
}

/** A coordinate pair the map can draw: both numbers, within the globe. */
function ownCoordinates(location: Entity): LonLat | undefined {
  const lat = location.properties['lat'];
  const lon = location.properties['lon'];
  if (typeof lat !== 'number' || typeof lon !== 'number') return undefined;
  if (!Number.isFinite(lat) || !Number.isFinite(lon) || Math.abs(lat) > 90 || Math.abs(lon) > 180) return undefined;
  return [lon, lat];
}

function place(location: Entity, countryPoint: CountryPoint): Pick<PlacedLocation, 'at' | 'placedBy'> | undefined {
  const own = ownCoordinates(location);
  if (own) return { at: own, placedBy: 'coordinates' };
  // A country is a place the outlines already hold; any other place needs its own coordinates
  // (putting a city at its country's centre would draw it where it is not).
  if (location.properties['kind'] !== 'country') return undefined;
  const at = countryPoint(location.name);
  return at ? { at, placedBy: 'country outline' } : undefined;
}

/**
 * What the map draws: only what the canvas draws (`visible`, with the filters and the time bar
 * already applied), so the map never shows more than was read and audited.
 */
export function mapContent(input: { doc: GraphDoc; visible: Visible; countryPoint: CountryPoint }): MapContent {
  const { doc, visible, countryPoint } = input;
  const eventsAt = new Map<string, { id: string; name: string }[]>();
  for (const id of visible.relationships) {
    const rel = doc.relationships.get(id);
    if (rel?.type !== 'OCCURRED_AT') continue;
    const event = doc.nodes.get(rel.source);
    if (!event) continue;
    const list = eventsAt.get(rel.target) ?? [];
    list.push({ id: event.id, name: event.name });
    eventsAt.set(rel.target, list);
  }

  const placed: PlacedLocation[] = [];
  const notPlaced: Entity[] = [];
  for (const id of visible.nodes) {
    const node = doc.nodes.get(id);
    if (node?.label !== 'Location') continue;
    const where = place(node, countryPoint);
    if (!where) {
      notPlaced.push(node);
      continue;
    }
    const kind = node.properties['kind'];
    placed.push({
      id: node.id,
      name: node.name,
      kind: typeof kind === 'string' ? kind : undefined,
      ...where,
      events: eventsAt.get(node.id) ?? [],
    });
  }
  const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
  return { placed: placed.sort(byName), notPlaced: notPlaced.sort(byName), routes: shipmentRoutes(doc, visible) };
}
