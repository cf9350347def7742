import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, openBrowser, type BrowserSession } from './browser.ts';
import { startServer, type RunningServer } from './server.ts';

/** A workspace file with `nodes` people and `relationships` ASSOCIATE_OF links, as the explorer exports them. */
function largeWorkspace(nodes: number, relationships: number): string {
  let seed = 42;
  const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  const ids = Array.from({ length: nodes }, (_, i) => `p${i}`);
  return JSON.stringify({
    format: 'maillon-workspace',
    version: 1,
    nodes: ids.map((id) => ({ id, label: 'Person', name: `Person ${id}`, properties: {}, sources: [] })),
    relationships: Array.from({ length: relationships }, (_, i) => ({
      id: `r${i}`,
      type: 'ASSOCIATE_OF',
      source: ids[i % nodes],
      target: ids[Math.floor(random() * nodes)],
      properties: { at: `20${10 + (i % 15)}-01-01` },
      sources: [],
    })),
    hidden: [],
    pinned: [],
    omitted: {},
    positions: {},
  });
}

describe('a large view (5,000 nodes, 10,000 relationships)', () => {
  let server: RunningServer;
  let browser: BrowserSession;

  beforeAll(async () => {
    server = await startServer({ seed: 'none' });
    browser = await openBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('opens with the WebGL renderer, pans, zooms and lays out without uncaught errors', async () => {
    const { page } = browser;
    const file = path.join(ARTIFACTS, 'large-workspace.json');
    fs.writeFileSync(file, largeWorkspace(5000, 10_000));

    await page.goto(server.url);
    await page.getByLabel('Username').fill('admin');
    await page.getByLabel('Password').fill(server.adminPassword);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByLabel('Purpose', { exact: true }).fill('Load test');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByLabel('Open workspace JSON').setInputFiles(file);
    await expect
      .poll(() => page.getByTestId('status-counts').innerText(), { timeout: 60_000 })
      .toBe('5000 nodes · 10000 relationships');
    const renderer = await page.evaluate(
      () => (window as unknown as { __maillon?: { renderer: string } }).__maillon?.renderer,
    );
    expect(renderer).toBe('webgl');

    // Long main-thread tasks during pan and zoom are recorded as an artifact, not asserted (no wall-clock
    // assertions; and headless Chromium without a GPU renders WebGL in software, seconds per frame at this size).
    await page.evaluate(() => {
      const w = window as unknown as { __longTasks: number[] };
      w.__longTasks = [];
      new PerformanceObserver((list) => list.getEntries().forEach((e) => w.__longTasks.push(e.duration))).observe({
        type: 'longtask',
        buffered: false,
      });
    });
    const canvas = page.getByTestId('graph-canvas');
    const box = await canvas.boundingBox();
    if (!box) throw new Error('no canvas');
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    for (const delta of [-300, 300]) await page.mouse.wheel(0, delta);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 + 120, box.y + box.height / 2 + 60, { steps: 3 });
    await page.mouse.up();
    await page.waitForTimeout(500);
    const longTasks = await page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks);
    fs.writeFileSync(path.join(ARTIFACTS, 'large-view-long-tasks.json'), JSON.stringify({ longTasks }, null, 2));
    await browser.screenshot('large-view');

    // fcose runs in a worker: the page keeps answering while it works.
    await page.getByLabel('Layout').selectOption('grid');
    await page.getByLabel('Layout').selectOption('fcose');
    expect(await page.evaluate(() => 1 + 1)).toBe(2);
    await page.waitForTimeout(1000);
    await browser.screenshot('large-view-fcose');
    expect(browser.errors).toEqual([]);
  }, 420_000);
});
