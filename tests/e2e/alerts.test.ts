import { describe, expect, it } from 'vitest';
import { callApi, signInByApi } from './api.ts';
import { addBySearch, signIn } from './flows.ts';
import { useExplorerSession } from './session.ts';

const CANARY = 'person-herve';
const ANA = { username: 'ana', password: 'ana-long-enough-password' };
const DOC = 'doc-corruption-officials-2024-03-08';

/** 210 persons around one hub: one read of it crosses the 200-person suspension threshold. */
function crowdScript(): string {
  const lines = [`CREATE (:Person {id: 'person-crowd-hub', name: 'Crowd Hub', sources: ['${DOC}']});`];
  for (let i = 0; i < 210; i++) {
    lines.push(`CREATE (:Person {id: 'person-crowd-${i}', name: 'Crowd ${i}', sources: ['${DOC}']});`);
    lines.push(
      `MATCH (a:Person {id: 'person-crowd-hub'}), (b:Person {id: 'person-crowd-${i}'}) ` +
        `CREATE (a)-[:ASSOCIATE_OF {id: 'rel-crowd-${i}', sources: ['${DOC}']}]->(b);`,
    );
  }
  return lines.join('\n');
}

describe('insider-lookup alerts in the explorer, as an admin notices and handles them', () => {
  const session = useExplorerSession({ env: { MAILLON_CANARY_IDS: CANARY } });

  it('shows an investigator no Alerts tab, and the admin the canary read with a count, then a suspension to clear', async () => {
    const { page } = session.browser;
    const { server } = session;
    const admin = await signInByApi(server, { username: 'admin', password: server.adminPassword });
    const created = await callApi(server, {
      query:
        'mutation { createUser(username: "ana", password: "ana-long-enough-password", role: INVESTIGATOR) { username } }',
      token: admin,
    });
    expect(created.errors).toBeUndefined();

    // An investigator reads the canary: no Alerts tab for her, and her browser never asks for alerts.
    await page.goto(server.url);
    await signIn(page, { ...ANA, purpose: 'Case 2025-117 alerts e2e' });
    await page.getByRole('tab', { name: 'Details' }).waitFor();
    expect(await page.getByRole('tab', { name: /Alerts/ }).count()).toBe(0);
    expect(await addBySearch(page, { query: 'herve', option: /Hervé/ })).toBe(CANARY);
    // Sign-out asks before discarding the canvas (it lives only in the tab's memory).
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: 'Sign out' }).click();
    const asAna = await session.answers.settled();
    expect(asAna.map((a) => a.operation)).not.toContain('Alerts');

    // The admin signs in and sees a count of new alerts on the tab.
    await signIn(page, { password: server.adminPassword, purpose: 'Internal review e2e' });
    const badge = page.getByTestId('tab-badge-alerts');
    await badge.waitFor();
    expect(Number(await badge.innerText())).toBeGreaterThanOrEqual(1);
    await session.browser.screenshot('alerts-01-badge');

    // Opening the tab lists the canary read: kind, user, time, what was read; the count goes.
    await page.getByRole('tab', { name: /Alerts/ }).click();
    const list = page.getByRole('list', { name: 'Insider-lookup alerts' });
    await list.waitFor();
    const canaryRead = list.getByRole('listitem').filter({ hasText: 'Canary read' }).first();
    await expect.poll(() => canaryRead.innerText()).toMatch(/ana/);
    expect(await canaryRead.innerText()).toContain(CANARY);
    expect(await canaryRead.innerText()).toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC/);
    await expect.poll(() => badge.count()).toBe(0);
    await session.browser.screenshot('alerts-02-canary');

    // She reads 210 persons at once: suspended. The admin refreshes, sees it, and clears it.
    const imported = await callApi<{ importCypher: { ok: boolean } }>(server, {
      query: 'mutation Import($s: String!) { importCypher(script: $s) { ok } }',
      variables: { s: crowdScript() },
      token: admin,
    });
    expect(imported.data?.importCypher.ok).toBe(true);
    const ana = await signInByApi(server, ANA);
    const crowd = '{ neighbourhood(ids: ["person-crowd-hub"], perNodeLimit: 500, limit: 2000) { nodes { id } } }';
    const crossing = await callApi(server, { query: crowd, token: ana, purpose: 'CASE-1' });
    expect(crossing.errors?.[0]?.extensions?.code).toBe('SESSION_SUSPENDED');

    await page.getByRole('button', { name: 'Refresh' }).click();
    const suspension = list.getByRole('listitem').filter({ hasText: 'Suspension' }).first();
    await suspension.waitFor();
    expect(await suspension.innerText()).toMatch(/ana/);
    expect(await list.innerText()).toMatch(/volume alert/i);
    await session.browser.screenshot('alerts-03-suspension');
    await suspension.getByRole('button', { name: 'Clear suspension' }).click();
    await expect.poll(() => list.getByRole('button', { name: 'Clear suspension' }).count()).toBe(0);
    const back = await callApi(server, { query: '{ me { username } }', token: ana });
    expect(back.errors).toBeUndefined();

    // Asked on sign-in, on opening the tab, on Refresh and after clearing, and then every 30 s:
    // a handful, not a request on every render.
    const alertChecks = (await session.answers.settled()).filter((a) => a.operation === 'Alerts');
    expect(alertChecks.length).toBeGreaterThanOrEqual(3);
    expect(alertChecks.length).toBeLessThan(20);
    expect(session.browser.errors).toEqual([]);
  });
});
