import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { callApi, signInByApi } from './api.ts';
import { ARTIFACTS } from './browser.ts';
import { addBySearch, clickPoint, hook, setLegend, signIn, waitUntil } from './flows.ts';
import { useExplorerSession } from './session.ts';

const OFFICER_A = 'person-ofast-officer-a';
const OFFICER_B = 'person-ofast-officer-b';

/** The hook's readers this file needs beyond flows.ts (the id travels as an argument). */
interface OpsHook {
  labelOf(id: string): string | undefined;
  drawnSize(id: string): number | undefined;
}
const read = <T>(page: Page, id: string, what: 'labelOf' | 'drawnSize') =>
  page.evaluate(({ nodeId, fn }) => (window as unknown as { __maillon?: OpsHook }).__maillon?.[fn](nodeId), {
    nodeId: id,
    fn: what,
  }) as Promise<T | undefined>;

const visibleIds = (page: Page) => hook(page, (h) => h.visibleNodeIds());
const heldEdges = async (page: Page) => (await hook(page, (h) => h.heldElements())).relationships;

async function shiftClick(page: Page, id: string): Promise<void> {
  const at = await clickPoint(page, id);
  await page.keyboard.down('Shift');
  await page.mouse.click(at.x, at.y);
  await page.keyboard.up('Shift');
}

describe('analyst operations: collapse events, group, style rules, SVG chart', () => {
  const session = useExplorerSession();

  it('collapses the events two officers share into direct links, and restores them when turned off', async () => {
    const { page } = session.browser;
    await page.goto(session.server.url);
    await signIn(page, { password: session.server.adminPassword, purpose: 'Case 2025-117 analyst operations e2e' });
    await addBySearch(page, { query: 'Ofast officer A', option: /Ofast officer A/ });
    await page.getByRole('button', { name: 'Expand selected' }).click();
    await waitUntil(page, 'the neighbours drawn', async () => (await visibleIds(page)).length > 1);
    // Officer B is two steps away, through the events: expand everything drawn once more.
    const drawn = (await visibleIds(page)).length;
    await page.getByTestId('graph-canvas').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+a');
    await waitUntil(page, 'all selected', async () => (await hook(page, (h) => h.selectedIds())).length === drawn);
    await page.getByRole('button', { name: 'Expand selected' }).click();
    await waitUntil(page, 'officer B drawn', async () => (await visibleIds(page)).includes(OFFICER_B));
    await waitUntil(page, 'the expansion settled', async () => {
      const now = (await visibleIds(page)).length;
      await page.waitForTimeout(300);
      return (await visibleIds(page)).length === now;
    });
    const before = await visibleIds(page);
    const events: string[] = [];
    for (const id of before) if ((await read<string>(page, id, 'labelOf')) === 'Event') events.push(id);
    expect(events.length).toBeGreaterThan(0);

    await page.getByRole('tab', { name: 'View' }).click();
    await page.getByLabel('Collapse events into direct links').check();
    await waitUntil(
      page,
      'the events collapsed',
      async () => !(await visibleIds(page)).some((id) => events.includes(id)),
    );
    const links = (await heldEdges(page)).filter((e) => e.type === 'VIA_EVENT');
    const pair = links.filter((e) => [e.source, e.target].sort().join() === [OFFICER_A, OFFICER_B].sort().join());
    // Custody and indictment: one link per event the two share.
    expect(pair.length).toBeGreaterThanOrEqual(2);
    expect(pair.every((e) => events.some((event) => e.id.includes(event)))).toBe(true);
    const legend = page.getByRole('complementary', { name: 'Legend' });
    await expect.poll(() => legend.innerText()).toMatch(/linked through an event/);
    // The status line counts what is drawn: the events are not.
    const status = await page.getByText(/\d+ nodes · \d+ relationships/).innerText();
    expect(status).toContain(`${(await visibleIds(page)).length} nodes`);
    await session.browser.screenshot('analyst-ops-01-collapsed');

    await page.getByLabel('Collapse events into direct links').uncheck();
    await waitUntil(page, 'the events back', async () => (await visibleIds(page)).length === before.length);
    expect((await visibleIds(page)).sort()).toEqual([...before].sort());
    expect((await heldEdges(page)).some((e) => e.type === 'VIA_EVENT')).toBe(false);
    expect(session.browser.errors).toEqual([]);
  });

  it('groups the two officers into one node, opens it again, and undoes both', async () => {
    const { page } = session.browser;
    const before = (await visibleIds(page)).sort();
    await page.getByTestId('graph-canvas').click({ position: { x: 5, y: 5 } });
    await shiftClick(page, OFFICER_A);
    await shiftClick(page, OFFICER_B);
    await waitUntil(page, 'both officers selected', async () => {
      const selected = await hook(page, (h) => h.selectedIds());
      return selected.includes(OFFICER_A) && selected.includes(OFFICER_B);
    });
    await page.getByLabel('Group name').fill('Ofast Marseille pair');
    await page.getByRole('button', { name: /^Group \d+ selected$/ }).click();
    let groupId = '';
    await waitUntil(page, 'the group drawn', async () => {
      groupId = (await visibleIds(page)).find((id) => id.startsWith('group:')) ?? '';
      return groupId !== '';
    });
    const shown = await visibleIds(page);
    expect(shown).not.toContain(OFFICER_A);
    expect(shown).not.toContain(OFFICER_B);
    // The officers' links now end at the group.
    const routed = (await heldEdges(page)).filter((e) => e.source === groupId || e.target === groupId);
    expect(routed.length).toBeGreaterThan(2);
    await expect
      .poll(() => page.getByRole('list', { name: 'Groups' }).innerText())
      .toMatch(/Ofast Marseille pair \(2\)/);
    await session.browser.screenshot('analyst-ops-02-grouped');

    await page.getByRole('button', { name: 'Open group Ofast Marseille pair' }).click();
    await waitUntil(page, 'the officers back', async () => (await visibleIds(page)).includes(OFFICER_A));
    expect((await visibleIds(page)).sort()).toEqual(before);

    // Undo brings the group back; a second undo takes the grouping back too.
    await page.getByTestId('graph-canvas').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+z');
    await waitUntil(page, 'the group back by undo', async () => (await visibleIds(page)).includes(groupId));
    // A double-click opens it too: there is nothing on the server to expand a group with.
    const at = await clickPoint(page, groupId);
    await page.mouse.dblclick(at.x, at.y);
    await waitUntil(page, 'the group opened by double-click', async () => !(await visibleIds(page)).includes(groupId));
    expect((await visibleIds(page)).sort()).toEqual(before);
    await page.keyboard.press('Control+z');
    await waitUntil(page, 'the group back again', async () => (await visibleIds(page)).includes(groupId));
    await page.keyboard.press('Control+z');
    await waitUntil(page, 'the grouping undone', async () => !(await visibleIds(page)).includes(groupId));
    expect((await visibleIds(page)).sort()).toEqual(before);
    expect(session.browser.errors).toEqual([]);
  });

  it('sizes nodes by the links drawn and says so in the legend', async () => {
    const { page } = session.browser;
    const usual = await read<number>(page, OFFICER_A, 'drawnSize');
    await page.getByLabel('Node size').selectOption('degree');
    await waitUntil(page, 'sizes applied', async () => (await read<number>(page, OFFICER_A, 'drawnSize')) !== usual);
    const sizes: number[] = [];
    for (const id of await visibleIds(page)) sizes.push((await read<number>(page, id, 'drawnSize')) ?? 0);
    expect(Math.max(...sizes)).toBe(80);
    expect(Math.min(...sizes)).toBeLessThan(Math.max(...sizes));
    await setLegend(page, true);
    const legend = page.getByRole('complementary', { name: 'Legend' });
    await expect.poll(() => legend.innerText()).toMatch(/Node size: links drawn, larger is more/);
    expect(session.browser.errors).toEqual([]);
  });

  it('draws PAID relationships thicker by amount and says so in the legend', async () => {
    const { page } = session.browser;
    // The demo data states no amount paid: two payments between the officers, loaded by an admin.
    const admin = await signInByApi(session.server, { username: 'admin', password: session.server.adminPassword });
    const pay = (id: string, from: string, to: string, amount: number) =>
      `MATCH (a:Person {id: '${from}'}), (b:Person {id: '${to}'}) CREATE (a)-[:PAID {id: '${id}', amount: ${amount}, currency: 'EUR', sources: ['doc-thelocal-2025-04-05']}]->(b);`;
    const imported = await callApi<{ importCypher: { ok: boolean } }>(session.server, {
      query: 'mutation Import($s: String!) { importCypher(script: $s) { ok } }',
      variables: {
        s: [
          pay('rel-paid-e2e-large', OFFICER_A, OFFICER_B, 5000),
          pay('rel-paid-e2e-small', OFFICER_B, OFFICER_A, 50),
        ].join('\n'),
      },
      token: admin,
    });
    expect(imported.data?.importCypher.ok).toBe(true);
    await page.getByTestId('graph-canvas').click({ position: { x: 5, y: 5 } });
    await shiftClick(page, OFFICER_A);
    await page.getByRole('button', { name: 'Expand selected' }).click();
    await waitUntil(page, 'the payments drawn', async () => {
      const ids = (await heldEdges(page)).map((e) => e.id);
      return ids.includes('rel-paid-e2e-large') && ids.includes('rel-paid-e2e-small');
    });
    const usual = await read<number>(page, 'rel-paid-e2e-large', 'drawnSize');
    await page.getByLabel('Edge thickness').selectOption('amount');
    await waitUntil(
      page,
      'thickness applied',
      async () => (await read<number>(page, 'rel-paid-e2e-large', 'drawnSize')) !== usual,
    );
    expect(await read<number>(page, 'rel-paid-e2e-large', 'drawnSize')).toBe(12);
    const small = (await read<number>(page, 'rel-paid-e2e-small', 'drawnSize')) ?? 0;
    expect(small).toBeGreaterThan(1.5);
    expect(small).toBeLessThan(4);
    await setLegend(page, true);
    const legend = page.getByRole('complementary', { name: 'Legend' });
    await expect.poll(() => legend.innerText()).toMatch(/Edge thickness: amount paid, thicker is more \(50 to 5,000/);
    await session.browser.screenshot('analyst-ops-03-styled');
    expect(session.browser.errors).toEqual([]);
  });

  it('exports an SVG chart with the typed title, purpose, date and legend, without the selection ring', async () => {
    const { page } = session.browser;
    await page.getByLabel('Collapse events into direct links').check();
    const title = 'Affaire Ofast Marseille: les deux officiers';
    await page.getByLabel('Chart title').fill(title);
    await page.getByTestId('graph-canvas').click({ position: { x: 5, y: 5 } });
    await shiftClick(page, OFFICER_A);
    await waitUntil(page, 'a node selected', async () => (await hook(page, (h) => h.selectedIds())).length > 0);
    const selected = await hook(page, (h) => h.selectedIds());
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export SVG' }).click(),
    ]);
    const file = path.join(ARTIFACTS, 'analyst-chart.svg');
    await download.saveAs(file);
    const svg = fs.readFileSync(file, 'utf8');
    expect(svg).toContain(`<title>${title}</title>`);
    expect(svg).toContain('Purpose: Case 2025-117 analyst operations e2e · exported ');
    const date = /exported (\d{4}-\d{2}-\d{2}T[\d:.]+Z)/.exec(svg)?.[1] ?? '';
    expect(Date.now() - Date.parse(date)).toBeLessThan(10 * 60_000);
    expect(svg).toContain('>Legend</text>');
    expect(svg).toContain('>Person</text>');
    expect(svg).toContain('Node size: links drawn, larger is more');
    expect(svg).toContain('Edge thickness: amount paid');
    expect(svg).toContain('stroke-width="12"');
    expect(svg).toContain('linked through an event');
    expect(svg).toContain('>Ofast officer A</text>');
    expect(svg.toLowerCase()).not.toContain('#f1c40f');
    expect(svg.toLowerCase()).not.toContain('241,196,15');
    // Nor the hover tint: the pointer rests on officer A after the click (#5dade2).
    expect(svg).not.toContain('rgb(93,173,226)');
    expect(svg).toContain('stroke="rgb(230,126,34)"');
    // The browser draws it: a well-formed SVG with the title text in it.
    const parsed = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      return { error: doc.querySelector('parsererror') !== null, title: doc.querySelector('title')?.textContent };
    }, svg);
    expect(parsed).toEqual({ error: false, title });
    expect(await hook(page, (h) => h.selectedIds())).toEqual(selected);

    // The PNG export takes the typed title too.
    const [png] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export chart as PNG' }).click(),
    ]);
    const pngFile = path.join(ARTIFACTS, 'analyst-chart.png');
    await png.saveAs(pngFile);
    expect(fs.readFileSync(pngFile).toString('latin1')).toContain(title);
    expect(session.browser.errors).toEqual([]);
  });
});
