import type { Relationship } from '../api/types.ts';
import type { Visible } from '../model-view/filters.ts';
import type { GraphDoc } from '../model-view/graph-doc.ts';
import { relationshipInterval } from '../model-view/time.ts';

/** One place a shipment left from or went to, with the relationship that says so. */
interface RouteStop {
  readonly locationId: string;
  readonly relationshipId: string;
  readonly role: 'from' | 'to';
}

export interface Route {
  readonly shipmentId: string;
  readonly name: string;
  /** Origins first, then destinations in the order described on `orderInferred`. */
  readonly stops: readonly RouteStop[];
  /**
   * True when some destination is undated, so their order is not stated by the data: entry
   * points (port, border crossing, airport) are then put before the places inland.
   */
  readonly orderInferred: boolean;
}

/** Kinds of Location a consignment passes through on its way in, before inland destinations. */
const ENTRY_KINDS = new Set(['port', 'border crossing', 'border-crossing', 'airport']);

function dayOf(rel: Relationship): number | undefined {
  const interval = relationshipInterval(rel);
  if (!interval) return undefined;
  return Number.isFinite(interval.from) ? interval.from : Number.isFinite(interval.to) ? interval.to : undefined;
}

interface Leg {
  readonly rel: Relationship;
  readonly day: number | undefined;
  readonly entry: boolean;
  readonly name: string;
}

function orderLegs(legs: Leg[]): { ordered: Leg[]; inferred: boolean } {
  const inferred = legs.length > 1 && legs.some((leg) => leg.day === undefined);
  const byName = (a: Leg, b: Leg) => a.name.localeCompare(b.name);
  const byDay = (a: Leg, b: Leg) =>
    (a.day ?? Number.POSITIVE_INFINITY) - (b.day ?? Number.POSITIVE_INFINITY) || byName(a, b);
  const byEntryFirst = (a: Leg, b: Leg) => Number(b.entry) - Number(a.entry) || byDay(a, b);
  return { ordered: [...legs].sort(inferred ? byEntryFirst : byDay), inferred };
}

/**
 * Shipment routes from SHIPPED_FROM and SHIPPED_TO relationships drawn on the canvas. The model
 * gives no order between destinations, so the order is the relationships' dates when every
 * destination has one; otherwise it is inferred (entry points first) and the route says so.
 */
export function shipmentRoutes(doc: GraphDoc, visible: Visible): Route[] {
  const from = new Map<string, Leg[]>();
  const to = new Map<string, Leg[]>();
  for (const id of visible.relationships) {
    const rel = doc.relationships.get(id);
    if (!rel || (rel.type !== 'SHIPPED_FROM' && rel.type !== 'SHIPPED_TO')) continue;
    const location = doc.nodes.get(rel.target);
    if (!location) continue;
    const kind = location.properties['kind'];
    const leg: Leg = {
      rel,
      day: dayOf(rel),
      entry: typeof kind === 'string' && ENTRY_KINDS.has(kind.toLowerCase()),
      name: location.name,
    };
    const into = rel.type === 'SHIPPED_FROM' ? from : to;
    into.set(rel.source, [...(into.get(rel.source) ?? []), leg]);
  }

  const routes: Route[] = [];
  for (const shipmentId of new Set([...from.keys(), ...to.keys()])) {
    const shipment = doc.nodes.get(shipmentId);
    if (!shipment) continue;
    const origins = orderLegs(from.get(shipmentId) ?? []);
    const destinations = orderLegs(to.get(shipmentId) ?? []);
    const stop = (role: RouteStop['role']) => (leg: Leg) => ({
      locationId: leg.rel.target,
      relationshipId: leg.rel.id,
      role,
    });
    routes.push({
      shipmentId,
      name: shipment.name,
      stops: [...origins.ordered.map(stop('from')), ...destinations.ordered.map(stop('to'))],
      orderInferred: origins.inferred || destinations.inferred,
    });
  }
  return routes.sort((a, b) => a.name.localeCompare(b.name));
}
