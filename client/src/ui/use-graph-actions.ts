import { useCallback, useMemo, useRef, type Dispatch, type RefObject } from 'react';
import type { CanvasHandle } from '../canvas/canvas-handle.ts';
import { api } from '../api/client.ts';
import { ApiError, plainMessage } from '../api/errors.ts';
import { composeChart } from './chart-picture.ts';
import { NEIGHBOURHOOD } from '../api/operations.ts';
import { readAgain } from '../api/read-again.ts';
import type { Entity, Subgraph } from '../api/types.ts';
import { expandRequests, mergeSubgraphs, shortList } from '../model-view/expand-requests.ts';
import { planAdd, planReplace } from '../model-view/graph-changes.ts';
import type { GraphDoc } from '../model-view/graph-doc.ts';
import { openedNotice, rereadDifference, rereadDoc } from '../model-view/reread.ts';
import type { Position } from '../model-view/workspace-file.ts';
import { parseWorkspace, serialiseWorkspace } from '../model-view/workspace-file.ts';
import type { WorkspaceAction, WorkspaceState } from '../model-view/workspace-state.ts';
import { download, timestamp } from './download.ts';
import { judgeExpansion, mayRead } from './volume-guard.ts';
import { messages } from '../i18n/current.ts';
import { NEIGHBOURHOOD_LIMITS } from '../shared-model.ts';

export interface ExpandOptions {
  /** Relationship types to follow; empty means all. */
  readonly relTypes: readonly string[];
  /** At most this many neighbours per expansion. */
  readonly cap: number;
}

export type Notice = { readonly kind: 'error' | 'info'; readonly text: string };

interface Input {
  state: WorkspaceState;
  dispatch: Dispatch<WorkspaceAction>;
  canvas: RefObject<CanvasHandle | null>;
  memory: Map<string, Position>;
  expandOptions: ExpandOptions;
  setNotice: (notice: Notice | undefined) => void;
  onExpired: () => void;
  onPurposeRequired: () => void;
}

/** The explorer's graph operations that talk to the server or the file system. */
export function useGraphActions(input: Input) {
  const latest = useRef(input);
  latest.current = input;

  const report = useCallback((error: unknown, action: string) => {
    const { setNotice, onExpired, onPurposeRequired } = latest.current;
    if (error instanceof ApiError && error.code === 'UNAUTHENTICATED') return onExpired();
    if (error instanceof ApiError && error.code === 'PURPOSE_REQUIRED') onPurposeRequired();
    setNotice({ kind: 'error', text: plainMessage(error, action) });
  }, []);

  const expand = useCallback(
    async (ids: readonly string[]) => {
      if (ids.length === 0) return;
      const { state, dispatch, expandOptions, setNotice } = latest.current;
      const names = ids.map((id) => state.doc.nodes.get(id)?.name ?? id);
      try {
        const requests = expandRequests(ids, expandOptions);
        // Before the read, not after: the analyst learns of an alert or a suspension while it can be avoided.
        const showRefusal = (text: string) => setNotice({ kind: 'error', text });
        if (!mayRead(await judgeExpansion(requests), showRefusal)) return;
        // One batch after another: a refusal (a volume rule, say) stops the rest from being sent.
        const parts: Subgraph[] = [];
        for (const variables of requests) {
          parts.push((await api.request(NEIGHBOURHOOD, variables)).neighbourhood);
        }
        const neighbourhood = mergeSubgraphs(parts);
        const words = messages().changes;
        const description = ids.length === 1 ? words.expandOne(names[0] ?? '') : words.expandMany(ids.length);
        dispatch({
          type: 'plan',
          plan: (doc) => planAdd(doc, neighbourhood, { description, origin: ids[0], expanded: ids }),
        });
        const left = neighbourhood.omitted.reduce((sum, o) => sum + o.count, 0);
        if (neighbourhood.truncated || left > 0) {
          setNotice({
            kind: 'info',
            text:
              expandOptions.cap >= NEIGHBOURHOOD_LIMITS.maxPerNodeLimit
                ? words.leftOutAtMaxCap(left, expandOptions.cap)
                : words.leftOut(left),
          });
        }
      } catch (error) {
        report(error, messages().actions.expand(shortList(names)));
      }
    },
    [report],
  );

  /** Puts an entity on the canvas with its relationships to what is already there, and selects it. */
  const addEntity = useCallback(
    async (entity: Entity) => {
      const { dispatch, canvas, state } = latest.current;
      let links: Parameters<typeof planAdd>[1] = { nodes: [entity], relationships: [] };
      if (state.doc.nodes.size > 0 && !state.doc.nodes.has(entity.id)) {
        try {
          const { neighbourhood } = await api.request(NEIGHBOURHOOD, { ids: [entity.id], depth: 1, limit: 500 });
          links = { nodes: [entity], relationships: neighbourhood.relationships };
        } catch (error) {
          report(error, messages().actions.link(entity.name));
        }
      }
      dispatch({
        type: 'plan',
        plan: (doc) => planAdd(doc, links, { description: messages().changes.add(entity.name) }),
      });
      // A search hit is what the analyst is looking for: in the middle of the view, not just in it.
      canvas.current?.select([entity.id], { centre: true });
    },
    [report],
  );

  const exportPng = useCallback(
    async (chart: { title: string; purpose: string; notes?: readonly string[] }) => {
      const handle = latest.current.canvas.current;
      if (!handle) return;
      const labels = [...new Set([...latest.current.state.doc.nodes.values()].map((n) => n.label))];
      try {
        const picture = await composeChart(await handle.png(), { ...chart, date: new Date().toISOString(), labels });
        download(picture, `maillon-view-${timestamp()}.png`);
      } catch (error) {
        report(error, messages().actions.exportPicture);
      }
    },
    [report],
  );

  const exportJson = useCallback(() => {
    const { state, canvas, memory } = latest.current;
    const text = serialiseWorkspace({
      doc: state.doc,
      filters: state.filters,
      positions: canvas.current?.positions() ?? memory,
    });
    download(new Blob([text], { type: 'application/json' }), `maillon-workspace-${timestamp()}.json`);
  }, []);

  const importJson = useCallback(async (file: File) => {
    const { dispatch, setNotice, memory } = latest.current;
    const parsed = parseWorkspace(await file.text());
    if (!parsed.ok) {
      setNotice({ kind: 'error', text: messages().changes.cannotOpen(file.name, parsed.errors.join(' ')) });
      return;
    }
    // A file is a list of ids to read, never data to draw: what is drawn is what the server returns
    // now for this user, so a hand-edited or forged view cannot pass for the database's content.
    let drawn: GraphDoc;
    try {
      drawn = rereadDoc(parsed.workspace.doc, await readAgain([...parsed.workspace.doc.nodes.keys()]));
    } catch (error) {
      report(error, messages().actions.open(file.name));
      return;
    }
    for (const [id, position] of parsed.workspace.positions) memory.set(id, position);
    dispatch({ type: 'plan', plan: (doc) => planReplace(doc, drawn, messages().changes.open(file.name)) });
    dispatch({ type: 'filters', filters: parsed.workspace.filters });
    setNotice(openedNotice(file.name, drawn, rereadDifference(parsed.workspace.doc, drawn)));
  }, []);

  // One object per set of callbacks, so what depends on `actions` (the explorer's onError) stays put.
  return useMemo(
    () => ({ report, expand, addEntity, exportPng, exportJson, importJson }),
    [report, expand, addEntity, exportPng, exportJson, importJson],
  );
}
