import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, openBrowser, type BrowserSession } from './browser.ts';
import { largeNetwork, openNetworkView, serverWithNetwork, type LargeNetwork } from './large-network.ts';
import type { RunningServer } from './server.ts';

describe('a large view (5,000 nodes, 10,000 relationships)', () => {
  let server: RunningServer;
  let browser: BrowserSession;
  let network: LargeNetwork;

  beforeAll(async () => {
    network = largeNetwork(5000, 10_000);
    server = await serverWithNetwork(network);
    browser = await openBrowser();
    // This browser's WebGL is software (no GPU): the explorer would pick the canvas renderer
    // (software-graphics.test.ts); the WebGL path is asked for here so that it stays covered.
    await browser.page.addInitScript(() => window.localStorage.setItem('maillon.renderer', 'webgl'));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('opens with the WebGL renderer, pans, zooms and lays out without uncaught errors', async () => {
    const { page } = browser;
    await openNetworkView(page, {
      server,
      network,
      file: 'large-workspace.json',
      counts: '5000 nodes · 10000 relationships',
    });
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

    // The force layout runs in a worker: the page keeps answering while it works.
    await page.getByLabel('Layout').selectOption('grid');
    await page.getByLabel('Layout').selectOption('fcose');
    expect(await page.evaluate(() => 1 + 1)).toBe(2);
    await page.waitForTimeout(1000);
    await browser.screenshot('large-view-force');
    expect(browser.errors).toEqual([]);
  }, 420_000);
});
