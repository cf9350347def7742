import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { readPngFacts } from '../../client/src/model-view/png-text.ts';
import { ARTIFACTS } from './browser.ts';
import { addBySearch, hook, nodePoint, signIn, waitUntil } from './flows.ts';
import { useExplorerSession } from './session.ts';

interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

async function boxOf(
  page: Page,
  testIdOrRole: { testId: string } | { role: 'toolbar' | 'complementary'; name: string },
): Promise<Box> {
  const locator =
    'testId' in testIdOrRole
      ? page.getByTestId(testIdOrRole.testId)
      : page.getByRole(testIdOrRole.role, { name: testIdOrRole.name });
  const box = await locator.boundingBox();
  if (!box) throw new Error('not drawn');
  return box;
}

/** Where a node is drawn, in canvas pixels (the id travels as an argument, the hook's functions as source). */
const positionOf = (page: Page, id: string) =>
  page.evaluate(
    (nodeId) =>
      (
        window as unknown as { __maillon?: { renderedPosition(id: string): { x: number; y: number } | undefined } }
      ).__maillon?.renderedPosition(nodeId),
    id,
  );

/** Pixels of exactly this colour in a PNG, decoded by the browser (the selection ring is #f1c40f). */
const pixelsOfColour = (page: Page, png: Buffer, rgb: readonly [number, number, number]) =>
  page.evaluate(
    async ({ base64, rgb }) => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const g = canvas.getContext('2d');
      if (!g) throw new Error('no 2d context');
      g.drawImage(bitmap, 0, 0);
      const data = g.getImageData(0, 0, bitmap.width, bitmap.height).data;
      let count = 0;
      for (let i = 0; i < data.length; i += 4) {
        if (data[i] === rgb[0] && data[i + 1] === rgb[1] && data[i + 2] === rgb[2]) count += 1;
      }
      return { count, width: bitmap.width, height: bitmap.height };
    },
    { base64: png.toString('base64'), rgb },
  );

const SELECTION_RING: [number, number, number] = [0xf1, 0xc4, 0x0f];

const overlaps = (a: Box, b: Box): boolean =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

const contains = (box: Box, p: { x: number; y: number }): boolean =>
  p.x >= box.x && p.x <= box.x + box.width && p.y >= box.y && p.y <= box.y + box.height;

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

  it.each([1400, 1024])(
    'keeps the toolbar on one row above the canvas at %i px, whatever the undo label says',
    async (width) => {
      const { page } = session.browser;
      await page.setViewportSize({ width, height: 900 });
      const undo = page.getByRole('button', { name: /^Undo/ });
      await expect.poll(() => undo.innerText()).toMatch(/Show red flag/);
      const toolbar = await boxOf(page, { role: 'toolbar', name: 'Graph tools' });
      const canvas = await boxOf(page, { testId: 'graph-canvas' });
      expect(overlaps(toolbar, canvas)).toBe(false);
      // One row: no taller than two of its buttons would need side by side.
      const button = await undo.boundingBox();
      expect(toolbar.height).toBeLessThan(2 * (button?.height ?? 0));

      // Undo changes the label ("Undo Add Mohamed Djeha"); the canvas must not move.
      await page.keyboard.press('Control+z');
      await expect.poll(() => undo.innerText()).toMatch(/^Undo Add Mohamed Djeha/);
      expect((await boxOf(page, { testId: 'graph-canvas' })).y).toBe(canvas.y);
      await page.keyboard.press('Control+Shift+z');
      await expect.poll(() => undo.innerText()).toMatch(/Show red flag/);
      expect((await boxOf(page, { testId: 'graph-canvas' })).y).toBe(canvas.y);
      await session.browser.screenshot(`readable-02-toolbar-${width}`);
      await page.setViewportSize({ width: 1400, height: 900 });
    },
  );

  it('collapses the legend off the nodes, and keeps it collapsed for the session', async () => {
    const { page } = session.browser;
    const legend = page.getByRole('complementary', { name: 'Legend' });
    const toggle = legend.getByRole('button', { name: /Legend/ });
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    await toggle.click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await legend.getByRole('listitem').count()).toBe(0);
    const box = await boxOf(page, { role: 'complementary', name: 'Legend' });
    expect(box.height).toBeLessThan(40);
    for (const id of await hook(page, (h) => h.visibleNodeIds())) {
      expect(contains(box, await nodePoint(page, id)), `${id} under the collapsed legend`).toBe(false);
    }
    await page.reload();
    await page.getByRole('searchbox').waitFor();
    expect(await page.getByRole('button', { name: /Legend/ }).getAttribute('aria-expanded')).toBe('false');
    expect(session.browser.errors).toEqual([]);
  });

  it('zooms with buttons, to the selection, and centres a search hit', async () => {
    const { page } = session.browser;
    const djeha = await addBySearch(page, { query: 'Djeha', option: /Mohamed Djeha/ });
    await page.getByRole('button', { name: 'Expand selected' }).click();
    await waitUntil(page, 'the neighbours drawn', async () => (await hook(page, (h) => h.nodeCount())) > 1);

    const zoom = () => hook(page, (h) => h.zoom());
    const before = await zoom();
    await page.getByRole('button', { name: 'Zoom in' }).click();
    expect(await zoom()).toBeGreaterThan(before);
    await page.getByRole('button', { name: 'Zoom out' }).click();
    await page.getByRole('button', { name: 'Zoom out' }).click();
    expect(await zoom()).toBeLessThan(before);

    /** Whether a node is drawn within the middle third of the canvas, both ways. */
    const centred = async (id: string) => {
      const size = await hook(page, (h) => h.size());
      const p = await positionOf(page, id);
      return (
        p !== undefined &&
        Math.abs(p.x - size.width / 2) < size.width / 6 &&
        Math.abs(p.y - size.height / 2) < size.height / 6
      );
    };

    // Zoomed in far, a search hit on the canvas is brought to the middle and selected.
    for (let i = 0; i < 4; i += 1) await page.getByRole('button', { name: 'Zoom in' }).click();
    await page.getByRole('searchbox').fill('Ofast officer A');
    await page
      .getByRole('option', { name: /Ofast officer A/ })
      .first()
      .click();
    let ofast = djeha;
    await waitUntil(page, 'the search hit selected', async () => {
      ofast = (await hook(page, (h) => h.selectedIds()))[0] ?? djeha;
      return ofast !== djeha;
    });
    await waitUntil(page, 'the search hit centred', () => centred(ofast));
    expect(await hook(page, (h) => h.selectedIds())).toEqual([ofast]);
    await session.browser.screenshot('readable-04-search-centred');

    // Fit shows every node; zoom to selection frames the selected one again.
    await page.getByRole('button', { name: 'Fit' }).click();
    const size = await hook(page, (h) => h.size());
    for (const id of await hook(page, (h) => h.visibleNodeIds())) {
      const p = await positionOf(page, id);
      expect(p && p.x >= 0 && p.y >= 0 && p.x <= size.width && p.y <= size.height, `${id} in view after Fit`).toBe(
        true,
      );
    }
    for (let i = 0; i < 3; i += 1) await page.getByRole('button', { name: 'Zoom out' }).click();
    const zoomedOut = await zoom();
    await page.getByRole('button', { name: 'Zoom to selection' }).click();
    expect(await zoom()).toBeGreaterThan(zoomedOut);
    expect(await centred(ofast)).toBe(true);
    expect(session.browser.errors).toEqual([]);
  });

  it('exports a PNG chart with title, purpose, date and legend, without the selection ring', async () => {
    const { page } = session.browser;
    const selected = await hook(page, (h) => h.selectedIds());
    expect(selected.length).toBe(1);
    // The ring is on screen: the colour count sees it there.
    const onScreen = await pixelsOfColour(page, await page.getByTestId('graph-canvas').screenshot(), SELECTION_RING);
    expect(onScreen.count).toBeGreaterThan(0);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export PNG' }).click(),
    ]);
    const file = path.join(ARTIFACTS, 'readable-chart.png');
    await download.saveAs(file);
    const bytes = fs.readFileSync(file);
    const facts = readPngFacts(new Uint8Array(bytes));
    expect(facts.text['Title']).toBe('Maillon network chart');
    expect(facts.text['Description']).toBe('Purpose: Case 2025-117 readable charts e2e');
    expect(Date.now() - Date.parse(facts.text['Creation Time'] ?? '')).toBeLessThan(10 * 60_000);
    const decoded = await pixelsOfColour(page, bytes, SELECTION_RING);
    expect({ width: decoded.width, height: decoded.height }).toEqual({ width: facts.width, height: facts.height });
    expect(decoded.count).toBe(0);
    // The selection is the analyst's again once the picture is taken.
    expect(await hook(page, (h) => h.selectedIds())).toEqual(selected);
    expect(session.browser.errors).toEqual([]);
  });

  // Breadthfirst only: grid already made every cell as wide as the largest node (about 170 px here), wider than
  // a caption may wrap to (140 px), so a grid case passed with and without caption-sized spacing.
  it('lays out breadthfirst without captions running into each other', async () => {
    const layout = 'breadthfirst';
    const { page } = session.browser;
    // Run alone (-t), nothing is on screen yet: sign in and start from Djeha.
    if (!page.url().startsWith(session.server.url)) {
      await page.goto(session.server.url);
      await signIn(page, { password: session.server.adminPassword, purpose: 'Case 2025-117 readable charts e2e' });
    }
    if ((await hook(page, (h) => h.nodeCount())) === 0)
      await addBySearch(page, { query: 'Djeha', option: /Mohamed Djeha/ });
    // Dense enough that the old spacing (by node size, not caption) made captions collide: 20+ nodes.
    for (let round = 0; round < 3 && (await hook(page, (h) => h.nodeCount())) < 20; round += 1) {
      const before = await hook(page, (h) => h.nodeCount());
      await page.getByTestId('graph-canvas').click({ position: { x: 5, y: 5 } });
      await page.keyboard.press('Control+a');
      await waitUntil(
        page,
        'every node selected',
        async () => (await hook(page, (h) => h.selectedIds())).length === before,
      );
      await page.getByRole('button', { name: 'Expand selected' }).click();
      await waitUntil(page, 'more nodes drawn', async () => (await hook(page, (h) => h.nodeCount())) > before);
    }
    expect(await hook(page, (h) => h.nodeCount())).toBeGreaterThanOrEqual(20);
    // A narrow canvas (about 320 × 290 px) crowds the levels: spaced by node size alone, captions overlap.
    await page.setViewportSize({ width: 700, height: 560 });
    await page.getByLabel('Layout').selectOption(layout);
    // The layout animates: wait until two reads a moment apart agree.
    let last = '';
    await waitUntil(page, 'the layout at rest', async () => {
      const now = JSON.stringify(await hook(page, (h) => h.labelBoxes()));
      const still = now === last;
      last = now;
      await page.waitForTimeout(300);
      return still;
    });
    const boxes = await hook(page, (h) => h.labelBoxes());
    const collisions = boxes.flatMap((a, i) =>
      boxes
        .slice(i + 1)
        .filter((b) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2)
        .map((b) => `${a.id} × ${b.id}`),
    );
    await session.browser.screenshot(`readable-05-${layout}`);
    await page.setViewportSize({ width: 1400, height: 900 });
    expect(collisions).toEqual([]);
  });
});
