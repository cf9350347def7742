/**
 * Investigations as new users would try them, in two browsers: Ana creates one, builds a
 * view, leaves a note and shares it with Ben; Ben opens it and sees the same view and note;
 * Carl, outside it, finds no trace of it, and when he reads its subject Ana is told; Ben
 * proposes a relationship with a new source graded B2, an admin approves it, and its
 * history shows both steps.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, type BrowserSession } from './browser.ts';
import { callApi, signInByApi } from './api.ts';
import { addBySearch, hook, nodePoint, signIn, waitUntil } from './flows.ts';
import { startServer, type RunningServer } from './server.ts';

const PASSWORD = 'a-long-enough-password';
const CASE_NUMBER = 'OP-MIMOSA-2026';

let server: RunningServer;
let ana: BrowserSession;
let ben: BrowserSession;
let adminToken = '';

beforeAll(async () => {
  // Nine agents share two cores here: give the demo seed and its first reads room.
  server = await startServer({ env: { MAILLON_QUERY_TIMEOUT_MS: '60000' } });
  adminToken = await signInByApi(server, { username: 'admin', password: server.adminPassword });
  for (const username of ['ana', 'ben', 'carl']) {
    const created = await callApi(server, {
      query: `mutation U($u: String!, $p: String!) { createUser(username: $u, password: $p, role: INVESTIGATOR) { username } }`,
      variables: { u: username, p: PASSWORD },
      token: adminToken,
    });
    expect(created.errors).toBeUndefined();
  }
  ana = await openBrowser();
  ben = await openBrowser();
});

afterAll(async () => {
  await ana?.close();
  await ben?.close();
  await server?.stop();
});

describe('an investigation shared between two browsers', () => {
  let investigationId = '';

  it('is created, built, noted and shared by one investigator', async () => {
    const { page } = ana;
    await page.goto(server.url);
    await signIn(page, { username: 'ana', password: PASSWORD, purpose: 'first look' });
    await page.getByRole('tab', { name: /Case/ }).click();
    await page.getByLabel('Investigation name').fill('Mimosa');
    await page.getByLabel('Case number').fill(CASE_NUMBER);
    await page.getByRole('button', { name: 'Create investigation' }).click();
    // The open investigation's case number becomes the purpose of every read.
    await expect.poll(() => page.getByTestId('current-purpose').innerText()).toBe(CASE_NUMBER);

    await addBySearch(page, { query: 'Djeha', option: /Mohamed Djeha/ });
    await page.getByRole('tab', { name: /Details/ }).click();
    await page.getByLabel('Note', { exact: true }).fill('Seen at the port twice @ben');
    await page.getByRole('button', { name: 'Add note' }).click();
    await page.getByRole('list', { name: 'Notes' }).getByText('Seen at the port twice').waitFor();

    await page.getByRole('tab', { name: /Case/ }).click();
    await expect.poll(() => page.getByTestId('save-state').innerText()).toBe('Saved');
    await page.getByLabel('Share with').fill('ben');
    await page.getByLabel('Access').selectOption('EDITOR');
    await page.getByRole('button', { name: 'Share' }).click();
    await page.getByRole('list', { name: 'Members' }).getByText('ben').waitFor();

    const token = await signInByApi(server, { username: 'ana', password: PASSWORD });
    const mine = await callApi<{ investigations: Array<{ id: string }> }>(server, {
      query: '{ investigations { id } }',
      token,
    });
    investigationId = mine.data?.investigations[0]?.id ?? '';
    expect(investigationId).not.toBe('');
  });

  it('opens in the second browser with the same view and note', async () => {
    const { page } = ben;
    await page.goto(server.url);
    await signIn(page, { username: 'ben', password: PASSWORD, purpose: 'first look' });
    await page.getByRole('tab', { name: /Case/ }).click();
    await page.getByRole('button', { name: /Mimosa/ }).click();
    await expect.poll(() => page.getByTestId('current-purpose').innerText()).toBe(CASE_NUMBER);
    await waitUntil(page, 'the saved view', async () => (await hook(page, (h) => h.nodeCount())) === 1);
    await addBySearch(page, { query: 'Djeha', option: /Mohamed Djeha/ });
    await page.getByRole('tab', { name: /Details/ }).click();
    await page.getByRole('list', { name: 'Notes' }).getByText('Seen at the port twice @ben').waitFor();
  });

  it('leaves no trace for a third user, and tells the owner when that user reads its subject', async () => {
    const carl = await signInByApi(server, { username: 'carl', password: PASSWORD });
    const ask = (query: string, variables: Record<string, unknown> = {}) =>
      callApi(server, { query, variables, token: carl, purpose: 'carl looks' });
    const listed = await ask('{ investigations { id name } deconflictions { reason } }');
    const opened = await ask('query O($id: ID!) { investigation(id: $id) { name } }', { id: investigationId });
    const madeUp = await ask('query O($id: ID!) { investigation(id: $id) { name } }', { id: 'inv-made-up' });
    expect(listed.data).toEqual({ investigations: [], deconflictions: [] });
    expect(JSON.stringify(opened).replace(investigationId, 'X')).toBe(
      JSON.stringify(madeUp).replace('inv-made-up', 'X'),
    );

    await ask('{ entity(id: "person-mohamed-djeha") { id name } }');
    const anaToken = await signInByApi(server, { username: 'ana', password: PASSWORD });
    const told = await callApi<{ deconflictions: Array<{ entityId: string; otherParty: string }> }>(server, {
      query: '{ deconflictions { entityId otherParty investigationId } }',
      token: anaToken,
    });
    expect(told.data?.deconflictions).toContainEqual({
      entityId: 'person-mohamed-djeha',
      otherParty: 'carl',
      investigationId,
    });
    const carlTold = await ask('{ deconflictions { entityId otherParty investigationId } }');
    expect(JSON.stringify(carlTold)).not.toContain('Mimosa');
    expect(JSON.stringify(carlTold)).not.toContain(investigationId);
  });

  it('takes a relationship proposed with a source graded B2, approved by an admin, with both steps in its history', async () => {
    const { page } = ben;
    const herve = await addBySearch(page, { query: 'Hervé', option: /Hervé/ });
    const djeha = await nodePoint(page, 'person-mohamed-djeha');
    await page.keyboard.down('Shift');
    await page.mouse.click(djeha.x, djeha.y);
    await page.keyboard.up('Shift');
    await waitUntil(page, 'two selected', async () => (await hook(page, (h) => h.selectedIds())).length === 2);
    await page.getByRole('tab', { name: /Details/ }).click();
    const form = page.getByRole('form', { name: 'Propose a fact' });
    await form.getByLabel('Relationship type').selectOption('ASSOCIATE_OF');
    await form.getByLabel('New source title').fill('Surveillance log 14');
    await form.getByLabel('New source URL').fill('file://brigade/logs/14.pdf');
    await form.getByLabel('Source reliability').selectOption('B');
    await form.getByLabel('Information credibility').selectOption('2');
    await form.getByRole('button', { name: 'Propose' }).click();
    await page.getByText(/a reviewer must approve it/).waitFor();

    const pending = await callApi<{ pendingChanges: Array<{ id: string; change: { id: string; source: string } }> }>(
      server,
      { query: '{ pendingChanges { id change } }', token: adminToken },
    );
    const proposal = pending.data?.pendingChanges[0];
    expect(proposal?.change.source).toBe(herve);
    const approved = await callApi<{ reviewChange: { status: string } }>(server, {
      query: 'mutation R($id: ID!) { reviewChange(id: $id, approve: true) { status } }',
      variables: { id: proposal?.id },
      token: adminToken,
      purpose: 'review',
    });
    expect(approved.data?.reviewChange.status).toBe('APPROVED');
    const history = await callApi<{ history: Array<{ user: string; action: string; grading: string }> }>(server, {
      query: 'query H($id: ID!) { history(id: $id) { user action grading } }',
      variables: { id: proposal?.change.id },
      token: adminToken,
      purpose: 'review',
    });
    expect(history.data?.history).toEqual([
      { user: 'ben', action: 'proposed', grading: 'B2' },
      { user: 'admin', action: 'approved', grading: 'B2' },
    ]);
  });
});
