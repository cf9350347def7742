/**
 * Issue 15, paths: "no way to exclude a label (the first path from Djeha to the IGPN runs
 * through the country France), no length setting, old results stay when the ends change; no
 * 'find connections' among a set of nodes". Walked on the demo data in Chromium.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { addBySearch, hook, signIn, waitUntil } from './flows.ts';
import { useExplorerSession } from './session.ts';

const FRANCE = 'location-france';

const pathsFound = (page: Page) => page.getByRole('list', { name: 'Paths found' });

async function pathEnd(page: Page, end: 'Path from here' | 'Path to here'): Promise<void> {
  await page.getByRole('tab', { name: 'Details' }).click();
  await page.getByRole('button', { name: end }).click();
}

describe('paths an analyst can steer', () => {
  const session = useExplorerSession();

  it('finds the connections among three selected nodes, every pair shown together', async () => {
    const { page } = session.browser;
    await page.goto(session.server.url);
    await signIn(page, { password: session.server.adminPassword, purpose: 'Case e2e paths' });
    for (const [query, option] of [
      ['Djeha', /Mohamed Djeha/],
      ['IGPN', /^Agency\s*IGPN/],
      ['Ofast', /^Agency\s*Ofast\b/],
    ] as const) {
      await addBySearch(page, { query, option });
    }
    await page.locator('[data-testid="graph-canvas"]').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+a');
    await waitUntil(page, 'three selected', async () => (await hook(page, (h) => h.selectedIds())).length === 3);
    await page.getByRole('tab', { name: 'Paths' }).click();
    await page.getByRole('button', { name: 'Connections among 3 selected' }).click();
    const pairs = page.getByRole('list', { name: 'Connections found' }).getByTestId('connection-pair');
    await pairs.first().waitFor();
    expect(await pairs.count()).toBe(3);
    const texts = await pairs.allInnerTexts();
    const heads = texts.map((text) => (text.split('\n')[0] ?? '').split(' — ').sort().join(' + '));
    expect(heads.sort()).toEqual(['IGPN + Mohamed Djeha', 'IGPN + Ofast', 'Mohamed Djeha + Ofast']);
    for (const text of texts) expect(text).toMatch(/Path \d: \d steps?/);
    expect((await hook(page, (h) => h.highlightedIds())).length).toBeGreaterThan(3);
  });

  // Issue 15: "with several nodes selected the details show only the last".
  it('details of the three selected: counts by label and the neighbours they share on the canvas', async () => {
    const { page } = session.browser;
    const selected = await hook(page, (h) => h.selectedIds());
    expect(selected).toHaveLength(3);
    await page.getByRole('tab', { name: 'Details' }).click();
    const summary = page.getByRole('region', { name: 'Selection' });
    expect(await summary.getByRole('heading', { level: 2 }).innerText()).toBe('3 nodes selected');
    expect(await summary.getByRole('list', { name: 'Selected by label' }).innerText()).toMatch(
      /Agency\s+2[\s\S]*Person\s+1/,
    );
    // What the canvas holds decides which neighbours are shared, not the panel.
    const { relationships } = await hook(page, (h) => h.heldElements());
    const touching = new Map<string, Set<string>>();
    for (const r of relationships) {
      for (const [mine, other] of [
        [r.source, r.target],
        [r.target, r.source],
      ] as const) {
        if (selected.includes(mine) && !selected.includes(other))
          touching.set(other, new Set([...(touching.get(other) ?? []), mine]));
      }
    }
    const expected = [...touching.values()].filter((set) => set.size >= 2).length;
    expect(expected).toBeGreaterThan(0);
    const shared = summary.getByRole('list', { name: 'Shared neighbours' }).getByRole('listitem');
    expect(await shared.count()).toBe(expected);
    for (const text of await shared.allInnerTexts()) expect(text).toMatch(/linked to [23] of 3/);
    // The last selected node's own details are still there below.
    expect(await page.getByRole('region', { name: /^Details of / }).count()).toBe(1);
  });

  it('from Djeha to the IGPN: around France once Location is excluded, cleared when an end changes', async () => {
    const { page } = session.browser;
    await addBySearch(page, { query: 'Djeha', option: /Mohamed Djeha/ });
    await pathEnd(page, 'Path from here');
    await addBySearch(page, { query: 'IGPN', option: /^Agency\s*IGPN/ });
    await pathEnd(page, 'Path to here');
    await page.getByRole('button', { name: 'Find paths' }).click();
    await pathsFound(page).waitFor();
    expect(await pathsFound(page).innerText()).toContain('France');
    expect(await hook(page, (h) => h.highlightedIds())).toContain(FRANCE);

    await page.getByTestId('path-settings-summary').click();
    await page.getByRole('group', { name: 'Do not pass through' }).getByLabel('Location').check();
    await page.getByLabel('Longest path (steps)').fill('5');
    await expect
      .poll(() => page.getByTestId('path-settings-summary').innerText())
      .toBe('Settings: up to 5 steps, not through Location');
    // New settings, new question: the old answer is gone.
    expect(await pathsFound(page).count()).toBe(0);
    await page.getByRole('button', { name: 'Find paths' }).click();
    await pathsFound(page).waitFor();
    const around = await pathsFound(page).innerText();
    expect(around).toMatch(/Mohamed Djeha/);
    expect(around).not.toContain('France');
    const highlighted = await hook(page, (h) => h.highlightedIds());
    expect(highlighted).toEqual(expect.arrayContaining(['person-mohamed-djeha', 'agency-igpn']));
    expect(highlighted).not.toContain(FRANCE);

    // A new end: the paths to the IGPN no longer stand under it.
    await addBySearch(page, { query: 'Ofast', option: /^Agency\s*Ofast\b/ });
    await pathEnd(page, 'Path to here');
    await expect.poll(() => page.getByTestId('path-to').innerText()).toBe('Ofast');
    expect(await pathsFound(page).count()).toBe(0);
    expect(await hook(page, (h) => h.highlightedIds())).toEqual([]);
  });
});
