import { describe, expect, it } from 'vitest';
import { callApi, signInByApi } from './api.ts';
import { addBySearch, counts, hook, nodePoint, signIn, waitUntil } from './flows.ts';
import { useExplorerSession } from './session.ts';

describe('canvas gestures, shortcuts and an ended session', () => {
  const session = useExplorerSession();

  it('double-click expands, the context menu hides, shortcuts undo and show help', async () => {
    const { page } = session.browser;
    await page.goto(session.server.url);
    await signIn(page, { password: session.server.adminPassword, purpose: 'Gestures check' });
    const djeha = await addBySearch(page, { query: 'Mimo', option: /Mohamed Djeha/ });

    const point = await nodePoint(page, djeha);
    await page.mouse.dblclick(point.x, point.y);
    await waitUntil(page, 'the double-click expansion', async () => (await counts(page)).nodes > 1);
    const expanded = await counts(page);

    // Clicking a relationship shows its details.
    const other = (await hook(page, (h) => h.visibleNodeIds())).find((id) => id !== djeha) ?? '';
    const end = await nodePoint(page, other);
    await page.mouse.click((point.x + end.x) / 2, (point.y + end.y) / 2);
    await page.getByRole('region', { name: /^Relationship / }).waitFor();
    await session.browser.screenshot('gestures-relationship');

    await page.mouse.click(point.x, point.y, { button: 'right' });
    const menu = page.getByRole('menu', { name: 'Mohamed Djeha' });
    await menu.waitFor();
    await session.browser.screenshot('gestures-context-menu');
    await menu.getByRole('menuitem', { name: 'Hide' }).click();
    await waitUntil(page, 'hiding', async () => (await counts(page)).nodes === expanded.nodes - 1);
    await page.keyboard.press('Shift+H');
    await waitUntil(page, 'showing hidden nodes', async () => (await counts(page)).nodes === expanded.nodes);

    await page.keyboard.press('Control+z');
    await page.keyboard.press('Control+z');
    await waitUntil(page, 'undoing hide and show', async () => (await counts(page)).nodes === expanded.nodes);
    await page.keyboard.press('Control+z');
    await waitUntil(page, 'undoing the expansion', async () => (await counts(page)).nodes === 1);
    await page.keyboard.press('Control+Shift+z');
    await waitUntil(page, 'redoing the expansion', async () => (await counts(page)).nodes === expanded.nodes);

    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await help.waitFor();
    expect(await help.innerText()).toContain('Ctrl+Z');
    await session.browser.screenshot('gestures-help');
    await help.getByRole('button', { name: 'Close' }).click();
    expect(session.browser.errors).toEqual([]);
  });

  it('shows an indictment as an allegation, not a conviction', async () => {
    const { page } = session.browser;
    await addBySearch(page, { query: 'Ofast officer A', option: /Ofast officer A/ });
    const details = page.getByRole('region', { name: 'Details of Ofast officer A' });
    await expect.poll(() => details.innerText()).toContain('indicted (alleged, not convicted)');
    const before = await counts(page);
    await details.getByRole('button', { name: 'Expand', exact: true }).click();
    await waitUntil(page, 'the expansion', async () => (await counts(page)).nodes > before.nodes);
    await session.browser.screenshot('gestures-alleged');
  });

  it('an ended session returns to sign-in and the workspace comes back after signing in again', async () => {
    const { page } = session.browser;
    const before = await counts(page);
    // The token stops being accepted, as after revocation: the admin's own password change bumps its version.
    const token = await signInByApi(session.server, { username: 'admin', password: session.server.adminPassword });
    const changed = await callApi(session.server, {
      query: 'mutation P($p: String!) { updateUser(username: "admin", password: $p) { username } }',
      variables: { p: session.server.adminPassword },
      token,
    });
    expect(changed.errors).toBeUndefined();
    // The next read is refused and ends the session (no reload: the workspace lives in the tab's memory).
    await page.getByRole('searchbox').fill('Mimo');
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    expect(await page.getByText('Your session has ended').innerText()).toContain('workspace is kept');
    await session.browser.screenshot('session-ended');
    await signIn(page, { password: session.server.adminPassword, purpose: 'Gestures check' });
    await waitUntil(page, 'the restored workspace', async () => (await counts(page)).nodes === before.nodes);
    expect(session.browser.errors.filter((e) => !e.includes('401'))).toEqual([]);
  });
});
