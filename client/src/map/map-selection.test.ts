import { describe, expect, it } from 'vitest';
import { applyChange, EMPTY_DOC, makeChange } from '../model-view/graph-doc.ts';
import { NO_FILTERS, visibleElements } from '../model-view/filters.ts';
import { entity, person, rel } from '../model-view/fixtures.ts';
import { mapContent } from './map-content.ts';
import { mapMarks, pickedSelection } from './map-selection.ts';

// A trafficker at a search in Marseille, his clan behind a shipment to Paris, a third place apart.
const doc = applyChange(
  EMPTY_DOC,
  makeChange('fixture', {
    addNodes: [
      person('djeha'),
      entity('clan', 'Organization'),
      entity('marseille', 'Location', { lat: 43.3, lon: 5.37 }),
      entity('paris', 'Location', { lat: 48.86, lon: 2.35 }),
      entity('lyon', 'Location', { lat: 45.76, lon: 4.83 }),
      entity('search', 'Event', { at: '2024-04-10' }),
      entity('bananas', 'Shipment'),
    ],
    addRelationships: [
      rel('djeha-search', 'djeha', 'search', 'INVOLVED_IN'),
      rel('search-at', 'search', 'marseille', 'OCCURRED_AT'),
      rel('clan-bananas', 'clan', 'bananas', 'ORGANIZED'),
      rel('to-paris', 'bananas', 'paris', 'SHIPPED_TO'),
    ],
  }),
);
const marksOf = (selection: string[], d = doc) => {
  const shown = visibleElements(d, NO_FILTERS);
  const marks = mapMarks({ doc: d, visible: shown, selection });
  const drawn = mapContent({ doc: d, visible: shown, countryPoint: () => undefined });
  return {
    places: Object.fromEntries(drawn.placed.map((p) => [p.id, marks.place(p) ?? '-'])),
    routes: Object.fromEntries(drawn.routes.map((r) => [r.shipmentId, marks.route(r) ?? '-'])),
    event: marks.of('search') ?? '-',
  };
};

describe('the canvas selection on the map', () => {
  it('marks every selected place, not only one', () => {
    expect(marksOf(['paris', 'lyon']).places).toEqual({ lyon: 'selected', marseille: '-', paris: 'selected' });
  });

  it('marks the events and shipment routes of several selected nodes as related', () => {
    const marks = marksOf(['djeha', 'clan']);
    expect(marks.places).toEqual({ lyon: '-', marseille: 'related', paris: '-' });
    expect(marks.routes).toEqual({ bananas: 'related' });
    expect(marks.event).toBe('related');
    // The event and the shipment selected themselves are selected, not related.
    expect(marksOf(['search', 'bananas'])).toEqual({
      places: { lyon: '-', marseille: 'selected', paris: '-' },
      routes: { bananas: 'selected' },
      event: 'selected',
    });
  });

  it('ties nothing through a relationship the canvas does not draw', () => {
    const hidden = applyChange(doc, makeChange('hide', { hide: ['search'] }));
    expect(marksOf(['djeha'], hidden).places).toEqual({ lyon: '-', marseille: '-', paris: '-' });
  });
});

describe('picking on the map', () => {
  it('replaces the selection on a plain click, adds with shift or ctrl, and takes out a selected mark', () => {
    expect(pickedSelection({ selection: ['paris', 'djeha'], ids: ['lyon'], additive: false })).toEqual(['lyon']);
    expect(pickedSelection({ selection: ['paris', 'djeha'], ids: ['lyon'], additive: true })).toEqual([
      'paris',
      'djeha',
      'lyon',
    ]);
    expect(pickedSelection({ selection: ['paris', 'djeha'], ids: ['paris'], additive: true })).toEqual(['djeha']);
    // The last selected mark stays selected: the map cannot leave the canvas with nothing.
    expect(pickedSelection({ selection: ['paris'], ids: ['paris'], additive: true })).toEqual(['paris']);
  });

  it('adds the places of a box to the selection without duplicates', () => {
    expect(pickedSelection({ selection: ['paris', 'djeha'], ids: ['paris', 'lyon'], additive: true })).toEqual([
      'paris',
      'djeha',
      'lyon',
    ]);
  });
});
