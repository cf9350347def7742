/**
 * Issue 15: "Filters by label and type only, not by property (status = indicted, kind, amount)".
 * On the demo data, around the judicial case on the 360 kg delivery, in Chromium.
 */
import { describe, expect, it } from 'vitest';
import { addBySearch, counts, hook, signIn, waitUntil } from './flows.ts';
import { useExplorerSession } from './session.ts';

describe('filters by property', () => {
  const session = useExplorerSession();

  it('shows only the oversight agencies around the case, then every agency again', async () => {
    const { page } = session.browser;
    await page.goto(session.server.url);
    await signIn(page, { password: session.server.adminPassword, purpose: 'Case e2e filters' });
    await addBySearch(page, { query: 'Judicial case on the 360', option: /Judicial case on the 360 kg/ });
    await page.getByRole('button', { name: 'Expand', exact: true }).click();
    await waitUntil(page, 'the expansion', async () => (await counts(page)).nodes > 3);
    const agencies = (ids: string[]) => ids.filter((id) => id.startsWith('agency-')).sort();
    expect(agencies(await hook(page, (h) => h.visibleNodeIds()))).toEqual(['agency-igpn', 'agency-junalco']);

    await page.getByRole('tab', { name: 'Filters' }).click();
    const byProperty = page.getByRole('group', { name: 'By property' });
    // Names in words, from the model; values from its vocabulary.
    await byProperty.getByLabel('Property').selectOption({ label: 'Kind (Agency)' });
    await byProperty.getByLabel('oversight').check();
    await byProperty.getByRole('button', { name: 'Show only these' }).click();
    await expect.poll(async () => agencies(await hook(page, (h) => h.visibleNodeIds()))).toEqual(['agency-igpn']);
    expect(await byProperty.getByRole('list', { name: 'Property filters in force' }).innerText()).toContain(
      'Kind (Agency): oversight',
    );
    // The indicted officers stay: the filter is on agencies only.
    expect(await hook(page, (h) => h.visibleNodeIds())).toEqual(
      expect.arrayContaining(['person-ofast-officer-a', 'person-ofast-officer-b']),
    );

    await byProperty.getByRole('button', { name: 'Remove' }).click();
    await expect
      .poll(async () => agencies(await hook(page, (h) => h.visibleNodeIds())))
      .toEqual(['agency-igpn', 'agency-junalco']);
  });
});
