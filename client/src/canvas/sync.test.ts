import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { applyChange, EMPTY_DOC, type GraphDoc } from '../model-view/graph-doc.ts';
import { planAdd, planHide, planRemove } from '../model-view/graph-changes.ts';
import { NO_FILTERS, visibleElements } from '../model-view/filters.ts';
import { person, rel } from '../model-view/fixtures.ts';
import type { Position } from '../model-view/workspace-file.ts';
import { syncGraph } from './sync.ts';

const sync = (cy: cytoscape.Core, doc: GraphDoc, memory: Map<string, Position>, origin?: string) =>
  syncGraph(cy, { doc, visible: visibleElements(doc, NO_FILTERS), origin, memory });

describe('canvas sync (headless Cytoscape)', () => {
  it('places expanded nodes around their origin and leaves existing nodes where they are', () => {
    const cy = cytoscape({ headless: true, styleEnabled: true });
    const memory = new Map<string, Position>();
    let doc = applyChange(
      EMPTY_DOC,
      planAdd(EMPTY_DOC, { nodes: [person('a'), person('b')], relationships: [] }, { description: 'x' }),
    );
    sync(cy, doc, memory);
    cy.getElementById('a').position({ x: 500, y: 500 });
    cy.getElementById('b').position({ x: -500, y: -500 });

    const neighbours = ['n1', 'n2', 'n3'].map((id) => person(id));
    doc = applyChange(
      doc,
      planAdd(
        doc,
        { nodes: neighbours, relationships: neighbours.map((n) => rel(`r-${n.id}`, 'a', n.id)) },
        { description: 'x', origin: 'a' },
      ),
    );
    expect(sync(cy, doc, memory, 'a').added).toHaveLength(3);
    expect(cy.getElementById('b').position()).toEqual({ x: -500, y: -500 });
    for (const n of neighbours) {
      const p = cy.getElementById(n.id).position();
      expect(Math.hypot(p.x - 500, p.y - 500)).toBeLessThan(300);
    }
    expect(cy.edges()).toHaveLength(3);
    cy.destroy();
  });

  it('removes, hides and brings back nodes at their remembered position', () => {
    const cy = cytoscape({ headless: true, styleEnabled: true });
    const memory = new Map<string, Position>();
    let doc = applyChange(
      EMPTY_DOC,
      planAdd(
        EMPTY_DOC,
        { nodes: [person('a'), person('b')], relationships: [rel('r', 'a', 'b')] },
        { description: 'x' },
      ),
    );
    sync(cy, doc, memory);
    cy.getElementById('a').position({ x: 42, y: 7 });
    const removal = planRemove(doc, ['a']);
    const removed = applyChange(doc, removal);
    sync(cy, removed, memory);
    expect(cy.getElementById('a').empty()).toBe(true);
    expect(cy.edges()).toHaveLength(0);
    sync(cy, doc, memory);
    expect(cy.getElementById('a').position()).toEqual({ x: 42, y: 7 });

    doc = applyChange(doc, planHide(doc, ['b']));
    sync(cy, doc, memory);
    expect(cy.getElementById('b').hasClass('user-hidden')).toBe(true);
    expect(cy.getElementById('r').hasClass('filtered')).toBe(true);
    cy.destroy();
  });
});
