import { useEffect, type RefObject } from 'react';
import type { CanvasHandle } from '../canvas/canvas-handle.ts';
import { EMPTY_DOC } from '../model-view/graph-doc.ts';
import { NO_FILTERS } from '../model-view/filters.ts';
import { parseWorkspace, serialiseWorkspace, type Position } from '../model-view/workspace-file.ts';
import { INITIAL_WORKSPACE, type WorkspaceState } from '../model-view/workspace-state.ts';
import { loadWorkspaceText, saveWorkspaceText } from '../session/session-storage.ts';

/** The user's last workspace from this browser; positions go to the canvas through `memory`. */
export function restoreWorkspace(username: string, memory: Map<string, Position>): WorkspaceState {
  const text = loadWorkspaceText(username);
  if (!text) return INITIAL_WORKSPACE;
  const parsed = parseWorkspace(text);
  if (!parsed.ok) return { ...INITIAL_WORKSPACE, doc: EMPTY_DOC, filters: NO_FILTERS };
  for (const [id, position] of parsed.workspace.positions) memory.set(id, position);
  return { ...INITIAL_WORKSPACE, doc: parsed.workspace.doc, filters: parsed.workspace.filters };
}

const SAVE_DELAY_MS = 400;

/** Saves the workspace shortly after every change (and after nodes are dragged: `moves`). */
export function usePersistence(input: {
  username: string;
  state: WorkspaceState;
  moves: number;
  canvas: RefObject<CanvasHandle | null>;
  memory: Map<string, Position>;
}): void {
  const { username, state, moves, canvas, memory } = input;
  useEffect(() => {
    const save = () => {
      const positions = canvas.current?.positions() ?? memory;
      saveWorkspaceText(username, serialiseWorkspace({ doc: state.doc, filters: state.filters, positions }));
    };
    const timer = setTimeout(save, SAVE_DELAY_MS);
    // A reload or a closed tab within the delay must not lose the last change.
    window.addEventListener('pagehide', save);
    return () => {
      clearTimeout(timer);
      window.removeEventListener('pagehide', save);
    };
  }, [username, state.doc, state.filters, moves, canvas, memory]);
}
