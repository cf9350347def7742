import type { CanvasHandle } from './canvas-handle.ts';

/** Read-only view of the canvas state for browser tests, which assert state rather than pixels. */
interface MaillonTestHook {
  readonly renderer: 'canvas' | 'webgl';
  nodeCount(): number;
  relationshipCount(): number;
  visibleNodeIds(): string[];
  heldElements(): ReturnType<CanvasHandle['heldElements']>;
  selectedIds(): string[];
  highlightedIds(): string[];
  dimmedIds(): string[];
  labelBoxes(): { id: string; x1: number; y1: number; x2: number; y2: number }[];
  zoom(): number;
  /** The canvas size in pixels, to tell where its centre is. */
  size(): { width: number; height: number };
  labelOf(id: string): string | undefined;
  renderedPosition(id: string): { x: number; y: number } | undefined;
  /** A node's drawn width or an edge's thickness (style rules). */
  drawnSize(id: string): number | undefined;
  /** Whether a node's caption is drawn at the current zoom (level of detail). */
  captionShown(id: string): boolean | undefined;
  pan(): { x: number; y: number };
}

declare global {
  interface ImportMetaEnv {
    /** 'on' when the bundle is built for the browser tests (`npm run test:e2e`). */
    readonly VITE_E2E_HOOK?: string;
  }
  interface Window {
    __maillon?: MaillonTestHook;
  }
}

export function installTestHook(handle: CanvasHandle): () => void {
  const hook: MaillonTestHook = Object.freeze({
    renderer: handle.renderer,
    nodeCount: () => handle.visibleCounts().nodes,
    relationshipCount: () => handle.visibleCounts().relationships,
    visibleNodeIds: () => handle.visibleNodeIds(),
    heldElements: () => handle.heldElements(),
    selectedIds: () => handle.selectedIds(),
    highlightedIds: () => handle.highlightedIds(),
    dimmedIds: () => handle.dimmedIds(),
    labelBoxes: () => handle.labelBoxes(),
    zoom: () => handle.zoom(),
    size: () => handle.size(),
    labelOf: (id: string) => handle.labelOf(id),
    renderedPosition: (id: string) => handle.renderedPosition(id),
    drawnSize: (id: string) => handle.drawnSize(id),
    captionShown: (id: string) => handle.captionShown(id),
    pan: () => handle.pan(),
  });
  window.__maillon = hook;
  return () => {
    if (window.__maillon === hook) delete window.__maillon;
  };
}
