import type { RefObject } from 'react';
import type { CanvasHandle } from '../canvas/canvas-handle.ts';
import { useT } from '../i18n/i18n.ts';

/** One step of the zoom buttons: five clicks double or halve the scale roughly threefold. */
const ZOOM_STEP = 1.25;

/** Zoom buttons over the canvas's top-right corner, where the wheel is not at hand (a trackpad, a large view). */
export function CanvasNavigation(props: { canvas: RefObject<CanvasHandle | null>; hasSelection: boolean }) {
  const { canvas } = props;
  const t = useT();
  return (
    <div className="canvas-navigation" role="group" aria-label={t.navigation.zoom}>
      <button
        className="secondary"
        title={t.navigation.zoomIn}
        aria-label={t.navigation.zoomIn}
        onClick={() => canvas.current?.zoomBy(ZOOM_STEP)}
      >
        +
      </button>
      <button
        className="secondary"
        title={t.navigation.zoomOut}
        aria-label={t.navigation.zoomOut}
        onClick={() => canvas.current?.zoomBy(1 / ZOOM_STEP)}
      >
        −
      </button>
      <button className="secondary" title={t.navigation.fitTitle} onClick={() => canvas.current?.fit()}>
        {t.common.fit}
      </button>
      <button
        className="secondary"
        title={t.navigation.zoomToSelectionTitle}
        disabled={!props.hasSelection}
        onClick={() => canvas.current?.zoomToSelection()}
      >
        {t.navigation.zoomToSelection}
      </button>
    </div>
  );
}
