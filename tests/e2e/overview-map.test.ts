/**
 * Finding one's way on a large view: the overview map moves the view, the zoom buttons and the
 * wheel zoom a useful amount, zoom to selection and a search hit bring the node to the middle, and
 * captions give way when zoomed out. Read from Cytoscape through the test hook; no timings.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, openBrowser, type BrowserSession } from './browser.ts';
import { callApi, signInByApi } from './api.ts';
import { hook, signIn, waitUntil } from './flows.ts';
import { startServer, type RunningServer } from './server.ts';

const COLUMNS = 50;
const ROWS = 30;
const SPACING = 90;
/** Links along the rows: with the 1,500 nodes, 2,200 elements, past the large-view threshold (2,000). */
const LINKS = 700;

const idAt = (column: number, row: number) => `q${row * COLUMNS + column}`;
const TOP_LEFT = idAt(0, 0);
const BOTTOM_RIGHT = idAt(COLUMNS - 1, ROWS - 1);
const MIDDLE = idAt(25, 15);
/** The node the analyst searches for: well off the middle, so that centring it is a visible move. */
const SOUGHT = idAt(40, 5);

/** Persons on a grid (the view file carries the positions, so no layout runs), as an import and a view file. */
function gridNetwork(): { script: string; workspace: string } {
  const cells = Array.from({ length: COLUMNS * ROWS }, (_, i) => ({
    id: `q${i}`,
    name: `Grid person ${`q${i}`}`,
    x: (i % COLUMNS) * SPACING,
    y: Math.floor(i / COLUMNS) * SPACING,
  }));
  const links = cells
    .filter((cell) => cell.x < (COLUMNS - 1) * SPACING)
    .slice(0, LINKS)
    .map((cell, i) => ({ id: `g${i}`, source: cell.id, target: `q${Number(cell.id.slice(1)) + 1}` }));
  const rows = (value: unknown) => JSON.stringify(value).replace(/"(\w+)":/g, '$1:');
  const script = [
    `UNWIND ${rows(cells.map(({ id, name }) => ({ id, name })))} AS row CREATE (:Person {id: row.id, name: row.name});`,
    `UNWIND ${rows(links)} AS row MATCH (a:Person {id: row.source}), (b:Person {id: row.target}) ` +
      'CREATE (a)-[:ASSOCIATE_OF {id: row.id}]->(b);',
  ].join('\n');
  const workspace = JSON.stringify({
    format: 'maillon-workspace',
    version: 1,
    nodes: cells.map(({ id, name }) => ({ id, label: 'Person', name, properties: {}, sources: [] })),
    relationships: links.map((l) => ({ ...l, type: 'ASSOCIATE_OF', properties: {}, sources: [] })),
    hidden: [],
    pinned: [],
    omitted: {},
    positions: Object.fromEntries(cells.map(({ id, x, y }) => [id, { x, y }])),
  });
  return { script, workspace };
}

/** How far a node is drawn from the middle of the canvas, as a share of the canvas's width and height. */
async function offCentre(page: Page, id: string): Promise<{ x: number; y: number }> {
  const size = await hook(page, (h) => h.size());
  const at = await page.evaluate(
    (nodeId) =>
      (
        window as unknown as { __maillon?: { renderedPosition(id: string): { x: number; y: number } | undefined } }
      ).__maillon?.renderedPosition(nodeId),
    id,
  );
  if (!at) throw new Error(`${id} is not drawn`);
  return { x: Math.abs(at.x - size.width / 2) / size.width, y: Math.abs(at.y - size.height / 2) / size.height };
}

const centred = async (page: Page, id: string) => {
  const off = await offCentre(page, id);
  return off.x < 0.05 && off.y < 0.05;
};

const captionShown = (page: Page, id: string) =>
  page.evaluate(
    (nodeId) =>
      (window as unknown as { __maillon?: { captionShown(id: string): boolean | undefined } }).__maillon?.captionShown(
        nodeId,
      ),
    id,
  );

describe('navigating a large view (1,500 nodes on a grid)', () => {
  let server: RunningServer;
  let browser: BrowserSession;

  beforeAll(async () => {
    server = await startServer({ seed: 'none', env: { MAILLON_READ_LIMIT_ADMIN: '100000/200000' } });
    const network = gridNetwork();
    const admin = await signInByApi(server, { username: 'admin', password: server.adminPassword });
    const imported = await callApi<{ importCypher: { ok: boolean } }>(server, {
      query: 'mutation Import($s: String!) { importCypher(script: $s) { ok } }',
      variables: { s: network.script },
      token: admin,
      purpose: 'Navigation test',
    });
    expect(imported.errors ?? []).toEqual([]);
    expect(imported.data?.importCypher.ok).toBe(true);
    browser = await openBrowser();
    // The WebGL path, asked for: this browser's WebGL is software, where the canvas renderer is chosen.
    await browser.page.addInitScript(() => window.localStorage.setItem('maillon.renderer', 'webgl'));
    const file = path.join(ARTIFACTS, 'grid-workspace.json');
    fs.writeFileSync(file, network.workspace);
    const { page } = browser;
    await page.goto(server.url);
    await signIn(page, { password: server.adminPassword, purpose: 'Navigation test' });
    await page.getByLabel('Open workspace JSON').setInputFiles(file);
    // expect.poll belongs inside a test: wait for the whole view to be drawn with Playwright instead.
    await page
      .getByTestId('status-counts')
      .filter({ hasText: '1500 nodes · 700 relationships' })
      .waitFor({ timeout: 120_000 });
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('draws the large view with WebGL, fitted, captions hidden', async () => {
    const { page } = browser;
    expect(await hook(page, (h) => (h as unknown as { renderer: string }).renderer)).toBe('webgl');
    await page.getByRole('button', { name: 'Fit' }).click();
    expect(await hook(page, (h) => h.zoom())).toBeLessThan(0.5);
    // The WebGL renderer ignores min-zoomed-font-size: without the level of detail every caption was drawn.
    await browser.screenshot('overview-fitted');
    for (const id of [TOP_LEFT, MIDDLE, BOTTOM_RIGHT]) expect(await captionShown(page, id), id).toBe(false);
  });

  it('zooms a useful amount with the wheel and with the buttons, and shows captions close up', async () => {
    const { page } = browser;
    const zoom = () => hook(page, (h) => h.zoom());
    const fitted = await zoom();
    const box = await page.getByTestId('graph-canvas').boundingBox();
    if (!box) throw new Error('no canvas');
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    // Ten notches of a mouse wheel: Cytoscape's own handling zoomed 1.1× in all.
    for (let i = 0; i < 10; i += 1) await page.mouse.wheel(0, -100);
    await waitUntil(page, 'the wheel zoom applied', async () => (await zoom()) > fitted);
    expect((await zoom()) / fitted).toBeGreaterThan(2.5);

    await page.getByRole('button', { name: 'Fit' }).click();
    const refitted = await zoom();
    expect(refitted).toBeLessThan(0.5);
    await page.getByRole('button', { name: 'Zoom in' }).click();
    expect(await zoom()).toBeGreaterThan(refitted);
    await page.getByRole('button', { name: 'Zoom out' }).click();
    await page.getByRole('button', { name: 'Zoom out' }).click();
    expect(await zoom()).toBeLessThan(refitted);

    for (let i = 0; i < 20 && (await zoom()) < 1; i += 1) await page.getByRole('button', { name: 'Zoom in' }).click();
    expect(await zoom()).toBeGreaterThanOrEqual(1);
    expect(await captionShown(page, MIDDLE)).toBe(true);
    await browser.screenshot('overview-zoomed-in');
    await page.getByRole('button', { name: 'Fit' }).click();
    expect(await captionShown(page, MIDDLE)).toBe(false);
  });

  it('moves the view to where the overview map is clicked or dragged', async () => {
    const { page } = browser;
    // Close up on the middle: the map's viewport box is then a small part of the map.
    while ((await hook(page, (h) => h.zoom())) < 1) await page.getByRole('button', { name: 'Zoom in' }).click();
    const map = page.getByTestId('overview-map');
    const mapBox = await map.boundingBox();
    if (!mapBox) throw new Error('the overview map is not shown');
    const viewportBox = async () => {
      const b = await page.getByTestId('overview-viewport').boundingBox();
      if (!b) throw new Error('no viewport box');
      return { x: b.x + b.width / 2, y: b.y + b.height / 2, width: b.width };
    };
    expect((await viewportBox()).width).toBeLessThan(mapBox.width / 2);

    // The grid fills the map; a click near the map's top-left corner brings the grid's top-left to the middle.
    const panBefore = await hook(page, (h) => h.pan());
    const topLeft = { x: mapBox.x + 10, y: mapBox.y + 20 };
    await page.mouse.click(topLeft.x, topLeft.y);
    await waitUntil(page, 'the view moved up and left', async () => {
      const pan = await hook(page, (h) => h.pan());
      return pan.x > panBefore.x && pan.y > panBefore.y;
    });
    const near = await offCentre(page, TOP_LEFT);
    expect(near.x).toBeLessThan(0.2);
    expect(near.y).toBeLessThan(0.2);
    // The map's box follows the view, into the map's top-left quarter.
    await waitUntil(page, 'the viewport box at the top left', async () => {
      const b = await viewportBox();
      return b.x < mapBox.x + mapBox.width / 4 && b.y < mapBox.y + mapBox.height / 4;
    });

    // A drag carries the view along: to the bottom-right corner.
    await page.mouse.move(topLeft.x, topLeft.y);
    await page.mouse.down();
    const bottomRight = { x: mapBox.x + mapBox.width - 10, y: mapBox.y + mapBox.height - 20 };
    await page.mouse.move(bottomRight.x, bottomRight.y, { steps: 5 });
    await page.mouse.up();
    const far = await offCentre(page, BOTTOM_RIGHT);
    expect(far.x).toBeLessThan(0.2);
    expect(far.y).toBeLessThan(0.2);
    await browser.screenshot('overview-map-dragged');
    expect(browser.errors).toEqual([]);
  });

  it('selects and centres a search hit close enough to read, and zooms back to it', async () => {
    const { page } = browser;
    await page.getByRole('button', { name: 'Fit' }).click();
    await page.getByRole('searchbox').fill(`Grid person ${SOUGHT}`);
    await page
      .getByRole('option', { name: new RegExp(`Grid person ${SOUGHT}\\b`) })
      .first()
      .click();
    await waitUntil(page, 'the search hit selected', async () => {
      const selected = await hook(page, (h) => h.selectedIds());
      return selected.length === 1 && selected[0] === SOUGHT;
    });
    await waitUntil(page, 'the search hit centred', () => centred(page, SOUGHT));
    // Close enough to read it, and its caption drawn.
    expect(await hook(page, (h) => h.zoom())).toBeGreaterThanOrEqual(1);
    expect(await captionShown(page, SOUGHT)).toBe(true);
    await browser.screenshot('overview-search-hit');

    // Zoomed out, the captions give way; zoom to selection comes back to the hit.
    await page.getByRole('button', { name: 'Fit' }).click();
    expect(await captionShown(page, SOUGHT)).toBe(false);
    expect(await centred(page, SOUGHT)).toBe(false);

    const fitted = await hook(page, (h) => h.zoom());
    await page.getByRole('button', { name: 'Zoom to selection' }).click();
    expect(await hook(page, (h) => h.zoom())).toBeGreaterThan(fitted);
    expect(await centred(page, SOUGHT)).toBe(true);
    expect(browser.errors).toEqual([]);
  });
});
