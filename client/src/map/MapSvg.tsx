import { geoPath } from 'd3-geo';
import { useMemo, useRef } from 'react';
import type { Atlas } from './atlas.ts';
import type { MapContent } from './map-content.ts';
import { isAdditive, type MapMarks, type Mark } from './map-selection.ts';
import { worldProjection, type Size, type ViewTransform } from './projection.ts';
import { routeLabel } from './route-label.ts';
import { useMapView, type ScreenBox } from './use-map-view.ts';
import { useT } from '../i18n/i18n.ts';

const PLACE_RADIUS = 4.5;

/** Room a label needs on screen; a place closer than this to a labelled one keeps only its tooltip. */
const LABEL_BOX = { width: 60, height: 12 };

/** Places whose name is written beside them: places with events first, then by name, none overlapping. */
function labelledPlaces(content: MapContent, points: ReadonlyMap<string, [number, number]>, view: ViewTransform) {
  const kept: [number, number][] = [];
  const labelled = new Set<string>();
  const order = [...content.placed].sort((a, b) => b.events.length - a.events.length || a.name.localeCompare(b.name));
  for (const place of order) {
    const [px, py] = points.get(place.id) ?? [0, 0];
    const at: [number, number] = [px * view.k + view.x, py * view.k + view.y];
    const clash = kept.some(
      ([x, y]) => Math.abs(x - at[0]) < LABEL_BOX.width && Math.abs(y - at[1]) < LABEL_BOX.height,
    );
    if (clash) continue;
    kept.push(at);
    labelled.add(place.id);
  }
  return labelled;
}

/** Places whose point is inside a box drawn on the map (screen pixels, under the current view). */
function placesIn(box: ScreenBox, points: ReadonlyMap<string, [number, number]>, view: ViewTransform): string[] {
  const inside: string[] = [];
  for (const [id, [px, py]] of points) {
    const x = px * view.k + view.x;
    const y = py * view.k + view.y;
    if (x >= box.x && x <= box.x + box.width && y >= box.y && y <= box.y + box.height) inside.push(id);
  }
  return inside;
}

/** Class names of a mark: `base`, then how it shows the selection. */
const marked = (base: string, mark: Mark) => (mark ? `${base} ${mark}` : base);

/** A pick from a click or a key, adding to the selection or replacing it. */
type Pick = (id: string, additive: boolean) => void;

/**
 * The map itself: country outlines, shipment routes leg by leg (great-circle arcs, arrow at
 * the end of each leg) and places. Marks are buttons: a click selects on the canvas, a
 * shift/ctrl-click adds to it, and a shift-drag adds the places in the box drawn.
 */
export function MapSvg(props: {
  atlas: Atlas;
  content: MapContent;
  size: Size;
  marks: MapMarks;
  onPick: Pick;
  onBoxPick: (ids: readonly string[]) => void;
}) {
  const { atlas, content, size, marks, onPick, onBoxPick } = props;
  const svg = useRef<SVGSVGElement>(null);
  const projection = useMemo(() => worldProjection(size), [size]);
  const path = useMemo(() => geoPath(projection), [projection]);
  const outlines = useMemo(
    () =>
      atlas.countries.features.map((f, i) => ({
        key: `${f.id ?? i}`,
        name: f.properties.name ?? '',
        d: path(f) ?? '',
      })),
    [atlas, path],
  );
  const points = useMemo(
    () =>
      new Map<string, [number, number]>(
        content.placed.map((p) => [p.id, projection([p.at[0], p.at[1]]) ?? [size.width / 2, size.height / 2]]),
      ),
    [content, projection, size],
  );
  const viewForBox = useRef<ViewTransform | undefined>(undefined);
  const mapView = useMapView({
    svg,
    size,
    points: [...points.values()],
    onBox: (box) => viewForBox.current && onBoxPick(placesIn(box, points, viewForBox.current)),
  });
  viewForBox.current = mapView.view;
  const { map: t, common } = useT();
  const { k, x, y } = mapView.view;
  const placedById = new Map(content.placed.map((p) => [p.id, p]));
  const labelled = labelledPlaces(content, points, mapView.view);
  const countriesShown = new Set(
    content.placed.filter((p) => p.placedBy === 'country outline').map((p) => p.name.toLowerCase()),
  );
  const pick = (id: string) => (e: React.MouseEvent) => {
    if (!mapView.consumeDrag()) onPick(id, isAdditive(e));
  };
  const keyPick = (id: string) => (e: React.KeyboardEvent) => {
    if (e.key === 'Enter' || e.key === ' ') onPick(id, isAdditive(e));
  };

  return (
    <div className="map-frame">
      <div className="map-zoom" role="group" aria-label={t.zoom}>
        <button className="secondary small" aria-label={t.zoomIn} onClick={mapView.zoomIn}>
          +
        </button>
        <button className="secondary small" aria-label={t.zoomOut} onClick={mapView.zoomOut}>
          −
        </button>
        <button className="secondary small" onClick={mapView.fit}>
          {common.fit}
        </button>
      </div>
      <svg
        ref={svg}
        width={size.width}
        height={size.height}
        role="group"
        aria-label={t.map}
        data-testid="map"
        data-zoom={k.toFixed(3)}
        {...mapView.handlers}
      >
        <defs>
          <marker
            id="map-arrow"
            viewBox="0 0 10 10"
            refX="9"
            refY="5"
            markerWidth="6"
            markerHeight="6"
            orient="auto-start-reverse"
          >
            <path d="M0,0 L10,5 L0,10 z" className="map-arrow" />
          </marker>
        </defs>
        <rect className="map-sea" width={size.width} height={size.height} />
        <g transform={`translate(${x},${y}) scale(${k})`}>
          {outlines.map((o) => (
            <path
              key={o.key}
              d={o.d}
              className={countriesShown.has(o.name.toLowerCase()) ? 'map-country on-canvas' : 'map-country'}
              vectorEffect="non-scaling-stroke"
            />
          ))}
          {content.routes.map((route) => {
            const stops = route.stops.filter((s) => placedById.has(s.locationId));
            const mark = marks.route(route);
            return (
              <g
                key={route.shipmentId}
                data-testid="map-route"
                data-id={route.shipmentId}
                data-stops={route.stops.map((s) => s.locationId).join(' ')}
                data-mark={mark ?? 'none'}
                className={marked('map-route', mark)}
                role="button"
                tabIndex={0}
                aria-pressed={mark === 'selected'}
                aria-label={routeLabel(route, content)}
                onClick={pick(route.shipmentId)}
                onKeyDown={keyPick(route.shipmentId)}
              >
                <title>{routeLabel(route, content)}</title>
                {stops.slice(1).map((stop, i) => {
                  const from = placedById.get(stops[i]?.locationId ?? '');
                  const to = placedById.get(stop.locationId);
                  if (!from || !to) return null;
                  const d = path({ type: 'LineString', coordinates: [[...from.at], [...to.at]] }) ?? '';
                  return (
                    <path
                      key={stop.relationshipId}
                      d={d}
                      data-testid="map-leg"
                      data-from={from.id}
                      data-to={to.id}
                      className="map-leg"
                      vectorEffect="non-scaling-stroke"
                      markerEnd="url(#map-arrow)"
                    />
                  );
                })}
              </g>
            );
          })}
          {content.placed.map((place) => {
            const [px, py] = points.get(place.id) ?? [0, 0];
            const mark = marks.place(place);
            const label =
              place.events.length > 0 ? `${place.name}: ${place.events.map((e) => e.name).join('; ')}` : place.name;
            return (
              <g key={place.id} transform={`translate(${px},${py}) scale(${1 / k})`}>
                <circle
                  r={PLACE_RADIUS + Math.min(4, place.events.length)}
                  data-testid="map-place"
                  data-id={place.id}
                  data-mark={mark ?? 'none'}
                  className={marked(`map-place ${place.events.length > 0 ? 'has-events' : ''}`, mark)}
                  role="button"
                  tabIndex={0}
                  aria-pressed={mark === 'selected'}
                  aria-label={label}
                  onClick={pick(place.id)}
                  onKeyDown={keyPick(place.id)}
                >
                  <title>{label}</title>
                </circle>
                {labelled.has(place.id) && (
                  <text className="map-label" x={PLACE_RADIUS + 5} y={3}>
                    {place.name}
                  </text>
                )}
              </g>
            );
          })}
        </g>
        {mapView.box && (
          <rect
            className="map-box"
            data-testid="map-box"
            x={mapView.box.x}
            y={mapView.box.y}
            width={mapView.box.width}
            height={mapView.box.height}
          />
        )}
      </svg>
    </div>
  );
}
