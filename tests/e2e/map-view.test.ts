import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { addBySearch, counts, hook, nodePoint, signIn, waitUntil } from './flows.ts';
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
});
