import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, openBrowser, type BrowserSession } from './browser.ts';
import { callApi, signInByApi } from './api.ts';
import { startServer, type RunningServer } from './server.ts';

interface LargeNetwork {
  /** The Cypher that loads it into the database (a view file is only a list of ids to read again). */
  readonly script: string;
  /** The view file, as the explorer exports it. */
  readonly workspace: string;
}

/** `nodes` people and `relationships` ASSOCIATE_OF links (no self-loops), as a Cypher import and a view file. */
function largeNetwork(nodes: number, relationships: number): LargeNetwork {
  let seed = 42;
  const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  const ids = Array.from({ length: nodes }, (_, i) => `p${i}`);
  const links = Array.from({ length: relationships }, (_, i) => {
    const source = i % nodes;
    const target = (source + 1 + Math.floor(random() * (nodes - 1))) % nodes;
    return { id: `r${i}`, source: `p${source}`, target: `p${target}`, at: `20${10 + (i % 15)}-01-01` };
  });
  const script = [
    `UNWIND ${JSON.stringify(ids.map((id) => ({ id, name: `Person ${id}` })))} AS row CREATE (:Person {id: row.id, name: row.name});`,
    `UNWIND ${JSON.stringify(links)} AS row MATCH (a:Person {id: row.source}), (b:Person {id: row.target}) ` +
      'CREATE (a)-[:ASSOCIATE_OF {id: row.id, at: date(row.at)}]->(b);',
  ]
    .join('\n')
    .replace(/"(\w+)":/g, '$1:');
  const workspace = JSON.stringify({
    format: 'maillon-workspace',
    version: 1,
    nodes: ids.map((id) => ({ id, label: 'Person', name: `Person ${id}`, properties: {}, sources: [] })),
    relationships: links.map((l) => ({ ...l, type: 'ASSOCIATE_OF', properties: { at: l.at }, sources: [] })),
    hidden: [],
    pinned: [],
    omitted: {},
    positions: {},
  });
  return { script, workspace };
}

describe('a large view (5,000 nodes, 10,000 relationships)', () => {
  let server: RunningServer;
  let browser: BrowserSession;
  let network: LargeNetwork;

  beforeAll(async () => {
    // An analyst opening a 5,000-person view reads 5,000 persons: above the default volume rule.
    server = await startServer({ seed: 'none', env: { MAILLON_READ_LIMIT_ADMIN: '100000/200000' } });
    network = largeNetwork(5000, 10_000);
    const admin = await signInByApi(server, { username: 'admin', password: server.adminPassword });
    const imported = await callApi<{ importCypher: { ok: boolean } }>(server, {
      query: 'mutation Import($s: String!) { importCypher(script: $s) { ok } }',
      variables: { s: network.script },
      token: admin,
      purpose: 'Load test',
    });
    expect(imported.errors ?? []).toEqual([]);
    expect(imported.data?.importCypher.ok).toBe(true);
    browser = await openBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('opens with the WebGL renderer, pans, zooms and lays out without uncaught errors', async () => {
    const { page } = browser;
    const file = path.join(ARTIFACTS, 'large-workspace.json');
    fs.writeFileSync(file, network.workspace);

    await page.goto(server.url);
    await page.getByLabel('Username').fill('admin');
    await page.getByLabel('Password').fill(server.adminPassword);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByLabel('Purpose', { exact: true }).fill('Load test');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByLabel('Open workspace JSON').setInputFiles(file);
    await expect
      .poll(() => page.getByTestId('status-counts').innerText(), { timeout: 120_000 })
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
