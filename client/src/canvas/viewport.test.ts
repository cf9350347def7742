import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { bindViewport, CAPTION_MIN_ZOOM, wheelZoomFactor } from './viewport.ts';

const notch = { deltaY: -100, deltaMode: 0, ctrlKey: false };

describe('wheel zoom', () => {
  it('zooms a useful amount for ten notches of a mouse wheel (Cytoscape gave 1.1×)', () => {
    const ten = wheelZoomFactor(notch) ** 10;
    expect(ten).toBeGreaterThan(3);
    expect(ten).toBeLessThan(5);
  });

  it('zooms out as much as in, and counts lines (Firefox) as pixels', () => {
    expect(wheelZoomFactor({ ...notch, deltaY: 100 }) * wheelZoomFactor(notch)).toBeCloseTo(1, 10);
    expect(wheelZoomFactor({ ...notch, deltaY: -4, deltaMode: 1 })).toBeCloseTo(wheelZoomFactor(notch), 10);
  });

  it('zooms a trackpad pinch (small deltas with ctrlKey) at a usable speed', () => {
    const pinch = wheelZoomFactor({ deltaY: -5, deltaMode: 0, ctrlKey: true });
    expect(pinch).toBeGreaterThan(1.05);
    expect(pinch).toBeLessThan(1.2);
  });
});

describe('captions by zoom level (headless Cytoscape)', () => {
  const graph = () => {
    const cy = cytoscape({ headless: true, styleEnabled: true });
    cy.add([{ data: { id: 'a' } }, { data: { id: 'b' } }]);
    return cy;
  };

  it('takes the captions of a large view away below the readable zoom and gives them back above it', () => {
    const cy = graph();
    cy.zoom(1);
    bindViewport(cy, { large: true });
    expect(cy.nodes('.far').length).toBe(0);
    cy.zoom(CAPTION_MIN_ZOOM / 2);
    expect(cy.nodes('.far').length).toBe(2);
    // Nodes added while zoomed out come without captions too.
    cy.add({ data: { id: 'c' } });
    expect(cy.getElementById('c').hasClass('far')).toBe(true);
    cy.zoom(CAPTION_MIN_ZOOM * 2);
    expect(cy.nodes('.far').length).toBe(0);
  });

  it('leaves the captions of a small view alone, and stops when unbound', () => {
    const small = graph();
    bindViewport(small, { large: false });
    small.zoom(0.1);
    expect(small.nodes('.far').length).toBe(0);

    const large = graph();
    large.zoom(1);
    bindViewport(large, { large: true })();
    large.zoom(0.1);
    expect(large.nodes('.far').length).toBe(0);
  });
});
