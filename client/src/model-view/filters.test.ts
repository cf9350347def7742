import { describe, expect, it } from 'vitest';
import { applyChange, EMPTY_DOC } from './graph-doc.ts';
import { planAdd, planHide } from './graph-changes.ts';
import { entity, person, rel } from './fixtures.ts';
import { NO_FILTERS, visibleElements } from './filters.ts';
import { binsToInterval, datesInView, histogram, toDay } from './time.ts';

const doc = applyChange(
  EMPTY_DOC,
  planAdd(
    EMPTY_DOC,
    {
      nodes: [
        person('djeha'),
        person('officer'),
        entity('ofast', 'Agency'),
        entity('raid', 'Event', { at: '2024-04-01' }),
      ],
      relationships: [
        rel('employed', 'officer', 'ofast', 'EMPLOYED_BY', { since: '2015-01-01', until: '2020-12-31' }),
        rel('paid', 'djeha', 'officer', 'PAID', { at: '2023-06-15' }),
        rel('assoc', 'djeha', 'officer', 'ASSOCIATE_OF'),
        rel('involved', 'officer', 'raid', 'INVOLVED_IN'),
      ],
    },
    { description: 'seed' },
  ),
);
const window = (from: string, to: string) => ({ from: toDay(from) ?? 0, to: toDay(to) ?? 0 });

describe('filters', () => {
  it('shows everything without filters', () => {
    const visible = visibleElements(doc, NO_FILTERS);
    expect(visible.nodes.size).toBe(4);
    expect(visible.relationships.size).toBe(4);
  });

  it('hiding a label hides its nodes and every relationship touching them', () => {
    const visible = visibleElements(doc, { ...NO_FILTERS, hiddenLabels: ['Agency'] });
    expect(visible.nodes.has('ofast')).toBe(false);
    expect(visible.relationships.has('employed')).toBe(false);
    expect(visible.relationships.has('paid')).toBe(true);
  });

  it('a hidden node hides its relationships; a hidden type hides only that type', () => {
    const hidden = applyChange(doc, planHide(doc, ['raid']));
    expect(visibleElements(hidden, NO_FILTERS).relationships.has('involved')).toBe(false);
    expect(visibleElements(doc, { ...NO_FILTERS, hiddenTypes: ['PAID'] }).relationships.has('paid')).toBe(false);
  });

  it('a time window keeps relationships whose since/until or at overlaps it, and events dated within it', () => {
    const visible = visibleElements(doc, { ...NO_FILTERS, time: window('2023-01-01', '2023-12-31') });
    expect(visible.relationships.has('paid')).toBe(true);
    expect(visible.relationships.has('employed')).toBe(false);
    expect(visible.nodes.has('raid')).toBe(false);
    expect(visible.relationships.has('assoc')).toBe(true);
  });

  it('undated relationships go when "keep undated" is off', () => {
    const visible = visibleElements(doc, {
      ...NO_FILTERS,
      keepUndated: false,
      time: window('2016-01-01', '2016-12-31'),
    });
    expect([...visible.relationships]).toEqual(['employed']);
  });

  it('a node whose every relationship falls outside the time window is not left floating', () => {
    const visible = visibleElements(doc, {
      ...NO_FILTERS,
      keepUndated: false,
      time: window('2016-01-01', '2016-12-31'),
    });
    expect([...visible.nodes].sort()).toEqual(['ofast', 'officer']);
  });

  it('with "keep undated" off, an event inside the window keeps its undated participants', () => {
    const visible = visibleElements(doc, {
      ...NO_FILTERS,
      keepUndated: false,
      time: window('2024-03-01', '2024-04-30'),
    });
    expect([...visible.nodes].sort()).toEqual(['officer', 'raid']);
    expect([...visible.relationships]).toEqual(['involved']);
  });

  it('an event dated inside the window stays even when none of its relationships is drawn', () => {
    const visible = visibleElements(doc, {
      ...NO_FILTERS,
      hiddenTypes: ['INVOLVED_IN'],
      keepUndated: false,
      time: window('2024-03-01', '2024-04-30'),
    });
    expect([...visible.nodes]).toEqual(['raid']);
  });

  it('a node with no relationship on the canvas stays under a time window', () => {
    const lone = applyChange(
      EMPTY_DOC,
      planAdd(EMPTY_DOC, { nodes: [person('lone')], relationships: [] }, { description: 'one' }),
    );
    expect([...visibleElements(lone, { ...NO_FILTERS, time: window('2016-01-01', '2016-12-31') }).nodes]).toEqual([
      'lone',
    ]);
  });
});

describe('time bar', () => {
  it('reads dates, months and years', () => {
    expect(toDay('1970-01-02')).toBe(1);
    expect(toDay('2024')).toBe(toDay('2024-01-01'));
    expect(toDay('2024-03-22T10:00:00Z')).toBe(toDay('2024-03-22'));
    expect(toDay('soon')).toBeUndefined();
  });

  it('bins every dated relationship and event, and bins map back to a window covering them', () => {
    const days = datesInView(doc.nodes.values(), doc.relationships.values());
    expect(days).toHaveLength(4);
    const h = histogram(days, 10);
    expect(h?.counts.reduce((a, b) => a + b, 0)).toBe(4);
    if (!h) throw new Error('no histogram');
    const all = binsToInterval(h, 0, h.counts.length - 1);
    expect(Math.min(...days)).toBeGreaterThanOrEqual(all.from);
    expect(Math.max(...days)).toBeLessThanOrEqual(all.to);
    expect(histogram([])).toBeUndefined();
  });
});
