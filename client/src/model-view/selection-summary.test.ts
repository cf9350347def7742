import { describe, expect, it } from 'vitest';
import { visibleElements, NO_FILTERS } from './filters.ts';
import { entity, person, rel } from './fixtures.ts';
import { applyChange, EMPTY_DOC } from './graph-doc.ts';
import { planAdd } from './graph-changes.ts';
import { summarizeSelection } from './selection-summary.ts';

// Two officers and a dealer; the agency employs both officers, a broker links the dealer to both.
const graph = {
  nodes: [
    person('officer-a', 'Odile'),
    person('officer-b', 'Bruno'),
    person('dealer', 'Bastien'),
    person('broker', 'Zoé'),
    entity('agency', 'Agency'),
    entity('clan', 'Organization'),
  ],
  relationships: [
    rel('e1', 'officer-a', 'agency', 'EMPLOYED_BY'),
    rel('e2', 'officer-b', 'agency', 'EMPLOYED_BY'),
    rel('b1', 'broker', 'officer-a', 'PAID'),
    rel('b2', 'broker', 'officer-b', 'PAID'),
    rel('b3', 'broker', 'dealer'),
    rel('b4', 'dealer', 'broker', 'FAMILY_OF'),
    rel('m1', 'dealer', 'clan', 'MEMBER_OF'),
    rel('x1', 'officer-a', 'officer-b'),
  ],
};
const doc = applyChange(EMPTY_DOC, planAdd(EMPTY_DOC, graph, { description: 'test' }));

describe('several nodes selected', () => {
  // Issue 15: "with several nodes selected the details show only the last".
  it('counts them by label and lists the neighbours they share, most shared first', () => {
    const summary = summarizeSelection(doc, ['officer-a', 'officer-b', 'dealer'], visibleElements(doc, NO_FILTERS));
    expect(summary.count).toBe(3);
    expect(summary.byLabel).toEqual([{ label: 'Person', count: 3 }]);
    expect(summary.shared.map((s) => [s.entity.id, s.linked])).toEqual([
      ['broker', 3],
      ['agency', 2],
    ]);
    expect(summary.between).toBe(1);
  });

  it('only counts what is drawn: a hidden label is no shared neighbour', () => {
    const visible = visibleElements(doc, { ...NO_FILTERS, hiddenLabels: ['Agency'] });
    const summary = summarizeSelection(doc, ['officer-a', 'officer-b', 'agency'], visible);
    expect(summary.count).toBe(2);
    expect(summary.shared.map((s) => s.entity.id)).toEqual(['broker']);
  });
});
