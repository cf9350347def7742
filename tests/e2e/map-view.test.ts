import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { addBySearch, clickPoint, counts, hook, nodePoint, signIn, waitUntil } from './flows.ts';
import { useExplorerSession, type ExplorerSession } from './session.ts';

const SHIPMENT = 'shipment-banana-containers-cocaine';

/** Screen points where each leg starts and ends, and the centres of the places it joins. */
const legGeometry = (page: Page) =>
  page.evaluate(() => {
    const centre = (el: Element) => {
      const box = el.getBoundingClientRect();
      return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    };
    const screen = (path: SVGPathElement, at: number) => {
      const p = path.getPointAtLength(at);
      const m = path.getScreenCTM();
      return m ? { x: p.x * m.a + p.y * m.c + m.e, y: p.x * m.b + p.y * m.d + m.f } : { x: NaN, y: NaN };
    };
    return Array.from(document.querySelectorAll<SVGPathElement>('[data-testid="map-leg"]')).map((leg) => {
      const place = (id: string | null) => document.querySelector(`[data-testid="map-place"][data-id="${id ?? ''}"]`);
      const from = place(leg.getAttribute('data-from'));
      const to = place(leg.getAttribute('data-to'));
      return {
        from: leg.getAttribute('data-from'),
        to: leg.getAttribute('data-to'),
        start: screen(leg, 0),
        end: screen(leg, leg.getTotalLength()),
        fromCentre: from ? centre(from) : undefined,
        toCentre: to ? centre(to) : undefined,
      };
    });
  });

/** Centre of a map mark on the page. */
async function markCentre(page: Page, selector: string): Promise<{ x: number; y: number }> {
  const box = await page.locator(selector).boundingBox();
  if (!box) throw new Error(`${selector} is not drawn`);
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

const place = (id: string) => `[data-testid="map-place"][data-id="${id}"]`;

/** A click with a modifier held, where the mouse is (real input: the page sees shiftKey / ctrlKey). */
async function clickWith(page: Page, key: 'Shift' | 'Control', at: { x: number; y: number }): Promise<void> {
  await page.keyboard.down(key);
  await page.mouse.click(at.x, at.y);
  await page.keyboard.up(key);
}

const near = (a: { x: number; y: number } | undefined, b: { x: number; y: number }) =>
  a !== undefined && Math.hypot(a.x - b.x, a.y - b.y) < 2;

/** Until the page has received no answer for 750 ms. */
async function settle(session: ExplorerSession): Promise<void> {
  let seen = -1;
  for (
    let now = (await session.answers.settled()).length;
    now !== seen;
    now = (await session.answers.settled()).length
  ) {
    seen = now;
    await session.browser.page.waitForTimeout(750);
  }
}

describe('map view, linked to the canvas and the time bar', () => {
  const session = useExplorerSession();

  it('draws the banana shipment Colombia → port of Marseille → Paris, links selection both ways and follows the time bar', async () => {
    const { page } = session.browser;
    await page.goto(session.server.url);
    await signIn(page, { password: session.server.adminPassword, purpose: 'Case 2025-117 map e2e' });

    // The shipment and its places on the canvas; Marseille too, for the dated search held there.
    await addBySearch(page, { query: 'banana', option: /banana containers/ });
    await page
      .getByRole('region', { name: 'Details of Cocaine in two banana containers' })
      .getByRole('button', { name: 'Expand', exact: true })
      .click();
    await waitUntil(page, 'the shipment expanded', async () => (await counts(page)).nodes > 3);
    await addBySearch(page, { query: 'Marseille', option: /^Location Marseille$/ });
    const before = await counts(page);
    await page
      .getByRole('region', { name: 'Details of Marseille' })
      .getByRole('button', { name: 'Expand', exact: true })
      .click();
    await waitUntil(page, 'Marseille expanded', async () => (await counts(page)).nodes > before.nodes);

    // Opening the map reads nothing from the server: it draws what the canvas holds. Reads the
    // expansion set off (a preview, sources) are let finish first, so only the map's would count.
    await settle(session);
    const requests: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname === '/graphql') requests.push(request.postData()?.slice(0, 80) ?? '');
    });
    await page.getByRole('tab', { name: 'Map' }).click();
    const route = page.locator(`[data-testid="map-route"][data-id="${SHIPMENT}"]`);
    await route.waitFor();
    await page.waitForTimeout(500);
    expect(requests).toEqual([]);
    await session.browser.screenshot('map-01-route');

    // The route in order, each leg drawn from the place it leaves to the place it reaches.
    expect(await route.getAttribute('data-stops')).toBe('location-colombia location-marseille-port location-paris');
    const legs = await legGeometry(page);
    expect(legs.map((l) => [l.from, l.to])).toEqual([
      ['location-colombia', 'location-marseille-port'],
      ['location-marseille-port', 'location-paris'],
    ]);
    for (const leg of legs) {
      expect(near(leg.fromCentre, leg.start), `${leg.from} → ${leg.to} starts at ${leg.from}`).toBe(true);
      expect(near(leg.toCentre, leg.end), `${leg.from} → ${leg.to} ends at ${leg.to}`).toBe(true);
    }
    expect(await route.getAttribute('aria-label')).toMatch(/Colombia → Port of Marseille → Paris/);

    // Map → canvas: a click on Paris selects Paris on the canvas.
    const paris = page.locator('[data-testid="map-place"][data-id="location-paris"]');
    await paris.click();
    await waitUntil(page, 'Paris selected on the canvas', async () => {
      const selected = await hook(page, (h) => h.selectedIds());
      return selected.length === 1 && selected[0] === 'location-paris';
    });
    await expect.poll(() => paris.getAttribute('aria-pressed')).toBe('true');

    // Canvas → map: the shipment clicked on the canvas marks its route on the map (found by
    // search first, which centres it; a click on the background clears the selection).
    await addBySearch(page, { query: 'banana', option: /banana containers/ });
    await page.locator('[data-testid="graph-canvas"]').click({ position: { x: 5, y: 5 } });
    await waitUntil(page, 'nothing selected', async () => (await hook(page, (h) => h.selectedIds())).length === 0);
    await expect.poll(() => route.getAttribute('aria-pressed')).toBe('false');
    const at = await nodePoint(page, SHIPMENT);
    await page.mouse.click(at.x, at.y);
    await waitUntil(page, 'the shipment selected on the canvas', async () =>
      (await hook(page, (h) => h.selectedIds())).includes(SHIPMENT),
    );
    await expect.poll(() => route.getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => paris.getAttribute('aria-pressed')).toBe('false');
    await session.browser.screenshot('map-02-selected');

    // The April 2024 search is shown at Marseille until the time bar ends before it.
    const marseille = page.locator('[data-testid="map-place"][data-id="location-marseille"]');
    const search = page.locator('[data-testid="map-event-item"][data-id="event-search-ofast-marseille-2024-04"]');
    await expect.poll(() => marseille.getAttribute('aria-label')).toMatch(/Search of the Ofast Marseille premises/);
    expect(await search.count()).toBe(1);
    await page.getByLabel('Time until').fill('0');
    await expect.poll(() => page.getByTestId('time-window').innerText()).not.toMatch(/2024-04/);
    await expect.poll(() => search.count()).toBe(0);
    expect(await marseille.getAttribute('aria-label')).toBe('Marseille');
    // Undated facts go too once "keep undated" is off: the route has no date, so it leaves the map.
    await page.getByLabel('keep undated').uncheck();
    await expect.poll(() => route.count()).toBe(0);
    await session.browser.screenshot('map-03-time-window');
    await page.getByRole('button', { name: 'All time' }).click();
    await expect.poll(() => route.count()).toBe(1);
    await expect.poll(() => search.count()).toBe(1);

    expect(session.browser.errors).toEqual([]);
  });

  it('links a selection of several nodes both ways: canvas to map with their events and routes, shift/ctrl-click and shift-drag on the map to the canvas', async () => {
    const { page } = session.browser;
    const selectedIds = () => hook(page, (h) => h.selectedIds().sort());
    const mark = (selector: string) => page.locator(selector).getAttribute('data-mark');
    const route = `[data-testid="map-route"][data-id="${SHIPMENT}"]`;

    // Canvas → map: Paris, Colombia and the exporter selected on the canvas; both places are
    // marked selected, and the route the exporter ORGANIZED is marked as tied to the selection.
    await page.locator('[data-testid="graph-canvas"]').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('f');
    await waitUntil(page, 'nothing selected', async () => (await selectedIds()).length === 0);
    const exporter = 'person-colombian-exporter';
    for (const id of ['location-paris', 'location-colombia', exporter]) {
      await clickWith(page, 'Shift', await clickPoint(page, id));
    }
    await waitUntil(page, 'three selected on the canvas', async () => (await selectedIds()).length === 3);
    expect(await selectedIds()).toEqual(['location-colombia', 'location-paris', exporter]);
    await expect.poll(() => mark(place('location-paris'))).toBe('selected');
    await expect.poll(() => mark(place('location-colombia'))).toBe('selected');
    await expect.poll(() => mark(route)).toBe('related');
    expect(await page.locator(route).getAttribute('aria-pressed')).toBe('false');
    expect(await mark(place('location-marseille-port'))).toBe('none');
    await session.browser.screenshot('map-04-canvas-multi');

    // Map → canvas: a plain click selects one place, shift-click adds a second, ctrl-click the route.
    // Locator clicks (real input too) wait until the mark stands still and is the element hit: after
    // a selection the map may still be moving, and a click at a centre read before that landed on
    // another mark in a loaded clean-clone run.
    await page.locator(place('location-paris')).click();
    await waitUntil(page, 'Paris alone', async () => (await selectedIds()).join() === 'location-paris');
    await page.locator(place('location-colombia')).click({ modifiers: ['Shift'] });
    await waitUntil(page, 'Colombia added', async () => (await selectedIds()).length === 2);
    expect(await selectedIds()).toEqual(['location-colombia', 'location-paris']);
    await page.keyboard.down('Control');
    await page.locator(`[data-testid="map-route-item"][data-id="${SHIPMENT}"]`).click();
    await page.keyboard.up('Control');
    await waitUntil(page, 'the shipment added', async () => (await selectedIds()).includes(SHIPMENT));
    expect(await selectedIds()).toEqual(['location-colombia', 'location-paris', SHIPMENT].sort());
    await expect.poll(() => mark(route)).toBe('selected');
    // Shift-click on a selected mark takes it out again.
    await page.locator(place('location-colombia')).click({ modifiers: ['Shift'] });
    await waitUntil(page, 'Colombia taken out', async () => !(await selectedIds()).includes('location-colombia'));
    expect(await selectedIds()).toEqual(['location-paris', SHIPMENT].sort());

    // A shift-drag around the two Marseille places adds both, and keeps what was selected.
    const port = await markCentre(page, place('location-marseille-port'));
    const city = await markCentre(page, place('location-marseille'));
    const from = { x: Math.min(port.x, city.x) - 12, y: Math.min(port.y, city.y) - 12 };
    const to = { x: Math.max(port.x, city.x) + 12, y: Math.max(port.y, city.y) + 12 };
    await page.keyboard.down('Shift');
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 4 });
    await page.mouse.move(to.x, to.y, { steps: 4 });
    expect(await page.getByTestId('map-box').count()).toBe(1);
    await page.mouse.up();
    await page.keyboard.up('Shift');
    await waitUntil(page, 'the boxed places added', async () => (await selectedIds()).length === 4);
    expect(await selectedIds()).toEqual(
      ['location-marseille', 'location-marseille-port', 'location-paris', SHIPMENT].sort(),
    );
    expect(await page.getByTestId('map-box').count()).toBe(0);
    await expect.poll(() => mark(place('location-marseille-port'))).toBe('selected');
    await session.browser.screenshot('map-05-box');

    // The time bar still applies: the search at Marseille leaves, its place stays selected.
    await page.getByLabel('keep undated').check();
    await page.getByLabel('Time until').fill('0');
    await expect
      .poll(() =>
        page.locator('[data-testid="map-event-item"][data-id="event-search-ofast-marseille-2024-04"]').count(),
      )
      .toBe(0);
    expect(await mark(place('location-marseille'))).toBe('selected');
    await page.getByRole('button', { name: 'All time' }).click();
    expect(session.browser.errors).toEqual([]);
  });
});
