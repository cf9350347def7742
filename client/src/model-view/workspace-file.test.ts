import { describe, expect, it } from 'vitest';
import { applyChange, EMPTY_DOC } from './graph-doc.ts';
import { planAdd, planHide, planTogglePin } from './graph-changes.ts';
import { person, rel } from './fixtures.ts';
import { NO_FILTERS } from './filters.ts';
import { parseWorkspace, serialiseWorkspace } from './workspace-file.ts';
import { placeAround } from './placement.ts';

let doc = applyChange(
  EMPTY_DOC,
  planAdd(
    EMPTY_DOC,
    {
      nodes: [person('a', 'A', { aliases: ['Mimo'] }), person('b')],
      relationships: [rel('r', 'a', 'b')],
      omitted: [{ id: 'a', count: 4 }],
    },
    { description: 'seed' },
  ),
);
doc = applyChange(doc, planHide(doc, ['b']));
doc = applyChange(doc, planTogglePin(doc, ['a']));

describe('workspace files', () => {
  it('round-trips the graph, hidden and pinned nodes, "+K more", positions and filters', () => {
    const text = serialiseWorkspace({
      doc,
      filters: { ...NO_FILTERS, hiddenTypes: ['PAID'], time: { from: 10, to: 20 } },
      positions: new Map([['a', { x: 1, y: 2 }]]),
    });
    const parsed = parseWorkspace(text);
    if (!parsed.ok) throw new Error(parsed.errors.join());
    const { workspace } = parsed;
    expect(workspace.doc.nodes.get('a')?.properties['aliases']).toEqual(['Mimo']);
    expect(workspace.doc.relationships.has('r')).toBe(true);
    expect([...workspace.doc.hidden]).toEqual(['b']);
    expect([...workspace.doc.pinned]).toEqual(['a']);
    expect(workspace.doc.omitted.get('a')).toBe(4);
    expect(workspace.positions.get('a')).toEqual({ x: 1, y: 2 });
    expect(workspace.filters).toMatchObject({ hiddenTypes: ['PAID'], time: { from: 10, to: 20 } });
  });

  it('says what is wrong with a bad file instead of throwing', () => {
    expect(parseWorkspace('{nope')).toEqual({ ok: false, errors: ['The file is not valid JSON.'] });
    expect(parseWorkspace('{"format":"other"}').ok).toBe(false);
    const dangling = JSON.stringify({
      format: 'maillon-workspace',
      version: 1,
      nodes: [],
      relationships: [rel('r', 'a', 'b')],
    });
    const result = parseWorkspace(dangling);
    expect(result.ok ? [] : result.errors).toEqual(['1 relationship(s) point at nodes missing from the file.']);
  });
});

describe('placing new nodes', () => {
  it('puts them around the origin, apart from each other and facing away from the graph', () => {
    const origin = { x: 100, y: 0 };
    const spots = placeAround({ origin, centroid: { x: 0, y: 0 }, count: 20 });
    expect(spots).toHaveLength(20);
    for (const [i, p] of spots.entries()) {
      expect(Math.hypot(p.x - origin.x, p.y - origin.y)).toBeGreaterThan(100);
      for (const q of spots.slice(i + 1)) expect(Math.hypot(p.x - q.x, p.y - q.y)).toBeGreaterThan(30);
    }
    const meanX = spots.reduce((s, p) => s + p.x, 0) / spots.length;
    expect(meanX).toBeGreaterThan(origin.x);
  });
});
