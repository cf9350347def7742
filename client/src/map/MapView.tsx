import { useEffect, useMemo, useRef, useState } from 'react';
import { visibleElements, type Filters } from '../model-view/filters.ts';
import type { GraphDoc } from '../model-view/graph-doc.ts';
import { mapContent, type MapContent } from './map-content.ts';
import { isAdditive, mapMarks, pickedSelection, type MapMarks, type Mark } from './map-selection.ts';
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
 * the server; a click selects on the canvas (shift/ctrl-click and shift-drag add to it), and
 * the canvas selection, however many nodes, is shown here with the events and routes tied to it.
 */
export function MapView(props: {
  doc: GraphDoc;
  filters: Filters;
  selection: readonly string[];
  onSelect: (ids: string[]) => void;
}) {
  const { doc, filters, selection, onSelect } = props;
  const atlas = useAtlas();
  const t = useT().map;
  const [box, width] = useWidth();
  const size = useMemo(() => ({ width, height: Math.round(width * ASPECT) }), [width]);
  const visible = useMemo(() => visibleElements(doc, filters), [doc, filters]);
  const content = useMemo<MapContent | undefined>(
    () => (atlas.phase === 'ready' ? mapContent({ doc, visible, countryPoint: atlas.atlas.countryPoint }) : undefined),
    [atlas, doc, visible],
  );
  const marks = useMemo(() => mapMarks({ doc, visible, selection }), [doc, visible, selection]);
  const onPick = (id: string, additive: boolean) => onSelect(pickedSelection({ selection, ids: [id], additive }));
  const onBoxPick = (ids: readonly string[]) => {
    if (ids.length > 0) onSelect(pickedSelection({ selection, ids, additive: true }));
  };

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
            marks={marks}
            onPick={onPick}
            onBoxPick={onBoxPick}
          />
          <MapLists content={content} marks={marks} onPick={onPick} />
        </>
      )}
    </section>
  );
}

function MapLists(props: { content: MapContent; marks: MapMarks; onPick: (id: string, additive: boolean) => void }) {
  const { content, marks, onPick } = props;
  const t = useT().map;
  if (content.placed.length + content.notPlaced.length === 0) {
    return <p className="muted">{t.empty}</p>;
  }
  const item = (id: string, text: string, mark: Mark, testId: string) => (
    <button
      className={mark ? `link ${mark}` : 'link'}
      data-testid={testId}
      data-id={id}
      data-mark={mark ?? 'none'}
      aria-pressed={mark === 'selected'}
      onClick={(e) => onPick(id, isAdditive(e))}
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
              <li key={r.shipmentId}>{item(r.shipmentId, routeLabel(r, content), marks.route(r), 'map-route-item')}</li>
            ))}
          </ul>
        </>
      )}
      <h4>{t.places}</h4>
      <ul>
        {content.placed.map((p) => (
          <li key={p.id}>
            {item(p.id, p.name, marks.of(p.id), 'map-place-item')}
            {p.events.length > 0 && (
              <ul>
                {p.events.map((e) => (
                  <li key={e.id}>{item(e.id, e.name, marks.of(e.id), 'map-event-item')}</li>
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
              <li key={n.id}>{item(n.id, n.name, marks.of(n.id), 'map-not-placed-item')}</li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
