// @vitest-environment happy-dom
import { cleanup, renderHook, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useDocuments } from './use-documents.ts';

/** The server's answer once the session is suspended: a refusal, every time. */
const suspended = () =>
  new Response(JSON.stringify({ errors: [{ message: 'suspended', extensions: { code: 'SESSION_SUSPENDED' } }] }), {
    status: 200,
    headers: { 'Content-Type': 'application/json' },
  });

const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

describe('useDocuments', () => {
  const fetchSpy = vi.fn(() => Promise.resolve(suspended()));
  beforeEach(() => {
    fetchSpy.mockClear();
    vi.stubGlobal('fetch', fetchSpy);
  });
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('asks once when a refusal re-renders the page with a new onError', async () => {
    // As the explorer did: the error goes into state, and the re-render makes a new callback.
    const { result } = renderHook(() => {
      const [errors, setErrors] = useState(0);
      const documents = useDocuments(['doc-1'], () => setErrors((n) => n + 1));
      return { errors, documents };
    });
    await waitFor(() => expect(result.current.errors).toBeGreaterThan(0));
    await settle();
    expect(fetchSpy).toHaveBeenCalledTimes(1);
    expect(result.current.errors).toBe(1);
    expect(result.current.documents).toEqual([]);
  });

  it('does not fetch again on a re-render with an unmemoised onError', async () => {
    const { rerender } = renderHook(({ onError }) => useDocuments(['doc-1'], onError), {
      initialProps: { onError: () => {} },
    });
    for (let i = 0; i < 5; i += 1) rerender({ onError: () => {} });
    await settle();
    expect(fetchSpy).toHaveBeenCalledTimes(1);
  });
});
