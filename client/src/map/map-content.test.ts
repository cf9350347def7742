import { describe, expect, it } from 'vitest';
import { applyChange, EMPTY_DOC, makeChange, type GraphDoc } from '../model-view/graph-doc.ts';
import { NO_FILTERS, visibleElements, type Filters } from '../model-view/filters.ts';
import { entity, rel } from '../model-view/fixtures.ts';
import { toDay } from '../model-view/time.ts';
import { mapContent, type CountryPoint } from './map-content.ts';
import { routeLabel } from './route-label.ts';

// Fictional consignment modelled like the demo's: a country of origin, a port of entry, a city inland.
const place = (id: string, kind: string, coordinates: { lat: number; lon: number } | object = {}) => ({
  ...entity(id, 'Location', { kind, ...coordinates }),
  name: id,
});
const nodes = [
  place('Colombia', 'country'),
  place('Port of Marseille', 'port', { lat: 43.33, lon: 5.35 }),
  place('Paris', 'city', { lat: 48.86, lon: 2.35 }),
  place('Nowhere-sur-Mer', 'city'),
  { ...entity('shipment-1', 'Shipment'), name: 'Bananas' },
  { ...entity('event-search', 'Event', { at: '2024-04-10' }), name: 'Search of the premises' },
];
const relationships = [
  // Written destination first on purpose: the order drawn must not be the order read.
  rel('to-paris', 'shipment-1', 'Paris', 'SHIPPED_TO'),
  rel('to-port', 'shipment-1', 'Port of Marseille', 'SHIPPED_TO'),
  rel('from-colombia', 'shipment-1', 'Colombia', 'SHIPPED_FROM'),
  rel('search-at', 'event-search', 'Port of Marseille', 'OCCURRED_AT'),
];
const doc: GraphDoc = applyChange(
  EMPTY_DOC,
  makeChange('fixture', { addNodes: nodes, addRelationships: relationships }),
);
const countryPoint: CountryPoint = (name) => (name === 'Colombia' ? [-73, 4] : undefined);
const contentWith = (filters: Filters, d = doc) =>
  mapContent({ doc: d, visible: visibleElements(d, filters), countryPoint });

describe('map content', () => {
  it('draws the route from its origin through the port of entry to the inland city, and says the order is inferred', () => {
    const [route] = contentWith(NO_FILTERS).routes;
    expect(route?.stops.map((s) => s.locationId)).toEqual(['Colombia', 'Port of Marseille', 'Paris']);
    expect(route?.orderInferred).toBe(true);
  });

  it('orders destinations by their dates when every one is dated, even against the entry-point rule', () => {
    const dated = applyChange(
      doc,
      makeChange('dates', {
        removeRelationships: relationships.slice(0, 2),
        addRelationships: [
          rel('to-paris', 'shipment-1', 'Paris', 'SHIPPED_TO', { at: '2023-01-01' }),
          rel('to-port', 'shipment-1', 'Port of Marseille', 'SHIPPED_TO', { at: '2023-02-01' }),
        ],
      }),
    );
    const [route] = contentWith(NO_FILTERS, dated).routes;
    expect(route?.stops.map((s) => s.locationId)).toEqual(['Colombia', 'Paris', 'Port of Marseille']);
    expect(route?.orderInferred).toBe(false);
  });

  it('places by lat/lon, a country by its outline, and lists a place without coordinates as not placed', () => {
    const content = contentWith(NO_FILTERS);
    expect(content.placed.map((p) => [p.id, p.placedBy])).toEqual([
      ['Colombia', 'country outline'],
      ['Paris', 'coordinates'],
      ['Port of Marseille', 'coordinates'],
    ]);
    expect(content.placed.find((p) => p.id === 'Paris')?.at).toEqual([2.35, 48.86]);
    expect(content.notPlaced.map((n) => n.id)).toEqual(['Nowhere-sur-Mer']);
  });

  it('puts an event at the place it occurred at, and drops it when the time bar leaves it out', () => {
    const port = (filters: Filters) => contentWith(filters).placed.find((p) => p.id === 'Port of Marseille');
    expect(port(NO_FILTERS)?.events.map((e) => e.name)).toEqual(['Search of the premises']);
    const before = { from: toDay('2020-01-01') ?? 0, to: toDay('2023-12-31') ?? 0 };
    expect(port({ ...NO_FILTERS, time: before })?.events).toEqual([]);
  });

  it('draws nothing the canvas does not: a hidden place leaves its route and the map', () => {
    const hidden = applyChange(doc, makeChange('hide', { hide: ['Paris'] }));
    const content = contentWith(NO_FILTERS, hidden);
    expect(content.placed.map((p) => p.id)).not.toContain('Paris');
    expect(content.routes[0]?.stops.map((s) => s.locationId)).toEqual(['Colombia', 'Port of Marseille']);
  });

  it('rejects coordinates off the globe rather than drawing them somewhere', () => {
    const off = applyChange(doc, makeChange('add', { addNodes: [place('Atlantis', 'city', { lat: 123, lon: 5 })] }));
    expect(contentWith(NO_FILTERS, off).notPlaced.map((n) => n.id)).toContain('Atlantis');
  });

  it('names a stop it cannot place in the route caption instead of leaving it out', () => {
    const unplaced = applyChange(
      doc,
      makeChange('add', { addRelationships: [rel('to-nowhere', 'shipment-1', 'Nowhere-sur-Mer', 'SHIPPED_TO')] }),
    );
    const content = contentWith(NO_FILTERS, unplaced);
    const [route] = content.routes;
    expect(route && routeLabel(route, content)).toBe(
      'Bananas: Colombia → Port of Marseille → Nowhere-sur-Mer (not placed) → Paris (undated stops: entry points first)',
    );
  });
});
