import { describe, expect, it } from 'vitest';
import { loadAtlas } from './atlas.ts';
import { frame, worldProjection, zoomAt } from './projection.ts';

// The real shipped outlines: what the map draws in the browser.
const atlas = await loadAtlas();

describe('map projection', () => {
  it('places France on its mainland, not between it and French Guiana', () => {
    const [lon, lat] = atlas.countryPoint('france') ?? [NaN, NaN];
    expect(lon).toBeGreaterThan(-5);
    expect(lon).toBeLessThan(8);
    expect(lat).toBeGreaterThan(42);
    expect(lat).toBeLessThan(51);
  });

  it('places Colombia in South America and knows no invented country', () => {
    const [lon, lat] = atlas.countryPoint('Colombia') ?? [NaN, NaN];
    expect(lon).toBeGreaterThan(-80);
    expect(lon).toBeLessThan(-66);
    expect(lat).toBeGreaterThan(-5);
    expect(lat).toBeLessThan(13);
    expect(atlas.countryPoint('Ruritania')).toBeUndefined();
  });

  it('projects east of Paris to the right and north up, inside the map', () => {
    const size = { width: 400, height: 240 };
    const project = worldProjection(size);
    const paris = project([2.35, 48.86]) ?? [NaN, NaN];
    const marseille = project([5.37, 43.3]) ?? [NaN, NaN];
    expect(marseille[0]).toBeGreaterThan(paris[0]);
    expect(marseille[1]).toBeGreaterThan(paris[1]);
    for (const v of [...paris, ...marseille]) expect(v).toBeGreaterThan(0);
  });

  it('frames the drawn points with a margin, and zooms around the pointer', () => {
    const size = { width: 400, height: 240 };
    const view = frame(
      [
        [100, 100],
        [140, 120],
      ],
      size,
    );
    const screen = (p: [number, number]) => [p[0] * view.k + view.x, p[1] * view.k + view.y];
    const [a, b] = [screen([100, 100]), screen([140, 120])];
    for (const [x, y] of [a, b]) {
      expect(x).toBeGreaterThanOrEqual(23.9);
      expect(x).toBeLessThanOrEqual(376.1);
      expect(y).toBeGreaterThanOrEqual(23.9);
      expect(y).toBeLessThanOrEqual(216.1);
    }
    const zoomed = zoomAt(view, 2, [200, 120]);
    expect(zoomed.k).toBeCloseTo(view.k * 2);
    // The point under the pointer stays under it.
    const [ux, uy] = [(200 - view.x) / view.k, (120 - view.y) / view.k];
    expect(ux * zoomed.k + zoomed.x).toBeCloseTo(200);
    expect(uy * zoomed.k + zoomed.y).toBeCloseTo(120);
  });
});
