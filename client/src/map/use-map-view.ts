import { useCallback, useEffect, useRef, useState, type PointerEvent, type RefObject } from 'react';
import { frame, zoomAt, type Size, type ViewTransform } from './projection.ts';

const WHEEL_STEP = 1.25;
/** A press that moves less than this is a click on a mark, not the start of a pan. */
const DRAG_THRESHOLD_PX = 3;

/**
 * Zoom and pan of the map: wheel zoom around the pointer, drag to pan, buttons for keyboard
 * users. `points` are the projected marks: the view frames them until the analyst moves it.
 */
export function useMapView(input: { svg: RefObject<SVGSVGElement | null>; size: Size; points: [number, number][] }) {
  const { svg, size, points } = input;
  const [moved, setMoved] = useState<ViewTransform | undefined>(undefined);
  // A wide margin: names are written to the right of their place.
  const framed = frame(points, size, 48);
  const view = moved ?? framed;
  const viewRef = useRef(view);
  viewRef.current = view;
  const drag = useRef<{ x: number; y: number; from: ViewTransform; dragging: boolean } | undefined>(undefined);
  const justDragged = useRef(false);

  // React registers wheel listeners as passive; a map must stop the page scrolling while it zooms.
  useEffect(() => {
    const element = svg.current;
    if (!element) return;
    const onWheel = (event: WheelEvent) => {
      event.preventDefault();
      const box = element.getBoundingClientRect();
      const factor = event.deltaY < 0 ? WHEEL_STEP : 1 / WHEEL_STEP;
      setMoved(zoomAt(viewRef.current, factor, [event.clientX - box.left, event.clientY - box.top]));
    };
    element.addEventListener('wheel', onWheel, { passive: false });
    return () => element.removeEventListener('wheel', onWheel);
  }, [svg]);

  const onPointerDown = useCallback((event: PointerEvent<SVGSVGElement>) => {
    drag.current = { x: event.clientX, y: event.clientY, from: viewRef.current, dragging: false };
  }, []);
  const onPointerMove = useCallback((event: PointerEvent<SVGSVGElement>) => {
    const start = drag.current;
    if (!start || event.buttons === 0) return;
    const dx = event.clientX - start.x;
    const dy = event.clientY - start.y;
    if (!start.dragging && Math.hypot(dx, dy) < DRAG_THRESHOLD_PX) return;
    start.dragging = true;
    setMoved({ ...start.from, x: start.from.x + dx, y: start.from.y + dy });
  }, []);
  const onPointerUp = useCallback(() => {
    justDragged.current = drag.current?.dragging ?? false;
    drag.current = undefined;
  }, []);
  /** True once after a pan, so the release does not also count as a click on a mark. */
  const consumeDrag = useCallback(() => {
    const was = justDragged.current;
    justDragged.current = false;
    return was;
  }, []);

  const centre: [number, number] = [size.width / 2, size.height / 2];
  return {
    view,
    handlers: { onPointerDown, onPointerMove, onPointerUp, onPointerLeave: onPointerUp },
    consumeDrag,
    zoomIn: () => setMoved(zoomAt(view, 2, centre)),
    zoomOut: () => setMoved(zoomAt(view, 0.5, centre)),
    /** Back to framing what is drawn (and following it as the canvas changes). */
    fit: () => setMoved(undefined),
  };
}
