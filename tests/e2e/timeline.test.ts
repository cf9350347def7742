import { describe, expect, it } from 'vitest';
import { addBySearch, counts, hook, signIn, waitUntil } from './flows.ts';
import { useExplorerSession } from './session.ts';

describe('timeline, linked to the canvas', () => {
  const session = useExplorerSession();

  it('shows the dated facts of an expanded Djeha and selects on the canvas what is clicked on the timeline', async () => {
    const { page } = session.browser;
    await page.goto(session.server.url);
    await signIn(page, { password: session.server.adminPassword, purpose: 'Case 2025-117 timeline e2e' });

    await addBySearch(page, { query: 'Djeha', option: /Mohamed Djeha/ });
    const details = page.getByRole('region', { name: 'Details of Mohamed Djeha' });
    await details.getByRole('button', { name: 'Expand', exact: true }).click();
    await waitUntil(page, 'the expansion', async () => (await counts(page)).nodes > 1);

    // Djeha's own ties are undated in the demo data: widen the view (select all, expand selected) until dates appear.
    const marks = page.getByTestId('timeline-mark');
    for (let round = 0; round < 3 && (await marks.count()) === 0; round++) {
      await page.locator('[data-testid="graph-canvas"]').click({ position: { x: 5, y: 5 } });
      await page.keyboard.press('Control+a');
      const before = await counts(page);
      await waitUntil(
        page,
        'select all',
        async () => (await hook(page, (h) => h.selectedIds())).length === before.nodes,
      );
      await page.getByRole('button', { name: 'Expand selected' }).click();
      await waitUntil(page, 'expand all selected', async () => (await counts(page)).nodes > before.nodes);
    }

    // Every dated item drawn has one mark; hovering tells what and when.
    await waitUntil(page, 'marks on the timeline', async () => (await marks.count()) > 0);
    const mark = marks.last();
    expect(await mark.getAttribute('aria-label')).toMatch(/\d{4}-\d{2}-\d{2}/);
    await session.browser.screenshot('timeline-01-marks');

    // A click on a mark selects that element on the canvas, and the mark shows it is selected.
    const id = (await mark.getAttribute('data-id')) ?? '';
    await mark.click();
    await waitUntil(page, 'the mark selected on the canvas', async () =>
      (await hook(page, (h) => h.selectedIds())).includes(id),
    );
    await expect.poll(() => mark.getAttribute('aria-pressed')).toBe('true');
    await session.browser.screenshot('timeline-02-selected');

    expect(session.browser.errors).toEqual([]);
  });
});
