import { useCallback, useMemo, useState, type Dispatch } from 'react';
import { api } from '../api/client.ts';
import { PATHS } from '../api/operations.ts';
import type { Path } from '../api/types.ts';
import { planAdd } from '../model-view/graph-changes.ts';
import type { WorkspaceAction } from '../model-view/workspace-state.ts';

export interface PathEnds {
  readonly from?: string;
  readonly to?: string;
}

export type PathSearch =
  | { readonly phase: 'idle' }
  | { readonly phase: 'searching' }
  | { readonly phase: 'found'; readonly paths: readonly Path[]; readonly shown: number | 'all' }
  | { readonly phase: 'failed'; readonly message: string };

const idsOf = (path: Path): string[] => [...path.nodes.map((n) => n.id), ...path.relationships.map((r) => r.id)];

/** Path finding between two nodes: results go on the canvas (undoably) and are highlighted. */
export function usePaths(input: {
  dispatch: Dispatch<WorkspaceAction>;
  report: (error: unknown, action: string) => void;
}) {
  const { dispatch, report } = input;
  const [ends, setEnds] = useState<PathEnds>({});
  const [search, setSearch] = useState<PathSearch>({ phase: 'idle' });

  const find = useCallback(
    async (from: string, to: string) => {
      setSearch({ phase: 'searching' });
      try {
        const { paths } = await api.request(PATHS, { from, to, maxLength: 6, limit: 5 });
        setSearch({ phase: 'found', paths, shown: 'all' });
        if (paths.length > 0) {
          const incoming = {
            nodes: paths.flatMap((p) => p.nodes),
            relationships: paths.flatMap((p) => p.relationships),
          };
          dispatch({
            type: 'plan',
            plan: (doc) => planAdd(doc, incoming, { description: 'Show paths', origin: from }),
          });
        }
      } catch (error) {
        setSearch({ phase: 'failed', message: 'Path search failed.' });
        report(error, 'find paths');
      }
    },
    [dispatch, report],
  );

  const highlighted = useMemo((): ReadonlySet<string> => {
    if (search.phase !== 'found') return new Set();
    const shown = search.shown === 'all' ? search.paths : search.paths.slice(search.shown, search.shown + 1);
    return new Set(shown.flatMap(idsOf));
  }, [search]);

  const showOnly = useCallback(
    (index: number | 'all') => setSearch((s) => (s.phase === 'found' ? { ...s, shown: index } : s)),
    [],
  );
  const clear = useCallback(() => setSearch({ phase: 'idle' }), []);

  return { ends, setEnds, search, find, highlighted, showOnly, clear };
}
