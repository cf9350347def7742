import { describe, expect, it } from 'vitest';
import { addBySearch, hook, signIn, waitUntil } from './flows.ts';
import { useExplorerSession } from './session.ts';

describe('readable charts, as an analyst reads and exports them', () => {
  const session = useExplorerSession();

  it('dims everything outside a shown red flag, and clearing the highlight restores it', async () => {
    const { page } = session.browser;
    await page.goto(session.server.url);
    await signIn(page, { password: session.server.adminPassword, purpose: 'Case 2025-117 readable charts e2e' });
    const djeha = await addBySearch(page, { query: 'Djeha', option: /Mohamed Djeha/ });

    await page.getByRole('tab', { name: 'Red flags' }).click();
    const list = page.getByRole('list', { name: 'Red flags found' });
    await expect.poll(() => list.innerText()).toMatch(/360 kg/);
    await list.getByRole('listitem').filter({ hasText: '360 kg' }).first().getByRole('button').click();
    await waitUntil(
      page,
      'the evidence highlighted',
      async () => (await hook(page, (h) => h.highlightedIds())).length > 0,
    );

    const highlighted = await hook(page, (h) => h.highlightedIds());
    const dimmed = await hook(page, (h) => h.dimmedIds());
    expect(highlighted).not.toContain(djeha);
    expect(dimmed).toContain(djeha);
    expect(dimmed.filter((id) => highlighted.includes(id))).toEqual([]);
    await session.browser.screenshot('readable-01-dimmed');

    await page.getByRole('button', { name: 'Clear highlight' }).click();
    await waitUntil(
      page,
      'the highlight cleared',
      async () => (await hook(page, (h) => h.highlightedIds())).length === 0,
    );
    expect(await hook(page, (h) => h.dimmedIds())).toEqual([]);
    expect(session.browser.errors).toEqual([]);
  });
});
