import { useEffect, useState } from 'react';
import { api } from '../api/client.ts';
import { entitiesById, NEIGHBOURHOOD } from '../api/operations.ts';
import type { Entity, Subgraph } from '../api/types.ts';
import { useLatest } from './use-latest.ts';

export type DetailsState =
  | { readonly phase: 'loading' }
  | { readonly phase: 'ready'; readonly neighbourhood: Subgraph; readonly sources: readonly Entity[] }
  | { readonly phase: 'failed'; readonly error: unknown };

/** Fetches the Document entities named by `ids` (one aliased query); unknown ids are skipped. */
export async function fetchDocuments(ids: readonly string[], signal?: AbortSignal): Promise<Entity[]> {
  if (ids.length === 0) return [];
  const { operation, variables, aliasOf } = entitiesById(ids);
  const data = await api.request(operation, variables, signal);
  return ids.map((_, i) => data[aliasOf(i)]).filter((e): e is Entity => e !== null && e !== undefined);
}

/** Everything the details panel shows about one entity: its relationships and its sources. */
export function useEntityDetails(entity: Entity | undefined, onError: (error: unknown) => void): DetailsState {
  const [state, setState] = useState<DetailsState>({ phase: 'loading' });
  const id = entity?.id;
  const sourceKey = entity?.sources.join('\u0000') ?? '';
  const report = useLatest(onError);

  useEffect(() => {
    if (!id) return;
    const controller = new AbortController();
    setState({ phase: 'loading' });
    Promise.all([
      api.request(NEIGHBOURHOOD, { ids: [id], depth: 1, limit: 200 }, controller.signal),
      fetchDocuments(sourceKey ? sourceKey.split('\u0000') : [], controller.signal),
    ])
      .then(([{ neighbourhood }, sources]) => setState({ phase: 'ready', neighbourhood, sources }))
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        setState({ phase: 'failed', error });
        report.current(error);
      });
    return () => controller.abort();
  }, [id, sourceKey, report]);

  return state;
}
