/**
 * A revoked clearance in a real browser: a cleared investigator draws Informant M-1 with the
 * person it IDENTIFIES_AS and saves it in a case; an admin revokes the clearance (revokeClearance,
 * audited). When the investigator signs in again in the same tab (the workspace kept in memory is
 * read again) and after a reload (the case opened from the server), the canvas holds neither the
 * identity relationship nor the person reached only through it. At no point does localStorage or
 * sessionStorage hold entity data: the regression in which the workspace, identity included, was
 * saved in localStorage and drawn again after the revocation.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { grantClearanceServerSide } from '../helpers/clearance.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';
import { openBrowser, type BrowserSession } from './browser.ts';
import { addBySearch, hook, signIn, waitUntil } from './flows.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const DEMO = [
  '01-documents',
  '02-places-and-agencies',
  '03-people-and-organizations',
  '04-operation-360kg',
  '05-corruption-methods',
].map((f) => path.join(ROOT, 'cypher/seed', `${f}.cypher`));
const IDENTITY = path.join(ROOT, 'tests/helpers/fixtures/informant-m1-identity.cypher');

const INFORMANT = 'informant-m-1';
const PERSON = { id: 'person-m1-true-name', name: 'Fictional Identity Vantrel' } as const;
/** Reached from the informant by PAID, not through the identity: it must stay. */
const AGENCY = 'agency-ofast-marseille';
const INVESTIGATOR = { username: 'ines', password: 'a-long-enough-password' } as const;
const CASE_NUMBER = 'OP-HERON-2026';

let server: TestServer;
let browser: BrowserSession;

beforeAll(async () => {
  server = await startTestServer({ seed: [...DEMO, IDENTITY], env: { MAILLON_QUERY_TIMEOUT_MS: '60000' } });
  const created = await server.gql(
    'mutation U($u: String!, $p: String!) { createUser(username: $u, password: $p, role: INVESTIGATOR) { username } }',
    { u: INVESTIGATOR.username, p: INVESTIGATOR.password },
    { token: await server.adminToken() },
  );
  expect(created.body.errors).toBeUndefined();
  // The server-side grant (npm run users -- grant-clearance), audited like the two-admin one.
  await grantClearanceServerSide(server, INVESTIGATOR.username);
  browser = await openBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

type Held = Awaited<ReturnType<typeof held>>;
const held = (page: Page) => hook(page, (h) => h.heldElements());
const identityIn = (elements: Held) => ({
  person: elements.nodeIds.includes(PERSON.id),
  identities: elements.relationships.filter((r) => r.type === 'IDENTIFIES_AS').map((r) => r.id),
});

/** Every key and value of both storages, as one text to search. */
const browserStorage = (page: Page): Promise<string> =>
  page.evaluate(() => {
    const dump = (s: Storage) => Array.from({ length: s.length }, (_, i) => `${s.key(i)}=${s.getItem(s.key(i) ?? '')}`);
    return JSON.stringify({ local: dump(localStorage), session: dump(sessionStorage) });
  });

/** The storages hold none of `ids` and not the person's name. */
async function expectNoEntityDataStored(page: Page, ids: readonly string[]): Promise<void> {
  const stored = await browserStorage(page);
  const found = [...ids, PERSON.name, 'Vantrel'].filter((text) => stored.includes(text));
  expect(found, `entity data in browser storage: ${stored.slice(0, 600)}`).toEqual([]);
}

/** The case's saved views as the investigator gets them from the server now. */
async function savedView(): Promise<string> {
  const token = await server.login(INVESTIGATOR.username, INVESTIGATOR.password);
  const ask = <T>(query: string, variables: Record<string, unknown> = {}) =>
    server.gql<T>(query, variables, { token, purpose: CASE_NUMBER });
  const listed = await ask<{ investigations: Array<{ id: string }> }>('{ investigations { id } }');
  const id = listed.body.data?.investigations[0]?.id ?? '';
  const opened = await ask<{ investigation: { views: unknown[] } }>(
    'query O($id: ID!) { investigation(id: $id) { views { view } } }',
    { id },
  );
  return JSON.stringify(opened.body.data?.investigation.views ?? opened.body.errors);
}

/** Waits until the informant and the agency paid to it are drawn again: the view has been read. */
async function waitForInformantView(page: Page, what: string): Promise<Held> {
  try {
    await waitUntil(page, what, async () => {
      const ids = (await held(page)).nodeIds;
      return ids.includes(INFORMANT) && ids.includes(AGENCY);
    });
  } catch (error) {
    await browser.screenshot(`revoked-clearance-${what.replace(/\W+/g, '-')}`);
    throw new Error(`${String(error)}; the canvas holds ${JSON.stringify(await held(page))}`);
  }
  return held(page);
}

describe('a clearance revoked while the identity is on the canvas', () => {
  let drawnIds: string[] = [];

  it('the cleared investigator draws the identity and saves it in a case, storing no entity data', async () => {
    const { page } = browser;
    await page.goto(server.url);
    await signIn(page, { ...INVESTIGATOR, purpose: 'source review' });
    await page.getByRole('tab', { name: /Case/ }).click();
    await page.getByLabel('Investigation name').fill('Heron');
    await page.getByLabel('Case number').fill(CASE_NUMBER);
    await page.getByRole('button', { name: 'Create investigation' }).click();
    await expect.poll(() => page.getByTestId('current-purpose').innerText()).toBe(CASE_NUMBER);

    await addBySearch(page, { query: 'Informant M-1', option: /Informant M-1/ });
    await page.getByRole('tab', { name: /Details/ }).click();
    await page
      .getByRole('region', { name: 'Details of Informant M-1' })
      .getByRole('button', { name: 'Expand', exact: true })
      .click();
    await waitUntil(page, 'the identity drawn', async () => identityIn(await held(page)).person);
    const before = await waitForInformantView(page, 'the expansion');
    expect(identityIn(before)).toEqual({ person: true, identities: ['rel-identifies-m1'] });
    drawnIds = [...before.nodeIds, ...before.relationships.map((r) => r.id)];

    await page.getByRole('tab', { name: /Case/ }).click();
    await expect.poll(() => page.getByTestId('save-state').innerText()).toBe('Saved');
    // The case on the server holds the identity before the clearance goes.
    await expect.poll(() => savedView(), { timeout: 20_000 }).toContain(PERSON.id);
    await expectNoEntityDataStored(page, drawnIds);
  });

  it('an admin revokes the clearance, and the revocation is audited with both names', async () => {
    const admin = await server.adminToken();
    const revoked = await server.gql(
      'mutation R($u: String!) { revokeClearance(username: $u) { informantClearance } }',
      { u: INVESTIGATOR.username },
      { token: admin },
    );
    expect(revoked.body).toEqual({ data: { revokeClearance: { informantClearance: false } } });
    const log = await server.gql<{ auditLog: Array<{ details: Record<string, unknown> | null }> }>(
      'query L($e: ID) { auditLog(limit: 20, entityId: $e) { details } }',
      { e: `user:${INVESTIGATOR.username}` },
      { token: admin },
    );
    const changes = (log.body.data?.auditLog ?? []).map((r) => r.details?.clearanceChange);
    expect(changes[0]).toMatchObject({ action: 'revoked', username: INVESTIGATOR.username, revokedBy: 'admin' });
  });

  it('signing in again in the same tab reads the kept workspace again: the identity is gone', async () => {
    const { page } = browser;
    // The next request with the revoked token (an expansion, or the alerts poll if it comes first)
    // ends the session; the workspace stays in this tab's memory.
    const ended = page.getByText('Your session has ended');
    await page.getByRole('tab', { name: /Details/ }).click();
    const expand = page
      .getByRole('region', { name: 'Details of Informant M-1' })
      .getByRole('button', { name: 'Expand', exact: true });
    await ended.or(expand).first().waitFor();
    // No actionability wait: the button may go with the explorer as the session ends.
    if (await expand.isVisible()) await expand.dispatchEvent('click').catch(() => undefined);
    await ended.waitFor();
    await expectNoEntityDataStored(page, drawnIds);
    await signIn(page, { ...INVESTIGATOR, purpose: CASE_NUMBER });
    const after = await waitForInformantView(page, 'the workspace read again');
    expect(identityIn(after)).toEqual({ person: false, identities: [] });
    await expectNoEntityDataStored(page, drawnIds);
  });

  it('after a reload, the case opened from the server holds no identity either', async () => {
    const { page } = browser;
    await page.reload();
    await page.getByRole('searchbox').waitFor();
    // Nothing of the workspace survives a reload: the canvas starts empty.
    expect((await held(page)).nodeIds).toEqual([]);
    await expectNoEntityDataStored(page, drawnIds);
    await page.getByRole('tab', { name: /Case/ }).click();
    await page.getByRole('button', { name: /Heron/ }).click();
    const reopened = await waitForInformantView(page, 'the case view');
    expect(identityIn(reopened)).toEqual({ person: false, identities: [] });
    await expectNoEntityDataStored(page, drawnIds);
    // The refused request of the revoked token is the only error the page may have logged.
    expect(browser.errors.filter((e) => !/status of 401/.test(e))).toEqual([]);
  });
});
