import { describe, expect, it } from 'vitest';
import { NO_FILTERS } from './filters.ts';
import { entity, person, rel } from './fixtures.ts';
import { applyChange, EMPTY_DOC } from './graph-doc.ts';
import { planAdd } from './graph-changes.ts';
import { planGroup } from './groups.ts';
import { ruleStyle } from './style-rules.ts';
import { projectView } from './view-projection.ts';

const doc = applyChange(
  EMPTY_DOC,
  planAdd(
    EMPTY_DOC,
    {
      nodes: [
        person('djeha'),
        person('officer'),
        person('clerk'),
        entity('small', 'Shipment', { declaredKg: 50 }),
        entity('big', 'Shipment', { declaredKg: 200 }),
      ],
      relationships: [
        rel('p-small', 'djeha', 'clerk', 'PAID', { amount: 100, currency: 'EUR' }),
        rel('p-big', 'djeha', 'officer', 'PAID', { amount: 10000, currency: 'EUR' }),
        rel('p-none', 'djeha', 'officer', 'PAID', { method: 'drugs' }),
        rel('o1', 'djeha', 'small', 'ORGANIZED'),
        rel('o2', 'djeha', 'big', 'ORGANIZED'),
      ],
    },
    { description: 'test' },
  ),
);
const view = (d = doc) => projectView({ doc: d, filters: NO_FILTERS, collapseEvents: false });

describe('style rules by property', () => {
  it('sizes nodes by the links drawn, the most linked largest', () => {
    const { sizes, legend } = ruleStyle({ rule: { nodeSize: 'degree', edgeWidth: 'none' }, projection: view(), doc });
    expect(sizes.get('djeha')).toBe(80);
    expect(sizes.get('clerk')).toBeLessThan(sizes.get('officer') ?? 0);
    expect(legend).toEqual(['Node size: links drawn, larger is more (1 to 5); others usual size']);
  });

  it('sizes shipments by declared kg on a square-root scale and leaves the rest as they are', () => {
    const { sizes, legend } = ruleStyle({
      rule: { nodeSize: 'declaredKg', edgeWidth: 'none' },
      projection: view(),
      doc,
    });
    expect(sizes.get('big')).toBe(80);
    expect(sizes.get('small')).toBe(50); // 20 + 60 * sqrt(50 / 200)
    expect(sizes.has('djeha')).toBe(false);
    expect(legend[0]).toMatch(/^Node size: declared \(kg\), larger is more \(50 to 200\)/);
  });

  it('thickens PAID edges by amount; a payment without an amount keeps the usual width', () => {
    const { widths, legend } = ruleStyle({ rule: { nodeSize: 'none', edgeWidth: 'amount' }, projection: view(), doc });
    expect(widths.get('p-big')).toBe(12);
    expect(widths.get('p-small')).toBeCloseTo(1.5 + 10.5 * Math.sqrt(0.01));
    expect(widths.has('p-none')).toBe(false);
    expect(widths.has('o1')).toBe(false);
    expect(legend).toEqual(['Edge thickness: amount paid, thicker is more (100 to 10,000, currencies as recorded)']);
  });

  it('counts a group by its re-routed links and keeps a re-routed payment’s thickness', () => {
    const grouped = applyChange(doc, planGroup(doc, { id: 'group:1', name: 'Paid', members: ['officer', 'clerk'] }));
    const projection = view(grouped);
    const degree = ruleStyle({ rule: { nodeSize: 'degree', edgeWidth: 'amount' }, projection, doc: grouped });
    expect(degree.sizes.has('group:1')).toBe(true);
    const big = projection.edges.find((e) => e.relationships[0]?.id === 'p-big');
    expect(big && degree.widths.get(big.id)).toBe(12);
  });

  it('says so in the legend when nothing drawn has the value', () => {
    const none = applyChange(
      EMPTY_DOC,
      planAdd(EMPTY_DOC, { nodes: [person('a')], relationships: [] }, { description: 't' }),
    );
    const style = ruleStyle({
      rule: { nodeSize: 'seizedKg', edgeWidth: 'amount' },
      projection: view(none),
      doc: none,
    });
    expect(style.sizes.size).toBe(0);
    expect(style.legend).toEqual([
      'Node size: seized (kg) (no drawn node has a value)',
      'Edge thickness: amount paid (no drawn PAID relationship has an amount)',
    ]);
  });
});
