import { describe, expect, it } from 'vitest';
import { entityIdsOf, reachedOnlyThrough, restrictedByType, withoutIds } from './view-content.ts';

const entity = (id: string) => ({ id, label: 'Person', name: id, properties: {}, sources: [] });
const rel = (id: string, type: string, source: string, target: string) => ({
  id,
  type,
  source,
  target,
  properties: {},
  sources: [],
});

const saved = {
  format: 'maillon-workspace',
  nodes: [entity('informant-x'), entity('person-p'), entity('person-q')],
  relationships: [
    rel('r-identity', 'IDENTIFIES_AS', 'informant-x', 'person-p'),
    rel('r-paid', 'PAID', 'person-q', 'person-p'),
  ],
  hidden: ['r-identity'],
  pinned: ['person-p'],
  omitted: {},
  positions: { 'informant-x': { x: 1, y: 2 }, 'r-identity': { x: 0, y: 0 } },
};

describe('a saved view opened without clearance', () => {
  it('keeps no trace of a restricted relationship: not as an element, a list item or a key', () => {
    const ids = new Set(restrictedByType(saved).map((r) => r.id));
    const seen = withoutIds(saved, ids);
    expect(JSON.stringify(seen)).not.toContain('r-identity');
    expect(JSON.stringify(seen)).not.toContain('IDENTIFIES_AS');
    expect(seen).toMatchObject({ relationships: [{ id: 'r-paid' }], hidden: [], pinned: ['person-p'] });
  });

  it('finds the person on the view only through a withheld identity, not one linked otherwise', () => {
    const ids = new Set(restrictedByType(saved).map((r) => r.id));
    // person-p is still linked by PAID; the informant is the identity's source, not reached through it.
    expect(reachedOnlyThrough(saved, ids)).toEqual([]);
    const identityOnly = { ...saved, relationships: [saved.relationships[0]] };
    expect(reachedOnlyThrough(identityOnly, ids)).toEqual(['person-p']);
  });

  it('lists the entities of the view once each, whatever else the JSON holds', () => {
    expect(entityIdsOf(saved)).toEqual(['informant-x', 'person-p', 'person-q']);
    expect(entityIdsOf({ nodes: 'nope' })).toEqual([]);
    expect(entityIdsOf(null)).toEqual([]);
  });
});
