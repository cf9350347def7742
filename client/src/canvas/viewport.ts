import type { Core, EventObject } from 'cytoscape';

/**
 * Zoom per pixel of wheel travel, d3-zoom's rule (a 100 px mouse notch zooms 2^0.2 ≈ 1.15×, a trackpad's
 * few pixels a little). Cytoscape's own wheel zoom clamps the first four events to 5 px and then treats a
 * mouse as an "inaccurate device", dividing each notch by its size: with our sensitivity ten notches
 * zoomed 1.1× in all, which on a large view in software WebGL meant twenty seconds for almost nothing.
 */
const WHEEL_ZOOM_PER_PIXEL = 0.002;
/** deltaMode 1 counts lines, 2 pages (Firefox): scaled to pixels as d3-zoom does. */
const PIXELS_PER_DELTA_UNIT = [1, 25, 500] as const;
/** A pinch on a trackpad arrives as a wheel event with ctrlKey and small deltas. */
const PINCH_BOOST = 10;

/**
 * Below this zoom a caption is under 7 px high. The WebGL renderer would still draw every one (it ignores
 * min-zoomed-font-size): thousands of unreadable captions that cost texture memory and hide the graph's shape.
 */
export const CAPTION_MIN_ZOOM = 0.6;

export function wheelZoomFactor(event: Pick<WheelEvent, 'deltaY' | 'deltaMode' | 'ctrlKey'>): number {
  const pixels = event.deltaY * (PIXELS_PER_DELTA_UNIT[event.deltaMode] ?? 1);
  return 2 ** (-pixels * WHEEL_ZOOM_PER_PIXEL * (event.ctrlKey ? PINCH_BOOST : 1));
}

/** Wheel zoom about the pointer and, on large views, captions by zoom level; returns the unbinding function. */
export function bindViewport(cy: Core, options: { large: boolean }): () => void {
  const container = cy.container();
  const host = container?.parentElement;
  const onWheel = (event: WheelEvent) => {
    if (!container || !(event.target instanceof Node) || !container.contains(event.target)) return;
    // Caught on the way down, before Cytoscape's own listener on the container sees it.
    event.stopPropagation();
    event.preventDefault();
    if (!cy.userZoomingEnabled()) return;
    const box = container.getBoundingClientRect();
    cy.zoom({
      level: cy.zoom() * wheelZoomFactor(event),
      renderedPosition: { x: event.clientX - box.left, y: event.clientY - box.top },
    });
  };
  host?.addEventListener('wheel', onWheel, { capture: true, passive: false });

  let far: boolean | undefined;
  const showCaptionsByZoom = () => {
    const now = cy.zoom() < CAPTION_MIN_ZOOM;
    if (now === far) return;
    far = now;
    // Only when the threshold is crossed: restyling thousands of nodes on every zoom step would cost frames.
    cy.batch(() => (now ? cy.nodes().addClass('far') : cy.nodes().removeClass('far')));
  };
  const onAdd = (event: EventObject) => {
    if (far) event.target.addClass('far');
  };
  if (options.large) {
    cy.on('zoom', showCaptionsByZoom);
    cy.on('add', 'node', onAdd);
    showCaptionsByZoom();
  }
  return () => {
    host?.removeEventListener('wheel', onWheel, { capture: true });
    cy.off('zoom', showCaptionsByZoom);
    cy.off('add', 'node', onAdd);
  };
}
