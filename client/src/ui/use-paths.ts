import { useCallback, useMemo, useReducer, type Dispatch } from 'react';
import { api } from '../api/client.ts';
import { plainMessage } from '../api/errors.ts';
import { CONNECTIONS, PATHS } from '../api/operations.ts';
import type { Path } from '../api/types.ts';
import { planAdd } from '../model-view/graph-changes.ts';
import {
  INITIAL_PATH_STATE,
  pathReducer,
  type PathEnds,
  type PathOptions,
  type PathQuestion,
} from '../model-view/path-search.ts';
import type { WorkspaceAction } from '../model-view/workspace-state.ts';
import { messages } from '../i18n/current.ts';

export type { PathEnds } from '../model-view/path-search.ts';

const idsOf = (path: Path): string[] => [...path.nodes.map((n) => n.id), ...path.relationships.map((r) => r.id)];

/** What the server is asked besides the ends: the analyst's settings, unset lists left out. */
function variablesOf(options: PathOptions) {
  return {
    maxLength: options.maxLength,
    ...(options.excludeLabels.length > 0 ? { excludeLabels: [...options.excludeLabels] } : {}),
    ...(options.excludeTypes.length > 0 ? { excludeTypes: [...options.excludeTypes] } : {}),
  };
}

/**
 * Path finding between two nodes, or among a selection: results go on the canvas (undoably)
 * and are highlighted; changing the ends or the settings clears them (model-view/path-search.ts).
 */
export function usePaths(input: {
  dispatch: Dispatch<WorkspaceAction>;
  report: (error: unknown, action: string) => void;
}) {
  const { dispatch, report } = input;
  const [state, send] = useReducer(pathReducer, INITIAL_PATH_STATE);
  const { options } = state;

  const ask = useCallback(
    async (question: PathQuestion) => {
      send({ type: 'searching', question });
      try {
        const paths =
          question.kind === 'pair'
            ? (await api.request(PATHS, { from: question.from, to: question.to, limit: 5, ...variablesOf(options) }))
                .paths
            : (await api.request(CONNECTIONS, { ids: [...question.ids], limit: 1, ...variablesOf(options) }))
                .connections;
        send({ type: 'found', question, paths });
        if (paths.length > 0) {
          const incoming = {
            nodes: paths.flatMap((p) => p.nodes),
            relationships: paths.flatMap((p) => p.relationships),
          };
          const words = messages().changes;
          const description = question.kind === 'pair' ? words.showPaths : words.showConnections;
          const origin = question.kind === 'pair' ? question.from : question.ids[0];
          dispatch({ type: 'plan', plan: (doc) => planAdd(doc, incoming, { description, origin }) });
        }
      } catch (error) {
        send({ type: 'failed', question, message: plainMessage(error, messages().actions.findPaths) });
        report(error, messages().actions.findPaths);
      }
    },
    [dispatch, report, options],
  );

  const find = useCallback((from: string, to: string) => ask({ kind: 'pair', from, to }), [ask]);
  const connect = useCallback((ids: readonly string[]) => ask({ kind: 'connections', ids }), [ask]);

  const { search } = state;
  const highlighted = useMemo((): ReadonlySet<string> => {
    if (search.phase !== 'found') return new Set();
    const shown = search.shown === 'all' ? search.paths : search.paths.slice(search.shown, search.shown + 1);
    return new Set(shown.flatMap(idsOf));
  }, [search]);

  const setEnds = useCallback((ends: PathEnds) => send({ type: 'ends', ends }), []);
  const setEnd = useCallback((end: 'from' | 'to', id: string) => send({ type: 'end', end, id }), []);
  const swap = useCallback(() => send({ type: 'swap' }), []);
  const setOptions = useCallback((next: PathOptions) => send({ type: 'options', options: next }), []);
  const showOnly = useCallback((shown: number | 'all') => send({ type: 'show', shown }), []);
  const clear = useCallback(() => send({ type: 'clear' }), []);

  return {
    ends: state.ends,
    options,
    search,
    find,
    connect,
    highlighted,
    setEnds,
    setEnd,
    swap,
    setOptions,
    showOnly,
    clear,
  };
}
