import type { RefObject } from 'react';
import type { CanvasHandle } from '../canvas/canvas-handle.ts';

/** One step of the zoom buttons: five clicks double or halve the scale roughly threefold. */
const ZOOM_STEP = 1.25;

/** Zoom buttons over the canvas's top-right corner, where the wheel is not at hand (a trackpad, a large view). */
export function CanvasNavigation(props: { canvas: RefObject<CanvasHandle | null>; hasSelection: boolean }) {
  const { canvas } = props;
  return (
    <div className="canvas-navigation" role="group" aria-label="Zoom">
      <button
        className="secondary"
        title="Zoom in"
        aria-label="Zoom in"
        onClick={() => canvas.current?.zoomBy(ZOOM_STEP)}
      >
        +
      </button>
      <button
        className="secondary"
        title="Zoom out"
        aria-label="Zoom out"
        onClick={() => canvas.current?.zoomBy(1 / ZOOM_STEP)}
      >
        −
      </button>
      <button className="secondary" title="Fit the graph to the window (F)" onClick={() => canvas.current?.fit()}>
        Fit
      </button>
      <button
        className="secondary"
        title="Zoom to the selection"
        disabled={!props.hasSelection}
        onClick={() => canvas.current?.zoomToSelection()}
      >
        Zoom to selection
      </button>
    </div>
  );
}
