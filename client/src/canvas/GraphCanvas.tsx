import cytoscape, { type Core, type CytoscapeOptions } from 'cytoscape';
import { useEffect, useRef, type RefObject } from 'react';
import type { AnalysisStyle } from '../model-view/analysis-style.ts';
import type { Visible } from '../model-view/filters.ts';
import type { GraphDoc } from '../model-view/graph-doc.ts';
import type { Position } from '../model-view/workspace-file.ts';
import { applyAnalysisStyle } from './analysis-style.ts';
import { bindEvents, type CanvasEvents } from './bind-events.ts';
import { applyEdgeWidths } from './edge-widths.ts';
import type { Derived } from './sync-derived.ts';
import { createHandle, type CanvasHandle } from './canvas-handle.ts';
import { registerExtensions } from './register-extensions.ts';
import { buildStylesheet } from './stylesheet.ts';
import { syncGraph } from './sync.ts';
import { bindViewport } from './viewport.ts';
import { largeViewRenderer, type RendererName } from './renderer-choice.ts';
import { installTestHook } from './test-hook.ts';
import { useI18n } from '../i18n/i18n.ts';

/** Beyond this many elements the WebGL renderer draws the graph (labels and edge captions are thinned out). */
const LARGE_VIEW_ELEMENTS = 2000;

export interface GraphCanvasProps {
  readonly doc: GraphDoc;
  readonly visible: Visible;
  readonly origin: string | undefined;
  readonly highlighted: ReadonlySet<string>;
  /** Elements the open investigation has notes on: drawn with a note marker. */
  readonly noted?: ReadonlySet<string>;
  /** Sizes and colours from the analysis panel; undefined draws every node the usual way. */
  readonly analysisStyle?: AnalysisStyle | undefined;
  /** Group nodes and collapsed or re-routed edges (view-projection.ts); `visible` is then the projected one. */
  readonly derived?: Derived;
  /** Edge thickness from a style rule; undefined draws every edge the usual way. */
  readonly edgeWidths?: ReadonlyMap<string, number> | undefined;
  readonly events: CanvasEvents;
  readonly handleRef: RefObject<CanvasHandle | null>;
  /** Positions to use for nodes as they appear (a restored or opened workspace). */
  readonly memory: Map<string, Position>;
}

type RendererOptions = CytoscapeOptions & { renderer?: { name: 'canvas'; webgl: boolean } };

/** WebGL when asked for; the plain canvas renderer when the browser cannot give a WebGL context. */
function createCytoscape(options: RendererOptions): { cy: Core; drawnWith: RendererName } {
  if (!options.renderer?.webgl) return { cy: cytoscape(options), drawnWith: 'canvas' };
  try {
    return { cy: cytoscape(options), drawnWith: 'webgl' };
  } catch {
    const { renderer: _webgl, ...canvasOnly } = options;
    return { cy: cytoscape(canvasOnly), drawnWith: 'canvas' };
  }
}

export function GraphCanvas(props: GraphCanvasProps) {
  const container = useRef<HTMLDivElement>(null);
  const cyRef = useRef<Core | null>(null);
  const events = useRef(props.events);
  events.current = props.events;
  const large = props.doc.nodes.size + props.doc.relationships.size > LARGE_VIEW_ELEMENTS;
  const webgl = large && largeViewRenderer() === 'webgl';
  const { memory, handleRef } = props;
  const { t, locale } = useI18n();

  // (Re)create Cytoscape when the renderer must change; positions survive through `memory`.
  useEffect(() => {
    if (!container.current) return;
    registerExtensions();
    const options: RendererOptions = {
      container: container.current,
      style: buildStylesheet({ large }),
      minZoom: 0.05,
      maxZoom: 4,
      boxSelectionEnabled: true,
      textureOnViewport: large,
      hideEdgesOnViewport: large,
      hideLabelsOnViewport: large,
      // Fewer pixels per frame on high-density screens: the large view favours fluid pan and zoom.
      ...(large ? { pixelRatio: 1 } : {}),
      ...(webgl ? { renderer: { name: 'canvas', webgl: true } } : {}),
    };
    const { cy, drawnWith } = createCytoscape(options);
    cyRef.current = cy;
    const unbind = bindEvents(cy, {
      onSelectionChange: (ids) => events.current.onSelectionChange(ids),
      onExpand: (id) => events.current.onExpand(id),
      onContextMenu: (target, at) => events.current.onContextMenu(target, at),
      onMoved: () => events.current.onMoved(),
    });
    const unbindViewport = bindViewport(cy, { large });
    const handle = createHandle(cy, { memory, renderer: drawnWith });
    handleRef.current = handle;
    // Only a bundle built for the browser tests carries the hook; the production build drops it.
    const uninstall = import.meta.env.VITE_E2E_HOOK === 'on' ? installTestHook(handle) : () => undefined;
    return () => {
      cy.nodes().forEach((n) => void memory.set(n.id(), { ...n.position() }));
      uninstall();
      unbindViewport();
      unbind();
      handleRef.current = null;
      cyRef.current = null;
      cy.destroy();
    };
  }, [large, webgl, memory, handleRef]);

  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    const { doc, visible, origin, derived } = props;
    const { added } = syncGraph(cy, { doc, visible, origin, memory, ...(derived ? { derived } : {}) });
    handleRef.current?.afterSync(added);
    // The locale is a dependency: edge captions name relationship types in the interface's language.
  }, [props.doc, props.visible, props.origin, props.derived, memory, handleRef, large, locale]);

  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    cy.batch(() => {
      cy.elements('.on-path').removeClass('on-path');
      cy.elements('.dimmed').removeClass('dimmed');
      for (const id of props.highlighted) cy.getElementById(id).addClass('on-path');
      // At fifty nodes a red ring alone is lost: everything outside the highlight steps back.
      const onPath = cy.elements('.on-path');
      if (onPath.nonempty()) cy.elements().difference(onPath).addClass('dimmed');
    });
  }, [props.highlighted, props.doc, large]);

  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    cy.batch(() => {
      cy.elements('.has-note').removeClass('has-note');
      for (const id of props.noted ?? []) cy.getElementById(id).addClass('has-note');
    });
  }, [props.noted, props.doc, large]);

  useEffect(() => {
    const cy = cyRef.current;
    if (cy) applyAnalysisStyle(cy, props.analysisStyle);
  }, [props.analysisStyle, props.doc, props.derived, large]);

  useEffect(() => {
    const cy = cyRef.current;
    if (cy) applyEdgeWidths(cy, props.edgeWidths);
  }, [props.edgeWidths, props.doc, props.derived, large]);

  return (
    <div ref={container} className="graph-canvas" data-testid="graph-canvas" aria-label={t.canvas.label} role="img" />
  );
}
