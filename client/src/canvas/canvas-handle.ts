import type { CollectionReturnValue, Core, NodeCollection } from 'cytoscape';
import type { Position } from '../model-view/workspace-file.ts';
import type { ChartScene } from '../model-view/chart-svg.ts';
import { runLayout, type LayoutName } from './layouts.ts';
import { readScene, withoutWorkingState } from './scene.ts';
import { centreOn, readOverview, watchOverview, type ModelBox, type OverviewPicture } from './overview.ts';

/** What the rest of the app may ask of the canvas, without touching Cytoscape itself. */
export interface CanvasHandle {
  readonly renderer: 'canvas' | 'webgl';
  fit(ids?: readonly string[]): void;
  /** Zooms about the canvas centre by `factor` (above 1 zooms in). */
  zoomBy(factor: number): void;
  /** Frames the selected elements (all visible ones when nothing is selected). */
  zoomToSelection(): void;
  zoom(): number;
  size(): { width: number; height: number };
  layout(name: LayoutName): Promise<void>;
  png(): Promise<Blob>;
  /** The drawn view as plain shapes, without selection or highlight, for the SVG chart. */
  scene(): ChartScene;
  /** Drawn width of a node and of an edge, to check style rules. */
  drawnSize(id: string): number | undefined;
  positions(): Map<string, Position>;
  /**
   * Selects the elements now, or as soon as they are all drawn (e.g. right after adding them).
   * `centre` brings them to the middle of the view (a search hit), not just into it.
   */
  select(ids: readonly string[], options?: { centre: boolean }): void;
  selectedIds(): string[];
  /** Called after every sync; applies pending selections and frames the first nodes. */
  afterSync(added: readonly string[]): void;
  selectAll(): void;
  visibleCounts(): { nodes: number; relationships: number };
  visibleNodeIds(): string[];
  /** Every node and relationship Cytoscape holds, hidden ones included: what a test must not find. */
  heldElements(): {
    nodeIds: string[];
    relationships: Array<{ id: string; type: string; source: string; target: string }>;
  };
  highlightedIds(): string[];
  /** Elements drawn faded because a highlight is shown and they are not part of it. */
  dimmedIds(): string[];
  /** Each visible node's box with its caption, in model coordinates, to check that captions do not collide. */
  labelBoxes(): { id: string; x1: number; y1: number; x2: number; y2: number }[];
  /** The model label of a drawn node (e.g. 'Shipment'), for tests that check what is on the canvas. */
  labelOf(id: string): string | undefined;
  /** Where a node is drawn, in pixels from the canvas's top-left corner. */
  renderedPosition(id: string): { x: number; y: number } | undefined;
  /** Whether a node's caption is drawn at the current zoom (level of detail on large views). */
  captionShown(id: string): boolean | undefined;
  pan(): { x: number; y: number };
  /** The part of the model the canvas shows now. */
  extent(): ModelBox;
  /** The dots of the overview map. */
  overview(): OverviewPicture;
  /** Calls `listener.graph` (throttled) when the dots change, `listener.viewport` when the view moves. */
  watchOverview(listener: { graph(): void; viewport(): void }): () => void;
  /** Pans so that this model point is in the middle of the canvas. */
  centreOn(point: { x: number; y: number }): void;
}

export function createHandle(
  cy: Core,
  options: { memory: Map<string, Position>; renderer: 'canvas' | 'webgl' },
): CanvasHandle {
  let pendingSelection: { ids: readonly string[]; centre: boolean } | undefined;
  let everFitted = false;

  const applySelection = (ids: readonly string[], centre = false): boolean => {
    const found = collect(cy, ids);
    if (found.empty()) return false;
    cy.batch(() => {
      cy.$(':selected').unselect();
      found.select();
    });
    const nodes = found.nodes();
    if (nodes.nonempty() && (centre || !nodes.toArray().every((n) => isInView(cy, n.renderedPosition())))) {
      cy.stop(true, false);
      // A search hit on a zoomed-out large view would be a dot among thousands: come close enough to read it.
      const view = { center: { eles: nodes }, ...(centre && cy.zoom() < READABLE_ZOOM ? { zoom: READABLE_ZOOM } : {}) };
      // Each frame of a large view can take a second in software WebGL: jump there instead of animating.
      if (cy.nodes().length > ANIMATED_MOVES_UP_TO) cy.viewport(moveTo(cy, view));
      else cy.animate({ ...view, duration: 200 });
    }
    return true;
  };

  /** Frames the first nodes; zooms out when new ones land out of sight. */
  const frame = (added: readonly string[]): void => {
    const visible = cy.elements(':visible');
    if (!everFitted || cy.nodes().length === added.length) {
      everFitted = true;
      cy.fit(visible, 60);
      if (cy.zoom() > 1.5) cy.zoom({ level: 1.5, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
      return;
    }
    // New nodes out of sight: zoom out just enough to show everything (never zoom in).
    const outside = added.some((id) => {
      const node = cy.getElementById(id);
      return node.nonempty() && node.visible() && !isInView(cy, node.renderedPosition());
    });
    if (outside && cy.nodes().length < 2000) cy.fit(visible, 40);
    if (cy.zoom() > 1.5) cy.zoom({ level: 1.5, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
  };

  return {
    renderer: options.renderer,
    fit(ids) {
      const eles = ids && ids.length > 0 ? collect(cy, ids) : cy.elements(':visible');
      cy.fit(eles, 40);
    },
    zoomBy(factor) {
      cy.zoom({ level: cy.zoom() * factor, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
    },
    zoomToSelection() {
      const selected = cy.$(':selected');
      cy.fit(selected.nonempty() ? selected : cy.elements(':visible'), 60);
      // One node alone would fill the screen: stop at a zoom where its neighbours' captions still read.
      if (cy.zoom() > 2) cy.zoom({ level: 2, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
    },
    zoom: () => cy.zoom(),
    size: () => ({ width: cy.width(), height: cy.height() }),
    layout: (name) => runLayout(cy, name, name === 'fcose'),
    // Large views export at screen scale: a 2x picture of thousands of nodes takes long to draw.
    png() {
      // The picture is drawn synchronously inside; only its encoding is asynchronous.
      return withoutWorkingState(cy, () =>
        cy.png({
          output: 'blob-promise',
          full: true,
          bg: '#ffffff',
          scale: options.renderer === 'webgl' ? 1 : 2,
          maxWidth: 8000,
          maxHeight: 8000,
        }),
      );
    },
    scene: () => withoutWorkingState(cy, () => readScene(cy)),
    drawnSize(id) {
      const node = cy.nodes().getElementById(id);
      if (node.nonempty()) return node.width();
      const edge = cy.edges().getElementById(id);
      return edge.nonempty() ? Number.parseFloat(String(edge.style('width'))) : undefined;
    },
    positions() {
      const positions = new Map(options.memory);
      cy.nodes().forEach((n) => void positions.set(n.id(), { ...n.position() }));
      return positions;
    },
    select(ids, selectOptions) {
      const centre = selectOptions?.centre ?? false;
      const allDrawn = ids.every((id) => cy.getElementById(id).nonempty());
      if (!applySelection(ids, centre) || !allDrawn) pendingSelection = { ids, centre };
    },
    selectedIds: () => cy.$(':selected').map((e) => e.id()),
    selectAll: () => void cy.nodes(':visible').select(),
    afterSync(added) {
      if (added.length > 0) frame(added);
      // After framing: a centred selection must be centred at the zoom the view ends with.
      const pending = pendingSelection;
      if (pending && applySelection(pending.ids, pending.centre)) pendingSelection = undefined;
    },
    visibleCounts: () => ({ nodes: cy.nodes(':visible').length, relationships: cy.edges(':visible').length }),
    visibleNodeIds: () => cy.nodes(':visible').map((n) => n.id()),
    heldElements: () => ({
      nodeIds: cy.nodes().map((n) => n.id()),
      relationships: cy.edges().map((e) => ({
        id: e.id(),
        type: String(e.data('type')),
        source: e.source().id(),
        target: e.target().id(),
      })),
    }),
    highlightedIds: () => cy.elements('.on-path').map((e) => e.id()),
    dimmedIds: () => cy.elements('.dimmed').map((e) => e.id()),
    labelBoxes: () =>
      cy.nodes(':visible').map((n) => {
        const box = n.boundingBox({
          includeNodes: true,
          includeLabels: true,
          includeEdges: false,
          includeOverlays: false,
        });
        return { id: n.id(), x1: box.x1, y1: box.y1, x2: box.x2, y2: box.y2 };
      }),
    labelOf(id) {
      const node = cy.getElementById(id);
      return node.nonempty() && node.isNode() ? String(node.data('label')) : undefined;
    },
    renderedPosition(id) {
      const node = cy.getElementById(id);
      return node.nonempty() && node.isNode() ? { ...node.renderedPosition() } : undefined;
    },
    captionShown(id) {
      const node = cy.nodes().getElementById(id);
      if (node.empty()) return undefined;
      if (String(node.style('label')) === '') return false;
      // The WebGL renderer draws every caption it is given, however small: min-zoomed-font-size is the
      // canvas renderer's rule only (cytoscape 3.34 draws label textures with force=true).
      if (options.renderer === 'webgl') return true;
      const drawnFontSize = Number.parseFloat(String(node.style('font-size'))) * cy.zoom();
      return drawnFontSize >= Number.parseFloat(String(node.style('min-zoomed-font-size')));
    },
    pan: () => ({ ...cy.pan() }),
    extent: () => {
      const { x1, y1, x2, y2 } = cy.extent();
      return { x1, y1, x2, y2 };
    },
    overview: () => readOverview(cy),
    watchOverview: (listener) => watchOverview(cy, listener),
    centreOn: (point) => centreOn(cy, point),
  };
}

/** The zoom at which a centred search hit and its caption read comfortably (1 is the drawn size). */
const READABLE_ZOOM = 1;
/** Above this many nodes the view jumps rather than animates. */
const ANIMATED_MOVES_UP_TO = 500;

/** The zoom and pan that put the middle of `view.center.eles` in the middle of the canvas. */
function moveTo(cy: Core, view: { center: { eles: NodeCollection }; zoom?: number }) {
  const zoom = view.zoom ?? cy.zoom();
  const box = view.center.eles.boundingBox();
  const middle = { x: (box.x1 + box.x2) / 2, y: (box.y1 + box.y2) / 2 };
  return { zoom, pan: { x: cy.width() / 2 - middle.x * zoom, y: cy.height() / 2 - middle.y * zoom } };
}

/** Whether a node centre is comfortably inside the viewport (its caption included). */
function isInView(cy: Core, p: { x: number; y: number }): boolean {
  const margin = 60;
  return p.x > margin && p.y > margin && p.x < cy.width() - margin && p.y < cy.height() - margin;
}

function collect(cy: Core, ids: readonly string[]): CollectionReturnValue {
  return ids.reduce((found, id) => found.union(cy.getElementById(id)), cy.collection());
}
