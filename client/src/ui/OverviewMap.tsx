import { useEffect, useRef, useState, type PointerEvent, type RefObject } from 'react';
import type { CanvasHandle } from '../canvas/canvas-handle.ts';
import type { ModelBox, OverviewPicture } from '../canvas/overview.ts';
import { useT } from '../i18n/i18n.ts';

const WIDTH = 200;
const HEIGHT = 140;
/** Room around the dots, in map pixels, so that nodes at the edge stay clickable. */
const MARGIN = 8;
const SELECTED = '#f1c40f';

/** A display preference, not case data: kept for the tab's session, as the legend's. */
const COLLAPSED_KEY = 'maillon.overview-collapsed';

/** How model coordinates land on the map: one scale both ways, the graph centred. */
interface MapScale {
  readonly scale: number;
  readonly dx: number;
  readonly dy: number;
}

function scaleFor(bounds: ModelBox): MapScale {
  const w = Math.max(bounds.x2 - bounds.x1, 1);
  const h = Math.max(bounds.y2 - bounds.y1, 1);
  const scale = Math.min((WIDTH - 2 * MARGIN) / w, (HEIGHT - 2 * MARGIN) / h);
  return { scale, dx: (WIDTH - w * scale) / 2 - bounds.x1 * scale, dy: (HEIGHT - h * scale) / 2 - bounds.y1 * scale };
}

function drawDots(canvas: HTMLCanvasElement, picture: OverviewPicture, at: MapScale): void {
  const ratio = window.devicePixelRatio || 1;
  canvas.width = WIDTH * ratio;
  canvas.height = HEIGHT * ratio;
  const g = canvas.getContext('2d');
  if (!g) return;
  g.setTransform(ratio, 0, 0, ratio, 0, 0);
  g.clearRect(0, 0, WIDTH, HEIGHT);
  // One fill colour at a time: switching fillStyle per dot is what makes 5,000 dots slow.
  const byColour = new Map<string, { x: number; y: number }[]>();
  for (const dot of picture.dots) {
    const list = byColour.get(dot.colour) ?? [];
    list.push({ x: dot.x * at.scale + at.dx, y: dot.y * at.scale + at.dy });
    byColour.set(dot.colour, list);
  }
  const size = picture.dots.length > 500 ? 2 : 4;
  for (const [colour, points] of byColour) {
    g.fillStyle = colour;
    for (const p of points) g.fillRect(p.x - size / 2, p.y - size / 2, size, size);
  }
  // The selection last and larger, so that a search hit is found on the map as well.
  g.fillStyle = SELECTED;
  g.strokeStyle = '#1f2933';
  for (const dot of picture.dots.filter((d) => d.selected)) {
    g.beginPath();
    g.arc(dot.x * at.scale + at.dx, dot.y * at.scale + at.dy, 4, 0, 2 * Math.PI);
    g.fill();
    g.stroke();
  }
}

/** A view this large no longer fits the canvas readably: the map opens by itself unless the analyst shut it. */
const OPENS_FROM_NODES = 300;

/** The analyst's last choice this session; undefined when they never made one. */
function readCollapsed(): boolean | undefined {
  try {
    const stored = sessionStorage.getItem(COLLAPSED_KEY);
    return stored === null ? undefined : stored === 'yes';
  } catch {
    return undefined;
  }
}

/**
 * The whole graph small, with the part the canvas shows outlined: a click or a drag there moves the view.
 * Dots come from node positions (canvas/overview.ts), not from a picture of the canvas, so that a large
 * view does not pay for a second rendering of itself.
 */
export function OverviewMap(props: { canvas: RefObject<CanvasHandle | null>; nodes: number }) {
  const { canvas } = props;
  const t = useT();
  const [chosen, setChosen] = useState(readCollapsed);
  const collapsed = chosen ?? props.nodes < OPENS_FROM_NODES;
  const dots = useRef<HTMLCanvasElement>(null);
  const box = useRef<HTMLDivElement>(null);
  const scale = useRef<MapScale>({ scale: 1, dx: 0, dy: 0 });
  const watched = useRef<{ handle: CanvasHandle; stop: () => void } | undefined>(undefined);

  const drawViewport = (handle: CanvasHandle) => {
    const element = box.current;
    if (!element) return;
    const { scale: s, dx, dy } = scale.current;
    const view = handle.extent();
    // Clipped to the map: zoomed far out, the view box is larger than the map itself.
    const x1 = Math.max(view.x1 * s + dx, 0);
    const y1 = Math.max(view.y1 * s + dy, 0);
    const x2 = Math.min(view.x2 * s + dx, WIDTH);
    const y2 = Math.min(view.y2 * s + dy, HEIGHT);
    element.style.transform = `translate(${x1}px, ${y1}px)`;
    element.style.width = `${Math.max(x2 - x1, 2)}px`;
    element.style.height = `${Math.max(y2 - y1, 2)}px`;
  };
  const drawGraph = (handle: CanvasHandle) => {
    const picture = handle.overview();
    scale.current = scaleFor(picture.bounds);
    if (dots.current) drawDots(dots.current, picture, scale.current);
    drawViewport(handle);
  };

  // The canvas makes a new handle when it changes renderer (a view grows large): follow the current one.
  useEffect(() => {
    const handle = canvas.current;
    if (collapsed || !handle || watched.current?.handle === handle) return;
    watched.current?.stop();
    drawGraph(handle);
    const stop = handle.watchOverview({ graph: () => drawGraph(handle), viewport: () => drawViewport(handle) });
    watched.current = { handle, stop };
  });
  useEffect(() => {
    if (!collapsed) return;
    watched.current?.stop();
    watched.current = undefined;
  }, [collapsed]);
  useEffect(() => () => watched.current?.stop(), []);

  const moveView = (event: PointerEvent<HTMLDivElement>) => {
    const rect = event.currentTarget.getBoundingClientRect();
    const { scale: s, dx, dy } = scale.current;
    canvas.current?.centreOn({
      x: (event.clientX - rect.left - dx) / s,
      y: (event.clientY - rect.top - dy) / s,
    });
  };
  const toggle = () => {
    try {
      sessionStorage.setItem(COLLAPSED_KEY, collapsed ? 'no' : 'yes');
    } catch {
      // Storage refused (private mode): the choice lasts until the map is drawn again.
    }
    setChosen(!collapsed);
  };

  return (
    <aside className="overview-map" aria-label={t.overview.label}>
      <button className="overview-toggle" aria-expanded={!collapsed} onClick={toggle}>
        {collapsed ? t.overview.open : t.overview.shut}
      </button>
      {!collapsed && (
        <div
          className="overview-surface"
          data-testid="overview-map"
          title={t.overview.hint}
          style={{ width: WIDTH, height: HEIGHT }}
          onPointerDown={(event) => {
            event.currentTarget.setPointerCapture(event.pointerId);
            moveView(event);
          }}
          onPointerMove={(event) => {
            if (event.currentTarget.hasPointerCapture(event.pointerId)) moveView(event);
          }}
        >
          <canvas ref={dots} style={{ width: WIDTH, height: HEIGHT }} aria-hidden="true" />
          <div ref={box} className="overview-viewport" data-testid="overview-viewport" />
        </div>
      )}
    </aside>
  );
}
