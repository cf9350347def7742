import { describe, expect, it } from 'vitest';
import { NO_FILTERS, visibleElements } from './filters.ts';
import { entity, person, rel } from './fixtures.ts';
import { applyChange, EMPTY_DOC } from './graph-doc.ts';
import { planAdd } from './graph-changes.ts';
import { describeFilter, propertyChoices, type PropertyFilter } from './property-filters.ts';

const graph = {
  nodes: [
    person('djeha', 'Djeha'),
    person('herve', 'Hervé'),
    person('witness', 'Witness'),
    entity('case', 'Case', { status: 'open' }),
    entity('clan', 'Organization', { kind: 'criminal' }),
    entity('front', 'Organization', { kind: 'company' }),
  ],
  relationships: [
    rel('s1', 'djeha', 'case', 'SUBJECT_OF', { status: 'indicted' }),
    rel('s2', 'witness', 'case', 'SUBJECT_OF', { status: 'witness' }),
    rel('p1', 'djeha', 'herve', 'PAID', { amount: 100, currency: 'EUR' }),
    rel('p2', 'djeha', 'herve', 'PAID', { amount: 5000, currency: 'EUR' }),
    rel('m1', 'djeha', 'clan', 'MEMBER_OF'),
    rel('m2', 'herve', 'front', 'MEMBER_OF'),
  ],
};
const doc = applyChange(EMPTY_DOC, planAdd(EMPTY_DOC, graph, { description: 'test' }));
const shown = (...properties: PropertyFilter[]) => {
  const visible = visibleElements(doc, { ...NO_FILTERS, properties });
  return { nodes: [...visible.nodes].sort(), relationships: [...visible.relationships].sort() };
};

// Issue 15: "Filters by label and type only, not by property (status = indicted, kind, amount)".
describe('filters by property', () => {
  it('status = indicted keeps the indicted, drops the witness, and never hides the case itself', () => {
    const only = shown({ on: 'SUBJECT_OF', key: 'status', kind: 'values', values: ['indicted'] });
    expect(only.relationships).not.toContain('s2');
    expect(only.relationships).toContain('s1');
    expect(only.nodes).toContain('case');
    // Linked to nothing drawn any more: not left floating.
    expect(only.nodes).not.toContain('witness');
  });

  it('an amount range keeps the payments inside it', () => {
    expect(shown({ on: 'PAID', key: 'amount', kind: 'range', min: 1000 }).relationships).toEqual([
      'm1',
      'm2',
      'p2',
      's1',
      's2',
    ]);
    expect(shown({ on: 'PAID', key: 'amount', kind: 'range', max: 100 }).relationships).toContain('p1');
  });

  it('kind on a label hides the nodes of that label only', () => {
    const crim = shown({ on: 'Organization', key: 'kind', kind: 'values', values: ['criminal'] });
    expect(crim.nodes).toEqual(['case', 'clan', 'djeha', 'herve', 'witness']);
  });

  it('offers the model properties, by name in words, with the values the model allows', () => {
    const choices = propertyChoices();
    expect(choices).toContainEqual(
      expect.objectContaining({
        on: 'SUBJECT_OF',
        key: 'status',
        title: 'Status (SUBJECT_OF)',
        values: ['suspect', 'indicted', 'convicted', 'witness', 'cleared'],
      }),
    );
    expect(choices).toContainEqual(expect.objectContaining({ on: 'PAID', key: 'amount', kind: 'range' }));
    expect(choices).toContainEqual(
      expect.objectContaining({ on: 'Shipment', key: 'declaredKg', title: 'Declared (kg) (Shipment)' }),
    );
    expect(describeFilter({ on: 'PAID', key: 'amount', kind: 'range', min: 50, max: 100 })).toBe(
      'Amount (PAID): 50 to 100',
    );
  });
});
