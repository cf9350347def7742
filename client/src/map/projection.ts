import { geoArea, geoCentroid, geoNaturalEarth1, type GeoProjection } from 'd3-geo';
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon } from 'geojson';
import type { CountryPoint, LonLat } from './map-content.ts';

export interface Size {
  readonly width: number;
  readonly height: number;
}

/** The whole globe fitted into `size`; zoom and pan are a transform on top, so outlines are projected once. */
export function worldProjection(size: Size, padding = 4): GeoProjection {
  return geoNaturalEarth1().fitExtent(
    [
      [padding, padding],
      [size.width - padding, size.height - padding],
    ],
    { type: 'Sphere' },
  );
}

/** Zoom (k) and pan (x, y) applied to projected points: screen = point * k + (x, y). */
export interface ViewTransform {
  readonly k: number;
  readonly x: number;
  readonly y: number;
}

const IDENTITY: ViewTransform = { k: 1, x: 0, y: 0 };
const MIN_ZOOM = 1;
const MAX_ZOOM = 64;

const clampZoom = (k: number) => Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, k));

/** The view that frames projected points with a margin; one point is shown at a regional zoom. */
export function frame(points: readonly (readonly [number, number])[], size: Size, margin = 24): ViewTransform {
  if (points.length === 0) return IDENTITY;
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const spanX = Math.max(x1 - x0, 1);
  const spanY = Math.max(y1 - y0, 1);
  const fit = Math.min((size.width - 2 * margin) / spanX, (size.height - 2 * margin) / spanY);
  const k = clampZoom(points.length === 1 ? 8 : fit);
  return { k, x: size.width / 2 - ((x0 + x1) / 2) * k, y: size.height / 2 - ((y0 + y1) / 2) * k };
}

/** Zoom by `factor` keeping the screen point `at` where it is (the wheel's or the centre's). */
export function zoomAt(view: ViewTransform, factor: number, at: readonly [number, number]): ViewTransform {
  const k = clampZoom(view.k * factor);
  const ratio = k / view.k;
  return { k, x: at[0] - (at[0] - view.x) * ratio, y: at[1] - (at[1] - view.y) * ratio };
}

/** A country's largest polygon, so France is placed in Europe rather than pulled towards French Guiana. */
function mainland(geometry: Geometry): Polygon | MultiPolygon {
  if (geometry.type === 'Polygon') return geometry;
  if (geometry.type !== 'MultiPolygon') return { type: 'MultiPolygon', coordinates: [] };
  let best: Polygon = { type: 'Polygon', coordinates: geometry.coordinates[0] ?? [] };
  for (const coordinates of geometry.coordinates) {
    const polygon: Polygon = { type: 'Polygon', coordinates };
    if (geoArea(polygon) > geoArea(best)) best = polygon;
  }
  return best;
}

/** Country points from the outlines, matched on the country's name as the atlas spells it (any case). */
export function countryPoints(countries: FeatureCollection<Geometry, { name?: string }>): CountryPoint {
  const byName = new Map<string, Feature<Geometry, { name?: string }>>();
  for (const feature of countries.features) {
    const name = feature.properties.name;
    if (name) byName.set(name.toLowerCase(), feature);
  }
  const cache = new Map<string, LonLat | undefined>();
  return (name) => {
    const key = name.trim().toLowerCase();
    if (!cache.has(key)) {
      const feature = byName.get(key);
      cache.set(key, feature ? geoCentroid(mainland(feature.geometry)) : undefined);
    }
    return cache.get(key);
  };
}
