import { describe, expect, it } from 'vitest';
import type { GraphDoc } from './graph-doc.ts';
import { EMPTY_DOC } from './graph-doc.ts';
import { entity, person, rel } from './fixtures.ts';
import { AXIS_LABEL_WIDTH, axisTicks, dayScale, packRows, relatedMarks, timelineItems } from './timeline.ts';
import { toDay } from './time.ts';

const day = (iso: string) => toDay(iso) ?? Number.NaN;

const doc: GraphDoc = {
  ...EMPTY_DOC,
  nodes: new Map([
    ['a', person('a', 'Officer A')],
    ['c', entity('c', 'Case')],
    ['e', { ...entity('e', 'Event', { at: '2024-03-05' }), name: 'Escape' }],
    ['u', entity('u', 'Event')],
  ]),
  relationships: new Map([
    ['r1', rel('r1', 'a', 'c', 'LOOKED_UP', { at: '2024-03-03' })],
    ['r2', rel('r2', 'a', 'c', 'MEMBER_OF', { since: '2024-01-01' })],
    ['r3', rel('r3', 'a', 'c', 'ASSOCIATE_OF')],
    ['hidden', rel('hidden', 'a', 'c', 'PAID', { at: '2020-01-01' })],
  ]),
};
const visible = { nodes: new Set(['a', 'c', 'e', 'u']), relationships: new Set(['r1', 'r2', 'r3']) };

describe('timeline items', () => {
  it('collects dated events and relationships that are drawn, sorted by start, with readable labels', () => {
    const items = timelineItems(doc, visible);
    expect(items.map((i) => i.id)).toEqual(['r2', 'r1', 'e']);
    expect(items[1]).toMatchObject({ kind: 'edge', from: day('2024-03-03'), to: day('2024-03-03') });
    expect(items[1]?.label).toBe('LOOKED_UP: Officer A → c · 2024-03-03');
    expect(items[2]).toMatchObject({ kind: 'node', label: 'Escape · 2024-03-05' });
  });

  it('clamps an open-ended range to the last date of the view and says it is open', () => {
    const range = timelineItems(doc, visible)[0];
    expect(range).toMatchObject({ from: day('2024-01-01'), to: day('2024-03-05'), openEnd: true, openStart: false });
    expect(range?.label).toBe('MEMBER_OF: Officer A → c · 2024-01-01 – …');
  });

  it('is empty when nothing drawn is dated', () => {
    expect(timelineItems(doc, { nodes: new Set(['a', 'u']), relationships: new Set(['r3']) })).toEqual([]);
  });
});

describe('day scale', () => {
  it('maps the first and last days to the edges, linearly', () => {
    const x = dayScale({ from: 100, to: 200, left: 10, right: 110 });
    expect([x(100), x(150), x(200)]).toEqual([10, 60, 110]);
  });

  it('puts a single day in the middle', () => {
    expect(dayScale({ from: 5, to: 5, left: 0, right: 100 })(5)).toBe(50);
  });
});

describe('row packing', () => {
  it('keeps marks apart: overlapping spans go to new rows, later ones reuse freed rows', () => {
    const rows = packRows(
      [
        { id: 'a', x1: 0, x2: 50 },
        { id: 'b', x1: 10, x2: 12 },
        { id: 'c', x1: 55, x2: 60 },
        { id: 'd', x1: 56, x2: 58 },
      ],
      4,
    );
    expect(Object.fromEntries(rows)).toEqual({ a: 0, b: 1, c: 0, d: 1 });
  });

  it('leaves the gap between marks on the same row', () => {
    const rows = packRows(
      [
        { id: 'a', x1: 0, x2: 10 },
        { id: 'b', x1: 12, x2: 14 },
      ],
      4,
    );
    expect(rows.get('b')).toBe(1);
  });
});

describe('marks related to the canvas selection', () => {
  it('lights up the dated ties and neighbouring events of a selected node, not the selection itself', () => {
    const withTie: GraphDoc = {
      ...doc,
      relationships: new Map([...doc.relationships, ['r4', rel('r4', 'a', 'e', 'INVOLVED_IN')]]),
    };
    const shown = { ...visible, relationships: new Set([...visible.relationships, 'r4']) };
    const related = relatedMarks({ doc: withTie, visible: shown, selection: ['a'] });
    expect(related.has('e')).toBe(true);
    expect(related.has('r1')).toBe(true);
    expect(related.has('a')).toBe(false);
    expect(relatedMarks({ doc: withTie, visible: shown, selection: [] }).size).toBe(0);
  });

  it('ignores relationships that are not drawn', () => {
    expect(relatedMarks({ doc, visible, selection: ['a'] }).has('hidden')).toBe(false);
  });
});

describe('timeline axis', () => {
  const first = toDay('2022-12-01') ?? 0;
  const last = toDay('2025-03-31') ?? 0;

  it('labels the first and the last day', () => {
    const ticks = axisTicks(first, last, 800);
    expect(ticks[0]).toBe(first);
    expect(ticks.at(-1)).toBe(last);
  });

  it('never puts two labels closer than a label is wide, however narrow the strip', () => {
    for (const width of [150, 200, 260, 400, 800, 1600]) {
      const ticks = axisTicks(first, last, width);
      const x = dayScale({ from: first, to: last, left: 0, right: width });
      const gaps = ticks.slice(1).map((day, k) => x(day) - x(ticks[k] ?? day));
      // The first label is anchored at its start, the last at its end, the others centred.
      for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(1.5 * AXIS_LABEL_WIDTH);
    }
  });

  it('gives one label when everything happened on one day', () => {
    expect(axisTicks(first, first, 800)).toEqual([first]);
  });
});
