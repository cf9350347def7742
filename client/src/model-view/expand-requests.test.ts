import { describe, expect, it } from 'vitest';
import { expandRequests, mergeSubgraphs, shortList } from './expand-requests.ts';
import { person, rel } from './fixtures.ts';

const ids = (n: number) => Array.from({ length: n }, (_, i) => `p${i}`);

describe('expandRequests', () => {
  it('sends the cap as perNodeLimit, so a hub expands past 50 neighbours', () => {
    const [request] = expandRequests(['hub'], { relTypes: [], cap: 1000 });
    expect(request).toMatchObject({ ids: ['hub'], limit: 1000, perNodeLimit: 1000, relTypes: null });
    expect(expandRequests(['hub'], { relTypes: ['PAID'], cap: 120 })[0]).toMatchObject({
      perNodeLimit: 120,
      relTypes: ['PAID'],
    });
  });

  it('splits 132 selected nodes into batches of at most 100 ids', () => {
    const requests = expandRequests(ids(132), { relTypes: [], cap: 50 });
    expect(requests.map((r) => r.ids.length)).toEqual([100, 32]);
    expect(requests.flatMap((r) => r.ids)).toEqual(ids(132));
  });
});

describe('mergeSubgraphs', () => {
  it('keeps each node and relationship once and any truncation', () => {
    const merged = mergeSubgraphs([
      { nodes: [person('a'), person('b')], relationships: [rel('r1', 'a', 'b')], truncated: false, omitted: [] },
      {
        nodes: [person('b'), person('c')],
        relationships: [rel('r1', 'a', 'b'), rel('r2', 'b', 'c')],
        truncated: true,
        omitted: [{ id: 'c', count: 4 }],
      },
    ]);
    expect(merged.nodes.map((n) => n.id)).toEqual(['a', 'b', 'c']);
    expect(merged.relationships.map((r) => r.id)).toEqual(['r1', 'r2']);
    expect(merged.truncated).toBe(true);
    expect(merged.omitted).toEqual([{ id: 'c', count: 4 }]);
  });
});

describe('shortList', () => {
  it('names a few and counts the rest instead of listing 132 names', () => {
    const text = shortList(ids(132));
    expect(text).toBe('p0, p1, p2 +129 more');
    expect(shortList(['Djeha', 'Mimmo'])).toBe('Djeha, Mimmo');
  });
});
