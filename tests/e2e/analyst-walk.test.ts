/**
 * The analyst's walk on a generated 10,000-person network (synthetic and fictional, from the
 * project's own generator), as a new user would go through it in the explorer: find a clan by a
 * mistyped name, read it, draw and group its members, expand a hub past the default 50
 * neighbours, lay the view out with the force layout, export a titled chart, and switch to French.
 * The demo-data walks (map route, paths, red flags) have their own files; this one is the scale.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { generateNetwork } from '../../server/src/generator/index.ts';
import { callApi, signInByApi } from './api.ts';
import { ARTIFACTS } from './browser.ts';
import { addBySearch, hook, nodePoint, signIn, waitUntil } from './flows.ts';
import { useExplorerSession } from './session.ts';

const PURPOSE = 'Synthetic network walk e2e';

interface Network {
  readonly script: string;
  readonly names: ReadonlyMap<string, string>;
  /** Neighbour ids of each node, by the relationships the file creates. */
  readonly neighbours: ReadonlyMap<string, ReadonlySet<string>>;
  /** Members of each organization (MEMBER_OF rows). */
  readonly members: ReadonlyMap<string, ReadonlySet<string>>;
}

function generated(people: number): Network {
  const parts: string[] = [];
  generateNetwork({ people, seed: 7, batchSize: 500, sink: (text) => parts.push(text) });
  // The admin here has no informant clearance, and an import runs with its importer's read scope:
  // the statements that tie informants to their identities are left out (they would be refused).
  const script = parts
    .join('')
    .split('\n')
    .filter((line) => !line.includes(':IDENTIFIES_AS'))
    .join('\n');
  const names = new Map<string, string>();
  for (const m of script.matchAll(/\{id: '([^']+)', name: '((?:[^'\\]|\\.)*)'/g)) names.set(m[1] ?? '', m[2] ?? '');
  const neighbours = new Map<string, Set<string>>();
  const members = new Map<string, Set<string>>();
  const add = (map: Map<string, Set<string>>, key: string, value: string) =>
    map.set(key, (map.get(key) ?? new Set()).add(value));
  for (const line of script.split('\n')) {
    if (!line.includes('MATCH')) continue;
    const memberOf = line.includes(':MEMBER_OF');
    for (const m of line.matchAll(/\{a: '([^']+)', b: '([^']+)'/g)) {
      const [a, b] = [m[1] ?? '', m[2] ?? ''];
      add(neighbours, a, b);
      add(neighbours, b, a);
      if (memberOf) add(members, b, a);
    }
  }
  return { script, names, neighbours, members };
}

const positions = (page: Page, ids: readonly string[]) =>
  page.evaluate(
    (list) =>
      list.map(
        (id) =>
          (
            window as unknown as { __maillon: { renderedPosition(id: string): { x: number; y: number } | undefined } }
          ).__maillon.renderedPosition(id) ?? { x: 0, y: 0 },
      ),
    ids,
  );

/** Square root of the ratio of the point cloud's two principal variances: 0 for a line, 1 for a disc. */
function flatness(points: ReadonlyArray<{ x: number; y: number }>): number {
  const n = points.length;
  const mx = points.reduce((a, p) => a + p.x, 0) / n;
  const my = points.reduce((a, p) => a + p.y, 0) / n;
  let [xx, yy, xy] = [0, 0, 0];
  for (const p of points) {
    xx += (p.x - mx) ** 2;
    yy += (p.y - my) ** 2;
    xy += (p.x - mx) * (p.y - my);
  }
  const half = (xx + yy) / 2;
  const root = Math.sqrt(((xx - yy) / 2) ** 2 + xy ** 2);
  return half + root === 0 ? 0 : Math.sqrt(Math.max(0, half - root) / (half + root));
}

describe('an analyst on a generated 10,000-person network', () => {
  const network = generated(10_000);
  const session = useExplorerSession({
    seed: 'none',
    // Reading a hub and its neighbours is bulk work: raised here as an admin would approve it.
    env: { MAILLON_READ_LIMIT_ADMIN: '100000/200000', MAILLON_MAX_BODY_BYTES: String(32 * 1024 * 1024) },
  });

  it('loads the generated file through the import', async () => {
    const admin = await signInByApi(session.server, { username: 'admin', password: session.server.adminPassword });
    const imported = await callApi<{ importCypher: { ok: boolean; nodesCreated: number; errors: unknown[] } }>(
      session.server,
      {
        query:
          'mutation Import($s: String!) { importCypher(script: $s) { ok nodesCreated errors { statement line column message } } }',
        variables: { s: network.script },
        token: admin,
        purpose: PURPOSE,
      },
    );
    expect(imported.errors ?? []).toEqual([]);
    expect(imported.data?.importCypher.errors).toEqual([]);
    expect(imported.data?.importCypher.ok).toBe(true);
    expect(imported.data?.importCypher.nodesCreated).toBeGreaterThan(10_000);
  }, 300_000);

  it('finds a clan by a mistyped name, draws its members and groups them into one node', async () => {
    const { page } = session.browser;
    await page.goto(session.server.url);
    await signIn(page, { password: session.server.adminPassword, purpose: PURPOSE });
    // The largest clan, and its name with one letter dropped (one edit: the typo the search forgives).
    const [clan, members] = [...network.members.entries()].sort((a, b) => b[1].size - a[1].size)[0] ?? [];
    if (!clan || !members) throw new Error('the generated network has no clan');
    const name = network.names.get(clan) ?? '';
    const word = name.split(' ').find((w) => w.length >= 5) ?? '';
    expect(word, `a word of five letters or more in ${name}`).not.toBe('');
    const typo = word.slice(0, 2) + word.slice(3);
    expect(await addBySearch(page, { query: typo, option: new RegExp(name) })).toBe(clan);
    const details = page.getByRole('region', { name: `Details of ${name}` });
    await details.waitFor();

    await details.getByRole('button', { name: 'Expand', exact: true }).click();
    await waitUntil(page, 'the members drawn', async () => {
      const drawn = new Set(await hook(page, (h) => h.visibleNodeIds()));
      return [...members].every((id) => drawn.has(id));
    });
    // Every member selected, the clan itself left out: Ctrl+A, then a shift-click on the clan.
    const drawn = await hook(page, (h) => h.visibleNodeIds());
    await page.getByTestId('graph-canvas').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+a');
    await waitUntil(
      page,
      'all selected',
      async () => (await hook(page, (h) => h.selectedIds())).length === drawn.length,
    );
    const at = await nodePoint(page, clan);
    await page.keyboard.down('Shift');
    await page.mouse.click(at.x, at.y);
    await page.keyboard.up('Shift');
    await waitUntil(page, 'the clan left out', async () => !(await hook(page, (h) => h.selectedIds())).includes(clan));
    const selected = (await hook(page, (h) => h.selectedIds())).length;

    await page.getByRole('tab', { name: 'View' }).click();
    await page.getByLabel('Group name').fill(`${name}: members`);
    await page.getByRole('button', { name: `Group ${selected} selected` }).click();
    await waitUntil(page, 'the group drawn', async () =>
      (await hook(page, (h) => h.visibleNodeIds())).some((id) => id.startsWith('group:')),
    );
    await expect
      .poll(() => page.getByRole('list', { name: 'Groups' }).innerText())
      .toContain(`${name}: members (${selected})`);
    const shown = new Set(await hook(page, (h) => h.visibleNodeIds()));
    expect([...members].filter((id) => shown.has(id))).toEqual([]);
    expect(shown.has(clan)).toBe(true);
    await session.browser.screenshot('walk-01-clan-grouped');
    expect(session.browser.errors).toEqual([]);
  }, 180_000);

  it('expands a hub past the default 50 neighbours once the cap is raised, and draws all the server gives', async () => {
    const { page } = session.browser;
    const [hub, around] = [...network.neighbours.entries()]
      .filter(([id]) => id.startsWith('loc'))
      .sort((a, b) => b[1].size - a[1].size)[0] ?? ['', new Set<string>()];
    expect(around.size, 'the hub has more than 50 neighbours').toBeGreaterThan(50);
    expect(around.size, 'and fewer than the highest cap').toBeLessThan(1000);
    const name = network.names.get(hub) ?? '';
    expect(await addBySearch(page, { query: name, option: new RegExp(`^Location ${name}$`) })).toBe(hub);

    await page.getByRole('tab', { name: 'Details' }).click();
    await page.locator('.expand-options summary').click();
    await page.locator('.expand-options').getByLabel('Cap').fill('1000');
    await expect.poll(() => page.locator('.expand-options summary').innerText()).toMatch(/up to 1000/);
    await page
      .getByRole('region', { name: `Details of ${name}` })
      .getByRole('button', { name: 'Expand', exact: true })
      .click();
    await waitUntil(page, 'the hub expanded', async () => {
      const { relationships } = await hook(page, (h) => h.heldElements());
      return relationships.filter((r) => r.source === hub || r.target === hub).length >= around.size;
    });
    const { relationships } = await hook(page, (h) => h.heldElements());
    const drawnAround = new Set(
      relationships
        .filter((r) => r.source === hub || r.target === hub)
        .map((r) => (r.source === hub ? r.target : r.source)),
    );
    // Every neighbour the file gave the hub is drawn (grouped members count through their group).
    const held = new Set((await hook(page, (h) => h.heldElements())).nodeIds);
    expect([...around].filter((id) => !held.has(id))).toEqual([]);
    expect(drawnAround.size).toBeGreaterThan(50);
    expect(await page.getByText(/raise the cap/).count()).toBe(0);
    expect(session.browser.errors).toEqual([]);
  }, 180_000);

  it('lays the view out with the force layout and keeps answering while it runs', async () => {
    const { page } = session.browser;
    const ids = await hook(page, (h) => h.visibleNodeIds());
    expect(ids.length).toBeGreaterThan(300);
    const before = await positions(page, ids);
    await page.getByLabel('Layout').selectOption('fcose');
    // The page answers a click while the layout works (it runs in a worker).
    await page.getByRole('tab', { name: 'View' }).click();
    await waitUntil(
      page,
      'the layout applied',
      async () => JSON.stringify(await positions(page, ids)) !== JSON.stringify(before),
    );
    // A picture, not a heap or a line: a star drawn by fcose's spectral step once lay on one
    // diagonal. The narrower principal axis of the points is a good part of the wider one.
    expect(flatness(await positions(page, ids))).toBeGreaterThan(0.3);
    await session.browser.screenshot('walk-02-force-layout');
    expect(session.browser.errors).toEqual([]);
  }, 240_000);

  it('exports a titled chart and carries on in French', async () => {
    const { page } = session.browser;
    await page.getByRole('tab', { name: 'View' }).click();
    const title = 'Réseau synthétique : le clan et son port';
    await page.getByLabel('Chart title').fill(title);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export SVG' }).click(),
    ]);
    const file = path.join(ARTIFACTS, 'walk-chart.svg');
    await download.saveAs(file);
    const svg = fs.readFileSync(file, 'utf8');
    expect(svg).toContain(`<title>${title}</title>`);
    expect(svg).toContain(`Purpose: ${PURPOSE}`);
    expect(svg).toContain(': members</text>');

    await page.getByLabel('Langue / Language').selectOption('fr');
    await expect.poll(() => page.getByTestId('status-counts').innerText()).toMatch(/\d+ nœuds/);
    await page.getByRole('tab', { name: 'Vue' }).click();
    await expect.poll(() => page.getByRole('list', { name: 'Groupes' }).innerText()).toContain(': members');
    await session.browser.screenshot('walk-03-french');
    expect(session.browser.errors).toEqual([]);
  }, 120_000);
});
