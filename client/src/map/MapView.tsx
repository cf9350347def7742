import { useEffect, useMemo, useRef, useState } from 'react';
import { visibleElements, type Filters } from '../model-view/filters.ts';
import type { GraphDoc } from '../model-view/graph-doc.ts';
import { mapContent, type MapContent } from './map-content.ts';
import { MapSvg } from './MapSvg.tsx';
import { routeLabel } from './route-label.ts';
import { useAtlas } from './use-atlas.ts';
import { useT } from '../i18n/i18n.ts';
import './map.css';

/** Height over width of the map: the Natural Earth projection of the globe is about this shape. */
const ASPECT = 0.56;

function useWidth(): [React.RefObject<HTMLDivElement | null>, number] {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(320);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const observer = new ResizeObserver(
      ([entry]) => entry && setWidth(Math.max(200, Math.floor(entry.contentRect.width))),
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, width];
}

/**
 * Places on the canvas and what happened there, and shipment routes, on country outlines.
 * It draws only what the canvas draws (filters and time bar applied) and reads nothing from
 * the server; a click selects on the canvas, the canvas selection is shown here.
 */
export function MapView(props: {
  doc: GraphDoc;
  filters: Filters;
  selection: readonly string[];
  onPick: (id: string) => void;
}) {
  const { doc, filters, selection, onPick } = props;
  const atlas = useAtlas();
  const t = useT().map;
  const [box, width] = useWidth();
  const size = useMemo(() => ({ width, height: Math.round(width * ASPECT) }), [width]);
  const visible = useMemo(() => visibleElements(doc, filters), [doc, filters]);
  const content = useMemo<MapContent | undefined>(
    () => (atlas.phase === 'ready' ? mapContent({ doc, visible, countryPoint: atlas.atlas.countryPoint }) : undefined),
    [atlas, doc, visible],
  );
  const selected = useMemo(() => new Set(selection), [selection]);
  const isSelected = (id: string) => selected.has(id);
  const routeSelected = (route: MapContent['routes'][number]) =>
    selected.has(route.shipmentId) || route.stops.some((s) => selected.has(s.relationshipId));

  return (
    <section className="map-view" aria-label={t.view} ref={box}>
      {atlas.phase === 'loading' && <p className="muted">{t.loadingOutlines}</p>}
      {atlas.phase === 'failed' && <p role="alert">{t.outlinesFailed(atlas.error)}</p>}
      {atlas.phase === 'ready' && content && (
        <>
          <MapSvg
            atlas={atlas.atlas}
            content={content}
            size={size}
            isSelected={isSelected}
            routeSelected={routeSelected}
            onPick={onPick}
          />
          <MapLists content={content} isSelected={isSelected} routeSelected={routeSelected} onPick={onPick} />
        </>
      )}
    </section>
  );
}

function MapLists(props: {
  content: MapContent;
  isSelected: (id: string) => boolean;
  routeSelected: (route: MapContent['routes'][number]) => boolean;
  onPick: (id: string) => void;
}) {
  const { content, isSelected, routeSelected, onPick } = props;
  const t = useT().map;
  if (content.placed.length + content.notPlaced.length === 0) {
    return <p className="muted">{t.empty}</p>;
  }
  const item = (id: string, text: string, selected: boolean, testId: string) => (
    <button
      className={selected ? 'link selected' : 'link'}
      data-testid={testId}
      data-id={id}
      aria-pressed={selected}
      onClick={() => onPick(id)}
    >
      {text}
    </button>
  );
  return (
    <div className="map-lists">
      {content.routes.length > 0 && (
        <>
          <h4>{t.routes}</h4>
          <ul>
            {content.routes.map((r) => (
              <li key={r.shipmentId}>
                {item(r.shipmentId, routeLabel(r, content), routeSelected(r), 'map-route-item')}
              </li>
            ))}
          </ul>
        </>
      )}
      <h4>{t.places}</h4>
      <ul>
        {content.placed.map((p) => (
          <li key={p.id}>
            {item(p.id, p.name, isSelected(p.id), 'map-place-item')}
            {p.events.length > 0 && (
              <ul>
                {p.events.map((e) => (
                  <li key={e.id}>{item(e.id, e.name, isSelected(e.id), 'map-event-item')}</li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
      {content.notPlaced.length > 0 && (
        <>
          <h4>{t.notPlaced(content.notPlaced.length)}</h4>
          <p className="muted small">{t.notPlacedHint}</p>
          <ul data-testid="map-not-placed">
            {content.notPlaced.map((n) => (
              <li key={n.id}>{item(n.id, n.name, isSelected(n.id), 'map-not-placed-item')}</li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
