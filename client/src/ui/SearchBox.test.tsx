// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { createRef, useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SearchBox } from './SearchBox.tsx';

const refusal = () =>
  new Response(JSON.stringify({ errors: [{ message: 'suspended', extensions: { code: 'SESSION_SUSPENDED' } }] }), {
    status: 200,
    headers: { 'Content-Type': 'application/json' },
  });

/** A page that, like the explorer, re-renders on every error with a new onError. */
function Page() {
  const [errors, setErrors] = useState(0);
  return (
    <>
      <output>{errors}</output>
      <SearchBox inputRef={createRef()} onPick={() => {}} onError={() => setErrors((n) => n + 1)} />
    </>
  );
}

describe('SearchBox', () => {
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('searches once when the search is refused, not again on every re-render', async () => {
    const fetchSpy = vi.fn(() => Promise.resolve(refusal()));
    vi.stubGlobal('fetch', fetchSpy);
    render(<Page />);
    fireEvent.change(screen.getByRole('searchbox'), { target: { value: 'djeha' } });
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('1'));
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(fetchSpy).toHaveBeenCalledTimes(1);
  });

  it('keeps the results open when the box is focused and typed in again right after it lost focus', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(() => new Promise<Response>(() => {})),
    );
    render(<Page />);
    const box = screen.getByRole('searchbox');
    fireEvent.blur(box);
    fireEvent.focus(box);
    fireEvent.change(box, { target: { value: 'igpn' } });
    // Past the 150 ms the list waits after a blur before it closes.
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(screen.queryByRole('listbox')).not.toBeNull();
  });
});
