import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { applyAnalysisStyle } from './analysis-style.ts';
import { createHandle } from './canvas-handle.ts';
import { buildStylesheet } from './stylesheet.ts';

const twoNodes = () =>
  cytoscape({
    headless: true,
    styleEnabled: true,
    style: buildStylesheet({ large: false }),
    elements: [
      { group: 'nodes', data: { id: 'a', label: 'Person', caption: 'a' } },
      { group: 'nodes', data: { id: 'b', label: 'Shipment', caption: 'b' } },
    ],
  });

describe('analysis look and evidence selection on the canvas (headless Cytoscape)', () => {
  it('draws analysis sizes and colours, and gives nodes their usual look back', () => {
    const cy = twoNodes();
    const usual = cy.getElementById('b').style('width');
    applyAnalysisStyle(cy, { sizes: new Map([['a', 60]]), colours: new Map([['a', '#ff7f0e']]) });
    expect(cy.getElementById('a').style('width')).toBe('60px');
    expect(cy.getElementById('a').style('background-color')).toBe('rgb(255,127,14)');
    expect(cy.getElementById('b').style('width')).toBe(usual);
    applyAnalysisStyle(cy, undefined);
    expect(cy.getElementById('a').style('width')).toBe(usual);
  });

  it('selects evidence that is only partly drawn once the rest arrives', () => {
    const cy = twoNodes();
    const handle = createHandle(cy, { memory: new Map(), renderer: 'canvas' });
    handle.select(['a', 'c']);
    expect(handle.selectedIds()).toEqual(['a']);
    cy.add({ group: 'nodes', data: { id: 'c', label: 'Agency', caption: 'c' } });
    handle.afterSync(['c']);
    expect(handle.selectedIds().sort()).toEqual(['a', 'c']);
    expect(handle.labelOf('c')).toBe('Agency');
    expect(handle.labelOf('missing')).toBeUndefined();
  });
});
