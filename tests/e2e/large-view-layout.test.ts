import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, type BrowserSession } from './browser.ts';
import { hook } from './flows.ts';
import { largeNetwork, openNetworkView, serverWithNetwork, type LargeNetwork } from './large-network.ts';
import type { RunningServer } from './server.ts';

type Centres = Record<string, { x: number; y: number }>;

/** Each node's centre in model coordinates (its box with caption), independent of pan and zoom. */
const centres = (page: Page): Promise<Centres> =>
  hook(page, (h) =>
    Object.fromEntries(h.labelBoxes().map((b) => [b.id, { x: (b.x1 + b.x2) / 2, y: (b.y1 + b.y2) / 2 }])),
  );

const distance = (a: { x: number; y: number } | undefined, b: { x: number; y: number } | undefined) =>
  a && b ? Math.hypot(a.x - b.x, a.y - b.y) : Number.NaN;

/** Mean distance of linked pairs over that of as many pairs drawn at random: well below 1 for a force layout. */
function linkedOverRandom(positions: Centres, network: LargeNetwork): number {
  const ids = Object.keys(positions);
  let seed = 5;
  const pick = () => ids[(seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) % ids.length] ?? '';
  const linked = network.links.reduce((sum, l) => sum + distance(positions[l.source], positions[l.target]), 0);
  const random = network.links.reduce((sum) => sum + distance(positions[pick()], positions[pick()]), 0);
  return linked / random;
}

const PIN = { x: 9000, y: -9000 };

describe('the force layout of a 2,500-node view', () => {
  let server: RunningServer;
  let browser: BrowserSession;
  const network = largeNetwork(2500, 5000, { p0: PIN });

  beforeAll(async () => {
    server = await serverWithNetwork(network);
    browser = await openBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('runs in a worker while the page answers, draws a real layout and leaves the pinned node', async () => {
    const { page } = browser;
    await openNetworkView(page, {
      server,
      network,
      file: 'layout-workspace.json',
      counts: '2500 nodes · 5000 relationships',
    });
    const before = await centres(page);
    // Drawn where the canvas first puts them, linked people are no nearer each other than any two.
    expect(linkedOverRandom(before, network)).toBeGreaterThan(0.8);

    await page.getByTestId('graph-canvas').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('l');
    // While the worker lays out, the page handles a key and a click: the shortcuts open and close.
    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await help.waitFor();
    await help.getByRole('button', { name: 'Close' }).click();
    await help.waitFor({ state: 'detached' });
    const duringLayout = await centres(page);
    expect(Object.keys(duringLayout).filter((id) => distance(duringLayout[id], before[id]) > 1)).toEqual([]);

    await expect
      .poll(async () => distance((await centres(page))['p1'], before['p1']) > 1, { timeout: 180_000 })
      .toBe(true);
    const after = await centres(page);
    expect(after['p0']).toEqual(before['p0']);
    const free = Object.entries(after).flatMap(([id, p]) => (id === 'p0' ? [] : [p]));
    const xs = free.map((p) => p.x);
    const ys = free.map((p) => p.y);
    expect(free.every((p) => Number.isFinite(p.x + p.y))).toBe(true);
    // Spread over a plane, not gathered on a point or a line: thousands of distinct places, in both directions.
    expect(new Set(free.map((p) => `${Math.round(p.x)},${Math.round(p.y)}`)).size).toBeGreaterThan(2400);
    expect(Math.max(...xs) - Math.min(...xs)).toBeGreaterThan(1000);
    expect(Math.max(...ys) - Math.min(...ys)).toBeGreaterThan(1000);
    expect(linkedOverRandom(after, network)).toBeLessThan(0.6);
    await browser.screenshot('large-view-layout');
    expect(browser.errors).toEqual([]);
  }, 420_000);
});
