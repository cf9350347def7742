import { useEffect, useState } from 'react';
import { api } from '../api/client.ts';
import { entitiesById, NEIGHBOURHOOD, type NeighbourhoodVariables } from '../api/operations.ts';
import type { Entity, Subgraph } from '../api/types.ts';
import { useLatest } from './use-latest.ts';
import { judgeExpansion } from './volume-guard.ts';

/**
 * The entity's relationships: read, or not read because the read would have crossed the
 * read-volume alert (the analyst said no: `asked`, with the question, so they can still
 * choose to read) or the suspension (`refused`, with the reason).
 */
type RelationshipsRead =
  | { readonly kind: 'read'; readonly neighbourhood: Subgraph }
  | { readonly kind: 'declined'; readonly text: string }
  | { readonly kind: 'refused'; readonly text: string };

export type DetailsState =
  | { readonly phase: 'loading' }
  | { readonly phase: 'ready'; readonly relationships: RelationshipsRead; readonly sources: readonly Entity[] }
  | { readonly phase: 'failed'; readonly error: unknown };

/** Fetches the Document entities named by `ids` (one aliased query); unknown ids are skipped. */
export async function fetchDocuments(ids: readonly string[], signal?: AbortSignal): Promise<Entity[]> {
  if (ids.length === 0) return [];
  const { operation, variables, aliasOf } = entitiesById(ids);
  const data = await api.request(operation, variables, signal);
  return ids.map((_, i) => data[aliasOf(i)]).filter((e): e is Entity => e !== null && e !== undefined);
}

/**
 * Reads the neighbours the panel lists. They are persons read like an expansion's (up to 50
 * per node), so the same volume guard applies first: a question past the alert, nothing sent
 * past the suspension. `ask: false` is for the analyst's own "read them" after saying no.
 */
async function readRelationships(input: { id: string; ask: boolean; signal: AbortSignal }): Promise<RelationshipsRead> {
  const request: NeighbourhoodVariables = { ids: [input.id], depth: 1, limit: 200 };
  if (input.ask) {
    const verdict = await judgeExpansion([request]);
    if (verdict.kind === 'refuse') return { kind: 'refused', text: verdict.text };
    // A selection that moved on while the server counted asks nothing about the old one.
    if (input.signal.aborted) throw new DOMException('selection changed', 'AbortError');
    if (verdict.kind === 'warn' && !window.confirm(verdict.text)) return { kind: 'declined', text: verdict.text };
  }
  const { neighbourhood } = await api.request(NEIGHBOURHOOD, request, input.signal);
  return { kind: 'read', neighbourhood };
}

/**
 * Everything the details panel shows about one entity: its relationships and its sources.
 * `readAnyway` reads the relationships the analyst first declined.
 */
export function useEntityDetails(
  entity: Entity | undefined,
  onError: (error: unknown) => void,
): { details: DetailsState; readAnyway: () => void } {
  const [state, setState] = useState<DetailsState>({ phase: 'loading' });
  const [consented, setConsented] = useState(false);
  const id = entity?.id;
  const sourceKey = entity?.sources.join('\u0000') ?? '';
  const report = useLatest(onError);

  useEffect(() => {
    if (!id) return;
    const controller = new AbortController();
    setState({ phase: 'loading' });
    Promise.all([
      readRelationships({ id, ask: !consented, signal: controller.signal }),
      fetchDocuments(sourceKey ? sourceKey.split('\u0000') : [], controller.signal),
    ])
      .then(([relationships, sources]) => setState({ phase: 'ready', relationships, sources }))
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        setState({ phase: 'failed', error });
        report.current(error);
      });
    return () => controller.abort();
  }, [id, sourceKey, consented, report]);

  return { details: state, readAnyway: () => setConsented(true) };
}
