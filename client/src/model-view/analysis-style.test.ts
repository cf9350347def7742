import { describe, expect, it } from 'vitest';
import { analyzeView } from '../analytics/index.ts';
import { analysisStyle, COMMUNITY_COLOURS, communityColour, viewGraphOf } from './analysis-style.ts';
import { visibleElements, NO_FILTERS } from './filters.ts';
import { person, rel } from './fixtures.ts';
import { planAdd } from './graph-changes.ts';
import { applyChange, EMPTY_DOC } from './graph-doc.ts';

/** A star: the hub links to three others, one of which also links to a fourth. */
function starDoc() {
  const nodes = ['hub', 'a', 'b', 'c', 'd'].map((id) => person(id));
  const relationships = [rel('r1', 'hub', 'a'), rel('r2', 'hub', 'b'), rel('r3', 'hub', 'c'), rel('r4', 'c', 'd')];
  return applyChange(EMPTY_DOC, planAdd(EMPTY_DOC, { nodes, relationships }, { description: 'test' }));
}

describe('analysis style', () => {
  it('reads only what is visible', () => {
    const doc = starDoc();
    const visible = visibleElements(doc, NO_FILTERS);
    const view = viewGraphOf(doc, visible);
    expect(view.nodes.map((n) => n.id).sort()).toEqual(['a', 'b', 'c', 'd', 'hub']);
    expect(view.edges).toContainEqual({ source: 'c', target: 'd' });
    const without = viewGraphOf(doc, { nodes: visible.nodes, relationships: new Set(['r1']) });
    expect(without.edges).toEqual([{ source: 'hub', target: 'a' }]);
  });

  it('draws the most central node largest and leaves sizes alone when not asked', () => {
    const doc = starDoc();
    const analytics = analyzeView(viewGraphOf(doc, visibleElements(doc, NO_FILTERS)), { seed: 1 });
    const style = analysisStyle({ analytics, sizeBy: 'degree', colourByCommunity: false });
    const hub = style.sizes.get('hub') ?? 0;
    for (const id of ['a', 'b', 'c', 'd']) expect(style.sizes.get(id) ?? Infinity).toBeLessThan(hub);
    expect(style.colours.size).toBe(0);
    expect(analysisStyle({ analytics, sizeBy: 'none', colourByCommunity: false }).sizes.size).toBe(0);
  });

  it('colours every node by its community', () => {
    const doc = starDoc();
    const analytics = analyzeView(viewGraphOf(doc, visibleElements(doc, NO_FILTERS)), { seed: 1 });
    const style = analysisStyle({ analytics, sizeBy: 'none', colourByCommunity: true });
    expect(style.colours.size).toBe(5);
    expect(style.colours.get('hub')).toBe(communityColour(analytics.communities.communityOf['hub'] ?? -1));
  });

  it('gives small communities beyond the palette the last colour', () => {
    expect(communityColour(0)).toBe(COMMUNITY_COLOURS[0]);
    expect(communityColour(999)).toBe(COMMUNITY_COLOURS[COMMUNITY_COLOURS.length - 1]);
  });
});
