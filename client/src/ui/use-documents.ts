import { useEffect, useState } from 'react';
import type { Entity } from '../api/types.ts';
import { fetchDocuments } from './use-entity-details.ts';
import { useLatest } from './use-latest.ts';

/** The Document entities behind a list of source ids; undefined while loading. */
export function useDocuments(ids: readonly string[], onError: (error: unknown) => void): readonly Entity[] | undefined {
  const [documents, setDocuments] = useState<readonly Entity[] | undefined>(undefined);
  const key = ids.join('\u0000');
  const report = useLatest(onError);
  useEffect(() => {
    const controller = new AbortController();
    setDocuments(undefined);
    fetchDocuments(key ? key.split('\u0000') : [], controller.signal)
      .then(setDocuments)
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        setDocuments([]);
        report.current(error);
      });
    return () => controller.abort();
  }, [key, report]);
  return documents;
}
