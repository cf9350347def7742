import { describe, expect, it } from 'vitest';
import type { BrowserSession } from './browser.ts';
import { hook, signIn, waitUntil } from './flows.ts';
import { useExplorerSession } from './session.ts';

/** Ids on the canvas whose model label is `label` (read through the test hook). */
const idsLabelled = (browser: BrowserSession, ids: readonly string[], label: string) =>
  browser.page.evaluate(
    ({ ids, label }) => {
      const h = (window as unknown as { __maillon?: { labelOf(id: string): string | undefined } }).__maillon;
      return ids.filter((id) => h?.labelOf(id) === label);
    },
    { ids: [...ids], label },
  );

describe('red flags and analysis, as an investigator uses them', () => {
  const session = useExplorerSession();

  it('lists the demo red flags, shows the 360 kg discrepancy on the canvas, and analyses it', async () => {
    const { page } = session.browser;
    await page.goto(session.server.url);
    await signIn(page, { password: session.server.adminPassword, purpose: 'Case 2025-117 red flags e2e' });

    // The Red flags tab lists the demo patterns, the 360 kg discrepancy and the informant paid in kind.
    await page.getByRole('tab', { name: 'Red flags' }).click();
    const list = page.getByRole('list', { name: 'Red flags found' });
    await list.waitFor();
    await expect.poll(() => list.innerText()).toMatch(/360 kg/);
    expect(await list.innerText()).toMatch(/Informant paid in kind/);
    expect(await list.innerText()).toMatch(/high/i);
    // They come from the server's background computation, and the tab says when it ran.
    expect(await page.locator('.red-flags').innerText()).toMatch(/As of /);
    await session.browser.screenshot('red-flags-01-list');

    // Filtering by rule keeps only that rule's flags.
    await page.getByLabel('Rule').selectOption('shipment-discrepancy');
    await expect.poll(() => list.innerText()).not.toMatch(/Informant paid in kind/);
    expect(await list.innerText()).toMatch(/360 kg/);

    // A click on the flag puts its evidence on the canvas, selected and highlighted.
    await list.getByRole('listitem').filter({ hasText: '360 kg' }).first().getByRole('button').click();
    await waitUntil(page, 'the evidence on the canvas', async () => (await hook(page, (h) => h.nodeCount())) >= 2);
    const onCanvas = await hook(page, (h) => h.visibleNodeIds());
    const shipments = await idsLabelled(session.browser, onCanvas, 'Shipment');
    const agencies = await idsLabelled(session.browser, onCanvas, 'Agency');
    expect(shipments.length).toBeGreaterThan(0);
    expect(agencies.length).toBeGreaterThan(0);
    await waitUntil(page, 'the evidence selected', async () => {
      const selected = await hook(page, (h) => h.selectedIds());
      return [...shipments, ...agencies].every((id) => selected.includes(id));
    });
    const highlighted = await hook(page, (h) => h.highlightedIds());
    expect(highlighted).toEqual(expect.arrayContaining([...shipments, ...agencies]));
    await session.browser.screenshot('red-flags-02-evidence');

    // Undo takes the whole flag off the canvas in one step.
    await page.locator('[data-testid="graph-canvas"]').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+z');
    await waitUntil(page, 'undo', async () => (await hook(page, (h) => h.nodeCount())) === 0);
    await page.keyboard.press('Control+Shift+z');
    await waitUntil(page, 'redo', async () => (await hook(page, (h) => h.nodeCount())) >= 2);

    // Analysis lists the key players of what is on screen; a click selects one.
    await page.getByRole('tab', { name: 'Analysis' }).click();
    const players = page.getByRole('list', { name: 'Key players' });
    await players.waitFor();
    expect((await players.innerText()).length).toBeGreaterThan(0);
    await page.getByLabel('Size by').selectOption('pagerank');
    await page.getByLabel('Colour by community').check();
    await players.getByRole('button').first().click();
    await waitUntil(page, 'a key player selected', async () => (await hook(page, (h) => h.selectedIds())).length === 1);
    await session.browser.screenshot('red-flags-03-analysis');

    expect(session.browser.errors).toEqual([]);
  });
});
