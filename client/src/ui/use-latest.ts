import { useLayoutEffect, useRef, type RefObject } from 'react';

/**
 * The latest value, for effects that call back (`onError`) without re-running when the callback
 * changes: an unmemoised callback in their dependencies re-fetched on every render, and a refusal
 * that re-rendered the page fetched again without end (~107 requests/s once suspended).
 */
export function useLatest<T>(value: T): RefObject<T> {
  const ref = useRef(value);
  useLayoutEffect(() => {
    ref.current = value;
  });
  return ref;
}
