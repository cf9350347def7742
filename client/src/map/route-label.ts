import type { MapContent } from './map-content.ts';
import type { Route } from './routes.ts';
import { messages } from '../i18n/current.ts';

/** "Bananas: Colombia → Port of Marseille → Paris", naming unplaced stops and an inferred order. */
export function routeLabel(route: Route, content: MapContent): string {
  const words = messages().map;
  const placed = new Set(content.placed.map((p) => p.id));
  const names = new Map([...content.placed, ...content.notPlaced].map((p) => [p.id, p.name]));
  const stops = route.stops.map((s) => {
    const name = names.get(s.locationId) ?? s.locationId;
    return placed.has(s.locationId) ? name : words.stopNotPlaced(name);
  });
  const order = route.orderInferred ? words.inferred : '';
  return `${route.name}: ${stops.join(' → ')}${order}`;
}
