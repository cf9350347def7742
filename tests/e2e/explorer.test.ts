import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ARTIFACTS } from './browser.ts';
import { counts, hook, waitUntil } from './flows.ts';
import { useExplorerSession } from './session.ts';

const statusText = (page: Page) => page.getByTestId('status-counts').innerText();

describe('the explorer, as an investigator uses it', () => {
  const session = useExplorerSession();

  it('signs in, finds Djeha, expands, finds paths to Ofast, filters by time, exports and undoes', async () => {
    const { page } = session.browser;
    await page.goto(session.server.url);

    // Sign in and state the purpose.
    await page.getByLabel('Username').fill('admin');
    await page.getByLabel('Password').fill(session.server.adminPassword);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByLabel('Purpose').fill('Case 2025-117 e2e');
    await session.browser.screenshot('01-purpose');
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect.poll(() => page.getByTestId('current-purpose').innerText()).toBe('Case 2025-117 e2e');

    // Search "Djeha" and open him.
    const search = page.getByRole('searchbox');
    await search.fill('Djeha');
    // Djeha first: the events whose description names him come after every name match.
    const option = page.getByRole('option', { name: /Mohamed Djeha/ }).first();
    await option.waitFor();
    await expect(option.innerText()).resolves.toContain('Mimo');
    await session.browser.screenshot('02-search');
    await search.press('Enter');
    await waitUntil(
      page,
      'Djeha on the canvas and selected',
      async () => (await hook(page, (h) => h.selectedIds())).length === 1,
    );
    const djehaId = (await hook(page, (h) => h.selectedIds()))[0] ?? '';
    expect(await hook(page, (h) => h.nodeCount())).toBe(1);

    // Details: the alias and the sources.
    const details = page.getByRole('region', { name: 'Details of Mohamed Djeha' });
    await expect(details.innerText()).resolves.toContain('Mimo');
    await details.getByRole('list', { name: 'Sources' }).waitFor();
    await expect.poll(() => details.getByRole('list', { name: 'Sources' }).innerText()).toMatch(/Le Monde/);
    expect(await statusText(page)).toBe('1 nodes · 0 relationships');
    await session.browser.screenshot('03-details');

    // Expand grows the count.
    await details.getByRole('button', { name: 'Expand', exact: true }).click();
    await waitUntil(page, 'the expansion', async () => (await counts(page)).nodes > 1);
    const expanded = await counts(page);
    expect(await statusText(page)).toBe(`${expanded.nodes} nodes · ${expanded.relationships} relationships`);
    await session.browser.screenshot('04-expanded');

    // Paths from Djeha to Ofast.
    await details.getByRole('button', { name: 'Path from here' }).click();
    await search.fill('Ofast');
    await page
      .getByRole('option', { name: /^Agency\s*Ofast\b/ })
      .first()
      .waitFor();
    await page
      .getByRole('option', { name: /^Agency\s*Ofast\b/ })
      .first()
      .click();
    await waitUntil(page, 'Ofast selected', async () => (await hook(page, (h) => h.selectedIds()))[0] !== djehaId);
    const ofastId = (await hook(page, (h) => h.selectedIds()))[0] ?? '';
    await page.getByRole('tab', { name: 'Details' }).click();
    await page.getByRole('button', { name: 'Path to here' }).click();
    await page.getByRole('button', { name: 'Find paths' }).click();
    const found = page.getByRole('list', { name: 'Paths found' });
    await found.waitFor();
    expect(await found.innerText()).toMatch(/Mohamed Djeha/);
    const highlighted = await hook(page, (h) => h.highlightedIds());
    expect(highlighted).toEqual(expect.arrayContaining([djehaId, ofastId]));
    await session.browser.screenshot('05-paths');

    // Bring in more context (select all, expand all selected), then filter by time.
    await page.locator('[data-testid="graph-canvas"]').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+a');
    await waitUntil(page, 'select all', async () => (await hook(page, (h) => h.selectedIds())).length >= 3);
    const beforeExpandAll = await counts(page);
    await page.getByRole('button', { name: 'Expand selected' }).click();
    await waitUntil(page, 'expand all selected', async () => (await counts(page)).nodes > beforeExpandAll.nodes);
    const beforeTime = await counts(page);
    await session.browser.screenshot('06-expanded-all');
    const from = page.getByLabel('Time from');
    await from.waitFor();
    await from.fill((await from.getAttribute('max')) ?? '0');
    await waitUntil(page, 'the time filter', async () => {
      const now = await counts(page);
      return now.nodes + now.relationships < beforeTime.nodes + beforeTime.relationships;
    });
    await session.browser.screenshot('07-time-filter');
    await page.getByRole('button', { name: 'All time' }).click();
    await waitUntil(page, 'the time filter reset', async () => (await counts(page)).nodes === beforeTime.nodes);

    // Export PNG and JSON.
    const [png] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export PNG' }).click(),
    ]);
    const pngPath = path.join(ARTIFACTS, 'explorer-export.png');
    await png.saveAs(pngPath);
    expect(png.suggestedFilename()).toMatch(/\.png$/);
    expect(fs.readFileSync(pngPath).subarray(1, 4).toString()).toBe('PNG');
    const [json] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export JSON' }).click(),
    ]);
    const jsonPath = path.join(ARTIFACTS, 'explorer-export.json');
    await json.saveAs(jsonPath);
    const saved = JSON.parse(fs.readFileSync(jsonPath, 'utf8')) as { nodes: Array<{ id: string }> };
    expect(saved.nodes.map((n) => n.id)).toEqual(expect.arrayContaining([djehaId, ofastId]));
    expect(saved.nodes).toHaveLength(beforeTime.nodes);

    // Undo the last expansion with the keyboard.
    await page.locator('[data-testid="graph-canvas"]').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+z');
    await waitUntil(page, 'undo', async () => (await counts(page)).nodes < beforeTime.nodes);
    await session.browser.screenshot('08-undo');
    const afterUndo = await counts(page);

    // No case data is kept in browser storage: a reload starts from an empty canvas.
    expect(afterUndo.nodes).toBeGreaterThan(0);
    const stored = await page.evaluate(() => [...Object.keys(localStorage), ...Object.keys(sessionStorage)]);
    expect(stored.filter((key) => key.startsWith('maillon.workspace'))).toEqual([]);
    await page.reload();
    await waitUntil(page, 'the explorer after a reload', async () =>
      page.evaluate(() => Boolean((window as unknown as { __maillon?: unknown }).__maillon)),
    );
    expect((await counts(page)).nodes).toBe(0);
    // Sign-out leaves nothing behind.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    const leftovers = await page.evaluate(() => [...Object.keys(localStorage), ...Object.keys(sessionStorage)]);
    expect(leftovers.filter((key) => key.startsWith('maillon'))).toEqual([]);
    await session.browser.screenshot('09-signed-out');

    expect(session.browser.errors).toEqual([]);
  });
});
