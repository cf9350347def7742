/** Undo/redo stacks of changes; the caller applies what `undo`/`redo` hand back. */
export interface History<T> {
  readonly past: readonly T[];
  readonly future: readonly T[];
}

export const EMPTY_HISTORY: History<never> = { past: [], future: [] };

/** Enough to undo a long session without keeping every expansion of a day's work. */
const HISTORY_LIMIT = 200;

export function record<T>(history: History<T>, change: T): History<T> {
  return { past: [...history.past, change].slice(-HISTORY_LIMIT), future: [] };
}

export function undo<T>(history: History<T>): { history: History<T>; change: T } | undefined {
  const change = history.past[history.past.length - 1];
  if (change === undefined) return undefined;
  return { history: { past: history.past.slice(0, -1), future: [change, ...history.future] }, change };
}

export function redo<T>(history: History<T>): { history: History<T>; change: T } | undefined {
  const change = history.future[0];
  if (change === undefined) return undefined;
  return { history: { past: [...history.past, change], future: history.future.slice(1) }, change };
}
