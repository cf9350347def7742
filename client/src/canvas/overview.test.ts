import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { readOverview } from './overview.ts';

describe('overview map dots (headless Cytoscape)', () => {
  it('has one dot per visible node, the box they fill, and marks the selection', () => {
    const cy = cytoscape({
      headless: true,
      styleEnabled: true,
      style: [
        { selector: 'node', style: { 'background-color': '#112233' } },
        { selector: '.filtered', style: { display: 'none' } },
      ],
    });
    cy.add([
      { data: { id: 'a' }, position: { x: -100, y: 20 } },
      { data: { id: 'b' }, position: { x: 300, y: -40 } },
      { data: { id: 'hidden' }, position: { x: 5000, y: 5000 }, classes: 'filtered' },
    ]);
    cy.getElementById('b').select();
    const picture = readOverview(cy);
    expect(picture.bounds).toEqual({ x1: -100, y1: -40, x2: 300, y2: 20 });
    expect(picture.dots.map((d) => [d.x, d.y, d.selected])).toEqual([
      [-100, 20, false],
      [300, -40, true],
    ]);
    expect(picture.dots[0]?.colour).toBe('rgb(17,34,51)');
  });

  it('draws nothing for an empty canvas', () => {
    expect(readOverview(cytoscape({ headless: true, styleEnabled: true }))).toEqual({
      bounds: { x1: 0, y1: 0, x2: 0, y2: 0 },
      dots: [],
    });
  });
});
