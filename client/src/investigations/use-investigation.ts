/**
 * The open investigation: opening one puts its view on the canvas and makes its case
 * number the purpose of every read; while it is open, the view is saved to the server
 * shortly after every change. Nothing of it is kept in the browser's storage.
 */
import { useCallback, useEffect, useRef, useState, type Dispatch, type RefObject } from 'react';
import { api } from '../api/client.ts';
import type { CanvasHandle } from '../canvas/canvas-handle.ts';
import { planReplace } from '../model-view/graph-changes.ts';
import { parseWorkspace, serialiseWorkspace, type Position } from '../model-view/workspace-file.ts';
import type { WorkspaceAction, WorkspaceState } from '../model-view/workspace-state.ts';
import type { User } from '../api/types.ts';
import { collectBriefing } from './briefing/collect-briefing.ts';
import { ADD_NOTE, INVESTIGATION, SAVE_VIEW, type OpenInvestigation } from './operations.ts';
import { messages } from '../i18n/current.ts';

/** The one view the explorer keeps per investigation. */
const MAIN_VIEW = 'main';
const SAVE_DELAY_MS = 800;

export type SaveState = 'saved' | 'saving' | 'failed';

export function useInvestigation(input: {
  state: WorkspaceState;
  dispatch: Dispatch<WorkspaceAction>;
  canvas: RefObject<CanvasHandle | null>;
  memory: Map<string, Position>;
  moves: number;
  onPurposeChange: (purpose: string) => void;
  report: (error: unknown, what: string) => void;
  /** Who reads, and why: a briefing names them and leaves out what they are not cleared for. */
  reader: { readonly user: User; readonly purpose: string };
}) {
  const { state, dispatch, canvas, memory, moves, onPurposeChange, report, reader } = input;
  const [open, setOpen] = useState<OpenInvestigation | undefined>();
  const [saveState, setSaveState] = useState<SaveState>('saved');
  const latest = useRef({ report, onPurposeChange });
  latest.current = { report, onPurposeChange };

  const load = useCallback(async (id: string) => {
    const { investigation } = await api.request(INVESTIGATION, { id });
    return investigation;
  }, []);

  const openInvestigation = useCallback(
    async (id: string) => {
      try {
        const investigation = await load(id);
        const saved = investigation.views.find((v) => v.name === MAIN_VIEW);
        const parsed = saved ? parseWorkspace(JSON.stringify(saved.view)) : undefined;
        if (parsed?.ok) {
          for (const [nodeId, position] of parsed.workspace.positions) memory.set(nodeId, position);
          dispatch({
            type: 'plan',
            plan: (doc) => planReplace(doc, parsed.workspace.doc, messages().changes.open(investigation.name ?? '')),
          });
          dispatch({ type: 'filters', filters: parsed.workspace.filters });
        }
        setOpen(investigation);
        if (investigation.caseNumber) latest.current.onPurposeChange(investigation.caseNumber);
      } catch (error) {
        latest.current.report(error, 'open the investigation');
      }
    },
    [dispatch, load, memory],
  );

  const refresh = useCallback(async () => {
    if (open) setOpen(await load(open.id));
  }, [open, load]);

  const addNote = useCallback(
    async (targetId: string, text: string) => {
      if (!open) return;
      try {
        await api.request(ADD_NOTE, { investigationId: open.id, targetId, text });
        await refresh();
      } catch (error) {
        latest.current.report(error, 'add the note');
      }
    },
    [open, refresh],
  );

  const canEdit = open !== undefined && open.access !== 'READER' && open.access !== null;
  const openId = open?.id;
  useEffect(() => {
    if (!canEdit || openId === undefined) return;
    // A change waiting for its save is not saved yet: "Saved" must not show before the save is made.
    setSaveState('saving');
    const timer = setTimeout(() => {
      const positions = canvas.current?.positions() ?? memory;
      const view: unknown = JSON.parse(serialiseWorkspace({ doc: state.doc, filters: state.filters, positions }));
      setSaveState('saving');
      api.request(SAVE_VIEW, { investigationId: openId, name: MAIN_VIEW, view }).then(
        () => setSaveState('saved'),
        (error: unknown) => {
          setSaveState('failed');
          latest.current.report(error, 'save the view');
        },
      );
    }, SAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [canEdit, openId, state.doc, state.filters, moves, canvas, memory]);

  const { user, purpose } = reader;
  /** The open view as a briefing, with the notes as the server has them now. */
  const briefing = useCallback(async () => {
    if (!open) throw new Error(messages().investigations.noneOpen);
    const investigation = await load(open.id);
    setOpen(investigation);
    return collectBriefing({
      doc: state.doc,
      filters: state.filters,
      investigation,
      reader: { username: user.username, informantClearance: user.informantClearance, purpose },
      canvas: canvas.current,
    });
  }, [open, load, state.doc, state.filters, user, purpose, canvas]);

  return { open, saveState, openInvestigation, refresh, addNote, briefing, close: () => setOpen(undefined) };
}

export type InvestigationHandle = ReturnType<typeof useInvestigation>;
