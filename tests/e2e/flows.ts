import type { Page } from 'playwright-core';

/** Read-only state the explorer exposes for tests (client/src/canvas/test-hook.ts): assert state, not pixels. */
export interface Hook {
  nodeCount(): number;
  relationshipCount(): number;
  visibleNodeIds(): string[];
  /** Every element the canvas holds, hidden ones included. */
  heldElements(): {
    nodeIds: string[];
    relationships: Array<{ id: string; type: string; source: string; target: string }>;
  };
  selectedIds(): string[];
  highlightedIds(): string[];
  dimmedIds(): string[];
  labelBoxes(): { id: string; x1: number; y1: number; x2: number; y2: number }[];
  zoom(): number;
  size(): { width: number; height: number };
  renderedPosition(id: string): { x: number; y: number } | undefined;
  captionShown(id: string): boolean | undefined;
  pan(): { x: number; y: number };
}

/** Runs `read` against the hook inside the page (the function travels as source text). */
export const hook = <T>(page: Page, read: (h: Hook) => T): Promise<T> =>
  page.evaluate((source) => {
    const h = (window as unknown as { __maillon?: Hook }).__maillon;
    if (!h) throw new Error('the explorer test hook is missing');
    return (0, eval)(`(${source})`)(h) as T;
  }, read.toString());

export const counts = async (page: Page) => ({
  nodes: await hook(page, (h) => h.nodeCount()),
  relationships: await hook(page, (h) => h.relationshipCount()),
});

export async function waitUntil(page: Page, what: string, condition: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await page.waitForTimeout(100);
  }
}

/** Signs in (as `admin` unless told otherwise) and states the purpose. */
export async function signIn(
  page: Page,
  input: { username?: string; password: string; purpose: string },
): Promise<void> {
  await page.getByLabel('Username').fill(input.username ?? 'admin');
  await page.getByLabel('Password').fill(input.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByLabel('Purpose', { exact: true }).fill(input.purpose);
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('searchbox').waitFor();
}

/** Types in the search box and puts the first result matching `option` on the canvas; returns its id. */
export async function addBySearch(page: Page, input: { query: string; option: RegExp }): Promise<string> {
  // The last query's hits first go: one of them could match `option` through its description
  // (searching "Ofast" lists an event whose description names Mohamed Djeha).
  await page.getByRole('searchbox').fill('');
  await page.getByRole('listbox').getByRole('option').first().waitFor({ state: 'detached' });
  await page.getByRole('searchbox').fill(input.query);
  const option = page.getByRole('option', { name: input.option }).first();
  await option.waitFor();
  await option.click();
  let selected: string[] = [];
  await waitUntil(page, `${input.query} selected`, async () => {
    selected = await hook(page, (h) => h.selectedIds());
    return selected.length === 1;
  });
  return selected[0] ?? '';
}

/**
 * Page coordinates of a node, for real mouse gestures, once it has stopped moving: a search
 * hit is centred with a short animation and layouts animate, so a point read mid-way misses.
 */
export async function nodePoint(page: Page, id: string): Promise<{ x: number; y: number }> {
  const read = async (): Promise<{ x: number; y: number } | undefined> => {
    const box = await page.getByTestId('graph-canvas').boundingBox();
    const at = await page.evaluate((nodeId) => {
      const h = (window as unknown as { __maillon?: Hook }).__maillon;
      return h?.renderedPosition(nodeId);
    }, id);
    return box && at ? { x: Math.round(box.x + at.x), y: Math.round(box.y + at.y) } : undefined;
  };
  let last = await read();
  await waitUntil(page, `node ${id} at rest`, async () => {
    await page.waitForTimeout(150);
    const now = await read();
    const still = now !== undefined && last !== undefined && now.x === last.x && now.y === last.y;
    last = now;
    return still;
  });
  if (!last) throw new Error(`node ${id} is not drawn`);
  return last;
}

/** Opens or closes the on-canvas legend. */
export async function setLegend(page: Page, open: boolean): Promise<void> {
  const toggle = page.getByRole('complementary', { name: 'Legend' }).getByRole('button', { name: /Legend/ });
  if ((await toggle.getAttribute('aria-expanded')) !== String(open)) await toggle.click();
}

/**
 * A node's point for a real click, once nothing lies over it: the legend with its style lines is
 * tall, and a layout may put a node under it (a click there hit the legend, under load).
 */
export async function clickPoint(page: Page, id: string): Promise<{ x: number; y: number }> {
  await setLegend(page, false);
  const at = await nodePoint(page, id);
  const onCanvas = await page.evaluate(
    ({ x, y }) => document.elementFromPoint(x, y)?.closest('[data-testid="graph-canvas"]') !== null,
    at,
  );
  if (!onCanvas) throw new Error(`${id} is covered by a panel`);
  return at;
}
