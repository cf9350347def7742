import { useEffect, useRef, useState, type Dispatch, type RefObject } from 'react';
import { readAgain } from '../api/read-again.ts';
import type { CanvasHandle } from '../canvas/canvas-handle.ts';
import { rereadDoc } from '../model-view/reread.ts';
import { parseWorkspace, serialiseWorkspace, type Position } from '../model-view/workspace-file.ts';
import type { WorkspaceAction, WorkspaceState } from '../model-view/workspace-state.ts';
import { recallWorkspace, rememberWorkspace } from '../session/workspace-memory.ts';

const SAVE_DELAY_MS = 400;
/**
 * The user's last workspace in this tab, read again from the server before
 * anything is drawn: the canvas starts empty and shows only what the server
 * returns now (a clearance revoked since means the identity is gone). Returns
 * whether that re-read is still under way.
 */
export function useRestoredWorkspace(input: {
  username: string;
  dispatch: Dispatch<WorkspaceAction>;
  memory: Map<string, Position>;
  report: (error: unknown, action: string) => void;
}): boolean {
  const { username, dispatch, memory, report } = input;
  const [remembered] = useState(() => {
    const text = recallWorkspace(username);
    const parsed = text ? parseWorkspace(text) : undefined;
    return parsed?.ok && parsed.workspace.doc.nodes.size > 0 ? parsed.workspace : undefined;
  });
  const [rereading, setRereading] = useState(remembered !== undefined);
  const reportRef = useRef(report);
  reportRef.current = report;
  useEffect(() => {
    if (!remembered) return;
    let cancelled = false;
    void readAgain([...remembered.doc.nodes.keys()])
      .then((fresh) => {
        if (cancelled) return;
        for (const [id, position] of remembered.positions) memory.set(id, position);
        dispatch({ type: 'restore', doc: rereadDoc(remembered.doc, fresh), filters: remembered.filters });
        setRereading(false);
      })
      .catch((error: unknown) => {
        if (!cancelled) reportRef.current(error, 'read the workspace again');
      });
    return () => {
      cancelled = true;
    };
  }, [remembered, dispatch, memory]);
  return rereading;
}

/**
 * Keeps the workspace in this tab's memory shortly after every change (and
 * after nodes are dragged: `moves`); never in browser storage. `paused` while
 * the remembered workspace is being read again, so the empty canvas of that
 * moment does not replace it.
 */
export function usePersistence(input: {
  username: string;
  state: WorkspaceState;
  moves: number;
  canvas: RefObject<CanvasHandle | null>;
  memory: Map<string, Position>;
  paused: boolean;
}): void {
  const { username, state, moves, canvas, memory, paused } = input;
  useEffect(() => {
    if (paused) return;
    const save = () => {
      const positions = canvas.current?.positions() ?? memory;
      rememberWorkspace(username, serialiseWorkspace({ doc: state.doc, filters: state.filters, positions }));
    };
    const timer = setTimeout(save, SAVE_DELAY_MS);
    // On unmount (an ended session) the last change must not be lost.
    return () => {
      clearTimeout(timer);
      save();
    };
  }, [username, state.doc, state.filters, moves, canvas, memory, paused]);
}
