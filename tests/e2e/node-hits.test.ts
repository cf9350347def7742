/**
 * A click anywhere on a node's body selects it, the exact centre of every shape included, and two
 * clicks in different places are never a double click.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { addBySearch, hook, nodePoint, signIn, waitUntil } from './flows.ts';
import { useExplorerSession } from './session.ts';

/** One demo node per shape that has a vertex on the vertical through its centre, and a plain one. */
const NODES = [
  { query: 'Mimo', option: /Mohamed Djeha/ }, // Person: ellipse
  { query: 'DEA information', option: /DEA information on a cocaine shipment/ }, // Event: diamond
  { query: 'Informant M-1', option: /Informant M-1/ }, // Informant: star
  { query: 'French national police', option: /French national police/ }, // Agency: hexagon
  { query: 'banana containers', option: /Cocaine in two banana containers/ }, // Shipment: barrel
];

/** The node's page position once layout and framing animations have stopped moving it. */
async function settledPoint(page: Page, id: string): Promise<{ x: number; y: number }> {
  let last = await nodePoint(page, id);
  for (let tries = 0; tries < 50; tries += 1) {
    await page.waitForTimeout(100);
    const now = await nodePoint(page, id);
    if (now.x === last.x && now.y === last.y) return now;
    last = now;
  }
  throw new Error(`node ${id} never stopped moving`);
}

describe('clicking a node', () => {
  const session = useExplorerSession();

  it('selects it when clicked at the exact centre of its shape', async () => {
    const { page } = session.browser;
    await page.goto(session.server.url);
    await signIn(page, { password: session.server.adminPassword, purpose: 'Node hit check' });
    const box = await page.getByTestId('graph-canvas').boundingBox();
    if (!box) throw new Error('no canvas');
    // One node at a time, alone on the canvas: it is framed at the centre at the zoom cap, where a
    // click lands on the node's exact centre in model coordinates.
    const missed: string[] = [];
    for (const node of NODES) {
      const id = await addBySearch(page, node);
      const centre = await settledPoint(page, id);
      await page.mouse.click(box.x + 20, box.y + box.height / 2);
      await waitUntil(page, 'nothing selected', async () => (await hook(page, (h) => h.selectedIds())).length === 0);
      await page.mouse.click(centre.x, centre.y);
      let selected: string[] = [];
      for (let tries = 0; tries < 20 && !(selected.length === 1 && selected[0] === id); tries += 1) {
        await page.waitForTimeout(100);
        selected = await hook(page, (h) => h.selectedIds());
      }
      if (selected.length !== 1 || selected[0] !== id) {
        missed.push(`${id} (selected: ${selected.join(', ') || 'none'})`);
        break;
      }
      // A click elsewhere just before must not turn this click into a double click (an expansion).
      const drawn = await hook(page, (h) => h.nodeCount());
      if (drawn !== 1) {
        missed.push(`${id} (expanded to ${drawn} nodes by two clicks in different places)`);
        break;
      }
      await page.getByRole('button', { name: /^Undo Add / }).click();
      await waitUntil(page, 'an empty canvas', async () => (await hook(page, (h) => h.nodeCount())) === 0);
    }
    expect(missed).toEqual([]);
  });
});
