/**
 * The briefing of an open investigation, as a user would make it: a view with Mohamed Djeha
 * expanded and a note, saved as an HTML file, then printed to PDF by Chromium from the
 * window the PDF button opens.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, openBrowser, type BrowserSession } from './browser.ts';
import { callApi, signInByApi } from './api.ts';
import { addBySearch, counts, hook, signIn, waitUntil } from './flows.ts';
import { startServer, type RunningServer } from './server.ts';

const PASSWORD = 'a-long-enough-password';
const CASE_NUMBER = 'OP-BRIEF-2026';
const NOTE = 'Met the courier near the port on Tuesday';

let server: RunningServer;
let browser: BrowserSession;
let token = '';

beforeAll(async () => {
  // Many agents share two cores here: give the demo seed and its first reads room.
  server = await startServer({ env: { MAILLON_QUERY_TIMEOUT_MS: '60000' } });
  const adminToken = await signInByApi(server, { username: 'admin', password: server.adminPassword });
  const created = await callApi(server, {
    query: `mutation U($u: String!, $p: String!) { createUser(username: $u, password: $p, role: INVESTIGATOR) { username } }`,
    variables: { u: 'dora', p: PASSWORD },
    token: adminToken,
  });
  expect(created.errors).toBeUndefined();
  token = await signInByApi(server, { username: 'dora', password: PASSWORD });
  browser = await openBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** The names of the entities drawn on the canvas, read through the API as the same user. */
async function namesOnView(ids: readonly string[]): Promise<string[]> {
  const names: string[] = [];
  for (const id of ids) {
    const answer = await callApi<{ entity: { name: string } | null }>(server, {
      query: 'query E($id: ID!) { entity(id: $id) { name } }',
      variables: { id },
      token,
      purpose: CASE_NUMBER,
    });
    if (answer.data?.entity) names.push(answer.data.entity.name);
  }
  return names;
}

/** Chromium's own print to PDF of a briefing, in a page of its own. */
async function printedToPdf(html: string): Promise<Buffer> {
  const printer = await browser.context.newPage();
  await printer.setContent(html);
  const pdf = await printer.pdf({ format: 'A4', printBackground: true });
  await printer.close();
  return pdf;
}

describe('the briefing of an investigation', () => {
  let html = '';

  it('is saved as an HTML file with the entities on the view, the note and the case number', async () => {
    const { page } = browser;
    await page.goto(server.url);
    await signIn(page, { username: 'dora', password: PASSWORD, purpose: 'first look' });
    await page.getByRole('tab', { name: /Case/ }).click();
    await page.getByLabel('Investigation name').fill('Briefing case');
    await page.getByLabel('Case number').fill(CASE_NUMBER);
    await page.getByRole('button', { name: 'Create investigation' }).click();
    await expect.poll(() => page.getByTestId('current-purpose').innerText()).toBe(CASE_NUMBER);

    await addBySearch(page, { query: 'Mimo', option: /Mohamed Djeha/ });
    await page.getByRole('tab', { name: /Details/ }).click();
    const details = page.getByRole('region', { name: 'Details of Mohamed Djeha' });
    await details.getByRole('button', { name: 'Expand', exact: true }).click();
    await waitUntil(page, 'the expansion', async () => (await counts(page)).nodes > 1);
    await page.getByLabel('Note', { exact: true }).fill(NOTE);
    await page.getByRole('button', { name: 'Add note' }).click();
    await page.getByRole('list', { name: 'Notes' }).getByText(NOTE).waitFor();

    await page.getByRole('tab', { name: /Case/ }).click();
    await expect.poll(() => page.getByTestId('save-state').innerText()).toBe('Saved');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Briefing (HTML)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(new RegExp(`^briefing-${CASE_NUMBER}-.*\\.html$`));
    const file = path.join(ARTIFACTS, 'briefing.html');
    await download.saveAs(file);
    html = fs.readFileSync(file, 'utf8');

    // Read as a browser shows it, so names with quotes compare as written.
    const reader = await browser.context.newPage();
    await reader.setContent(html);
    const text = await reader.locator('body').innerText();
    await reader.screenshot({ path: path.join(ARTIFACTS, 'explorer-briefing-html.png'), fullPage: true });
    await reader.close();

    const names = await namesOnView(await hook(page, (h) => h.visibleNodeIds()));
    expect(names.length).toBeGreaterThan(1);
    expect(names).toContain('Mohamed Djeha');
    for (const name of names) expect(text).toContain(name);
    expect(text).toContain(NOTE);
    expect(text).toContain(CASE_NUMBER);
    expect(html).toMatch(/<img alt="The chart of the view" src="data:image\/png;base64,/);
  });

  it('opens a print window whose document Chromium prints to a PDF with the chart', async () => {
    const { page, context } = browser;
    const [popup] = await Promise.all([
      page.waitForEvent('popup'),
      page.getByRole('button', { name: 'Briefing (PDF)' }).click(),
    ]);
    // The window opens blank inside the click and is written once the reads are back.
    await popup.getByRole('heading', { name: 'Briefing: Briefing case' }).waitFor();
    await popup.getByText(NOTE).waitFor();
    // The button comes back once print() has returned: the print did not hold the page.
    await page.getByRole('button', { name: 'Briefing (PDF)' }).and(page.locator(':enabled')).waitFor();
    const printed = await popup.content();
    expect(printed).toContain(CASE_NUMBER);
    expect(printed).toMatch(/<img alt="The chart of the view" src="data:image\/png;base64,/);

    // Headless Chromium keeps the window's own print() job open, so the same document is
    // printed by Chromium again in a page of its own.
    const pdf = await printedToPdf(printed);
    fs.writeFileSync(path.join(ARTIFACTS, 'briefing.pdf'), pdf);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(20_000);
    // Size alone does not prove the chart (the text pages print to about 35 kB): the chart is
    // the document's one image, an image object in the PDF.
    expect(pdf.toString('latin1').match(/\/Subtype \/Image\b/g)).toHaveLength(1);
    await popup.close();
    expect(context.pages()).toHaveLength(1);
    expect(browser.errors).toEqual([]);
  });
});
