import { useCallback, useMemo, useState, type Dispatch, type RefObject } from 'react';
import { api } from '../api/client.ts';
import { ApiError } from '../api/errors.ts';
import { RED_FLAGS } from '../api/operations.ts';
import type { RedFlag, RedFlagFreshness } from '../api/types.ts';
import type { CanvasHandle } from '../canvas/canvas-handle.ts';
import { planAdd } from '../model-view/graph-changes.ts';
import { evidenceIds, redFlagsError, ruleTitle } from '../model-view/red-flags.ts';
import type { WorkspaceAction } from '../model-view/workspace-state.ts';
import { judgeRedFlagScan, mayRead } from './volume-guard.ts';
import { messages } from '../i18n/current.ts';

export type RedFlagsLoad =
  | { readonly phase: 'idle' }
  | { readonly phase: 'loading' }
  | { readonly phase: 'loaded'; readonly flags: readonly RedFlag[]; readonly freshness: RedFlagFreshness }
  | { readonly phase: 'failed'; readonly message: string };

const SCAN_LIMIT = 200;

/** The red flags the server finds; showing one puts its evidence on the canvas (undoably) and highlights it. */
export function useRedFlags(input: {
  dispatch: Dispatch<WorkspaceAction>;
  canvas: RefObject<CanvasHandle | null>;
  onExpired: () => void;
}) {
  const { dispatch, canvas, onExpired } = input;
  const [load, setLoad] = useState<RedFlagsLoad>({ phase: 'idle' });
  const [shown, setShown] = useState<RedFlag | undefined>();

  const refresh = useCallback(async () => {
    setLoad({ phase: 'loading' });
    try {
      // The flags' evidence counts as read: on a large network one scan can cross a threshold.
      const verdict = await judgeRedFlagScan(SCAN_LIMIT);
      const held = (text: string) => setLoad({ phase: 'failed', message: text });
      if (!mayRead(verdict, held)) {
        if (verdict.kind === 'warn') held(messages().volume.redFlagsHeld);
        return;
      }
      const { redFlags, redFlagStatus } = await api.request(RED_FLAGS, { rules: null, limit: SCAN_LIMIT });
      setLoad({ phase: 'loaded', flags: redFlags, freshness: redFlagStatus });
    } catch (error) {
      if (error instanceof ApiError && error.code === 'UNAUTHENTICATED') onExpired();
      setLoad({ phase: 'failed', message: redFlagsError(error) });
    }
  }, [onExpired]);

  const show = useCallback(
    (flag: RedFlag) => {
      const description = messages().redFlags.showDescription(ruleTitle(flag.rule));
      dispatch({ type: 'plan', plan: (doc) => planAdd(doc, flag, { description }) });
      setShown(flag);
      canvas.current?.select(evidenceIds(flag));
    },
    [dispatch, canvas],
  );

  const highlighted = useMemo((): ReadonlySet<string> => new Set(shown ? evidenceIds(shown) : []), [shown]);
  const clear = useCallback(() => setShown(undefined), []);

  return { load, refresh, show, shown, highlighted, clear };
}
