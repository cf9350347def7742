import { describe, expect, it } from 'vitest';
import { analyzeView, computeCentrality, detectCommunities, sizeFor } from './index.ts';
import type { ViewGraph } from './types.ts';

/** Two clans of five, each fully connected, joined only through one broker. */
function twoClansAndABroker(): ViewGraph {
  const clanA = ['a1', 'a2', 'a3', 'a4', 'a5'];
  const clanB = ['b1', 'b2', 'b3', 'b4', 'b5'];
  const edges: Array<{ source: string; target: string }> = [];
  for (const clan of [clanA, clanB]) {
    clan.forEach((x, i) => clan.slice(i + 1).forEach((y) => edges.push({ source: x, target: y })));
  }
  edges.push({ source: 'broker', target: 'a1' }, { source: 'broker', target: 'b1' });
  return { nodes: [...clanA, ...clanB, 'broker'].map((id) => ({ id })), edges };
}

describe('analytics on the view', () => {
  it('gives the broker between two clans the highest betweenness', () => {
    const measures = computeCentrality(twoClansAndABroker());
    const top = Object.entries(measures).sort((a, b) => b[1].betweenness - a[1].betweenness)[0];
    expect(top?.[0]).toBe('broker');
    expect(measures.a2?.betweenness).toBe(0);
    expect(measures.a1?.degree).toBe(5);
  });

  it('finds the two clans as communities, the same ones on every run with a fixed seed', () => {
    const view = twoClansAndABroker();
    const { communityOf, count } = detectCommunities(view, { seed: 7 });
    const clansOf = (ids: string[]) => new Set(ids.map((id) => communityOf[id]));
    expect(clansOf(['a1', 'a2', 'a3', 'a4', 'a5']).size).toBe(1);
    expect(clansOf(['b1', 'b2', 'b3', 'b4', 'b5']).size).toBe(1);
    expect(communityOf.a1).not.toBe(communityOf.b1);
    expect(count).toBe(2);
    expect(detectCommunities(view, { seed: 7 })).toEqual(detectCommunities(view, { seed: 7 }));
  });

  it('calls out the broker and ranks key players by each measure', () => {
    const analytics = analyzeView(twoClansAndABroker(), { seed: 1, limit: 3 });
    expect(analytics.brokers[0]?.id).toBe('broker');
    expect(analytics.brokers[0]?.connects).toEqual([0, 1]);
    expect(analytics.keyPlayers.betweenness.map((p) => p.id)).toEqual(['broker', 'a1', 'b1']);
    expect(analytics.keyPlayers.degree).toHaveLength(3);
    const totalRank = Object.values(analytics.measures).reduce((sum, m) => sum + m.pagerank, 0);
    expect(totalRank).toBeCloseTo(1, 6);
  });

  it('copes with an empty view, isolated nodes, parallel edges and edges leaving the view', () => {
    expect(analyzeView({ nodes: [], edges: [] }).communities.count).toBe(0);
    const view: ViewGraph = {
      nodes: [{ id: 'x' }, { id: 'y' }, { id: 'lonely' }],
      edges: [
        { source: 'x', target: 'y' },
        { source: 'y', target: 'x' },
        { source: 'x', target: 'off-screen' },
        { source: 'x', target: 'x' },
      ],
    };
    const analytics = analyzeView(view);
    expect(analytics.measures.x?.degree).toBe(2);
    expect(analytics.measures.lonely).toMatchObject({ degree: 0, betweenness: 0 });
    expect(analytics.communities.count).toBe(2);
    expect(analytics.brokers).toEqual([]);
  });

  it('sizes nodes between the bounds, the largest at the maximum', () => {
    expect(sizeFor({ value: 4, largest: 4, min: 20, max: 60 })).toBe(60);
    expect(sizeFor({ value: 0, largest: 4, min: 20, max: 60 })).toBe(20);
    expect(sizeFor({ value: 1, largest: 0, min: 20, max: 60 })).toBe(20);
  });
});
