import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { NO_FILTERS } from '../model-view/filters.ts';
import { entity, person, rel } from '../model-view/fixtures.ts';
import { applyChange, EMPTY_DOC, type GraphDoc } from '../model-view/graph-doc.ts';
import { planAdd } from '../model-view/graph-changes.ts';
import { planGroup, planUngroup } from '../model-view/groups.ts';
import { projectView } from '../model-view/view-projection.ts';
import type { Position } from '../model-view/workspace-file.ts';
import { buildStylesheet } from './stylesheet.ts';
import { syncGraph } from './sync.ts';

const sync = (cy: cytoscape.Core, doc: GraphDoc, memory: Map<string, Position>, collapseEvents = false) => {
  const projection = projectView({ doc, filters: NO_FILTERS, collapseEvents });
  return syncGraph(cy, { doc, visible: projection.visible, memory, derived: projection });
};

const doc = applyChange(
  EMPTY_DOC,
  planAdd(
    EMPTY_DOC,
    {
      nodes: [person('a'), person('b'), person('c'), entity('raid', 'Event')],
      relationships: [
        rel('a-raid', 'a', 'raid', 'INVOLVED_IN'),
        rel('b-raid', 'b', 'raid', 'INVOLVED_IN'),
        rel('bc', 'b', 'c'),
      ],
    },
    { description: 'x' },
  ),
);
const shown = (cy: cytoscape.Core) =>
  cy
    .elements(':visible')
    .map((e) => e.id())
    .sort();

describe('derived elements on the canvas (headless Cytoscape)', () => {
  it('draws a collapsed event as one link and gives the original view back when turned off', () => {
    const cy = cytoscape({ headless: true, styleEnabled: true, style: buildStylesheet({ large: false }) });
    const memory = new Map<string, Position>();
    sync(cy, doc, memory);
    const before = shown(cy);
    sync(cy, doc, memory, true);
    expect(shown(cy)).toEqual(['a', 'b', 'bc', 'c', 'via:raid:a:b']);
    expect(cy.getElementById('via:raid:a:b').style('line-style')).toBe('dashed');
    sync(cy, doc, memory, false);
    expect(shown(cy)).toEqual(before);
    expect(cy.getElementById('via:raid:a:b').empty()).toBe(true);
  });

  it('puts a group where its members were and brings them back there when opened', () => {
    const cy = cytoscape({ headless: true, styleEnabled: true, style: buildStylesheet({ large: false }) });
    const memory = new Map<string, Position>();
    sync(cy, doc, memory);
    cy.getElementById('a').position({ x: 0, y: 0 });
    cy.getElementById('b').position({ x: 100, y: 40 });
    const grouped = applyChange(doc, planGroup(doc, { id: 'group:1', name: 'Pair', members: ['a', 'b'] }));
    sync(cy, grouped, memory);
    expect(cy.getElementById('group:1').position()).toEqual({ x: 50, y: 20 });
    expect(cy.getElementById('group:1').data('caption')).toBe('Pair (2)');
    expect(shown(cy)).toEqual(
      [
        'c',
        'group:1',
        'raid',
        'rerouted:a-raid:group:1:raid',
        'rerouted:b-raid:group:1:raid',
        'rerouted:bc:group:1:c',
      ].sort(),
    );
    const opened = applyChange(grouped, planUngroup(grouped, 'group:1'));
    sync(cy, opened, memory);
    expect(cy.getElementById('group:1').empty()).toBe(true);
    expect(cy.getElementById('b').position()).toEqual({ x: 100, y: 40 });
    expect(shown(cy)).toEqual(['a', 'a-raid', 'b', 'b-raid', 'bc', 'c', 'raid']);
  });
});
