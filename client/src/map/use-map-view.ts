import { useCallback, useEffect, useRef, useState, type PointerEvent, type RefObject } from 'react';
import { frame, zoomAt, type Size, type ViewTransform } from './projection.ts';

const WHEEL_STEP = 1.25;
/** A press that moves less than this is a click on a mark, not the start of a pan. */
const DRAG_THRESHOLD_PX = 3;

/** A rectangle on the map, in pixels from its top-left corner. */
export interface ScreenBox {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

type Press =
  | { readonly mode: 'pan'; readonly x: number; readonly y: number; readonly from: ViewTransform; dragging: boolean }
  | { readonly mode: 'box'; readonly x: number; readonly y: number; dragging: boolean };

const boxBetween = (a: { x: number; y: number }, b: { x: number; y: number }): ScreenBox => ({
  x: Math.min(a.x, b.x),
  y: Math.min(a.y, b.y),
  width: Math.abs(a.x - b.x),
  height: Math.abs(a.y - b.y),
});

/**
 * Zoom and pan of the map: wheel zoom around the pointer, drag to pan, shift-drag (or
 * ctrl-drag) to draw a box whose places `onBox` adds to the selection, buttons for keyboard
 * users. `points` are the projected marks: the view frames them until the analyst moves it.
 */
export function useMapView(input: {
  svg: RefObject<SVGSVGElement | null>;
  size: Size;
  points: [number, number][];
  onBox: (box: ScreenBox) => void;
}) {
  const { svg, size, points, onBox } = input;
  const [moved, setMoved] = useState<ViewTransform | undefined>(undefined);
  // A wide margin: names are written to the right of their place.
  const framed = frame(points, size, 48);
  const view = moved ?? framed;
  const viewRef = useRef(view);
  viewRef.current = view;
  const drag = useRef<Press | undefined>(undefined);
  const justDragged = useRef(false);
  const [box, setBox] = useState<ScreenBox | undefined>(undefined);
  const onBoxRef = useRef(onBox);
  onBoxRef.current = onBox;
  const local = (event: PointerEvent<SVGSVGElement>) => {
    const frameBox = event.currentTarget.getBoundingClientRect();
    return { x: event.clientX - frameBox.left, y: event.clientY - frameBox.top };
  };

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
    const at = local(event);
    // A new press: a pan that ended off the marks must not swallow this click.
    justDragged.current = false;
    drag.current =
      event.shiftKey || event.ctrlKey || event.metaKey
        ? { mode: 'box', ...at, dragging: false }
        : { mode: 'pan', ...at, from: viewRef.current, dragging: false };
  }, []);
  const onPointerMove = useCallback((event: PointerEvent<SVGSVGElement>) => {
    const start = drag.current;
    if (!start || event.buttons === 0) return;
    const at = local(event);
    const dx = at.x - start.x;
    const dy = at.y - start.y;
    if (!start.dragging && Math.hypot(dx, dy) < DRAG_THRESHOLD_PX) return;
    start.dragging = true;
    if (start.mode === 'box') setBox(boxBetween(start, at));
    else setMoved({ ...start.from, x: start.from.x + dx, y: start.from.y + dy });
  }, []);
  const onPointerUp = useCallback((event: PointerEvent<SVGSVGElement>) => {
    const start = drag.current;
    justDragged.current = start?.dragging ?? false;
    drag.current = undefined;
    setBox(undefined);
    if (start?.mode === 'box' && start.dragging) onBoxRef.current(boxBetween(start, local(event)));
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
    /** The box being drawn, while a shift-drag lasts. */
    box,
    handlers: { onPointerDown, onPointerMove, onPointerUp, onPointerLeave: onPointerUp },
    consumeDrag,
    zoomIn: () => setMoved(zoomAt(view, 2, centre)),
    zoomOut: () => setMoved(zoomAt(view, 0.5, centre)),
    /** Back to framing what is drawn (and following it as the canvas changes). */
    fit: () => setMoved(undefined),
  };
}
