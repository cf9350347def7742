/**
 * A view file is a list of ids, not data: opening one draws what the database holds now for
 * the user. A file edited by hand (a description changed to "FORGED: convicted", a fake person
 * with a PAID link citing a real report) must not be drawn as real data.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { callApi, signInByApi } from './api.ts';
import { ARTIFACTS } from './browser.ts';
import { counts, signIn, waitUntil } from './flows.ts';
import { useExplorerSession } from './session.ts';

interface Neighbourhood {
  readonly nodes: readonly { id: string; label: string; name: string; properties: Record<string, unknown> }[];
  readonly relationships: readonly { id: string; type: string; source: string; target: string }[];
}

const DJEHA = 'person-mohamed-djeha';

describe('opening a view file', () => {
  const session = useExplorerSession();

  it('draws the database copy of a hand-edited file and leaves out what the database does not hold', async () => {
    const { server, browser } = session;
    const token = await signInByApi(server, { username: 'admin', password: server.adminPassword });
    const answer = await callApi<{ neighbourhood: Neighbourhood }>(server, {
      query: `{ neighbourhood(ids: ["${DJEHA}"], depth: 1) {
        nodes { id label name properties sources } relationships { id type source target properties sources } } }`,
      token,
      purpose: 'Forged file check',
    });
    const real = answer.data?.neighbourhood;
    if (!real) throw new Error(`no neighbourhood: ${JSON.stringify(answer.errors)}`);

    const forgedNodes = real.nodes.map((node) =>
      node.id === DJEHA ? { ...node, properties: { ...node.properties, description: 'FORGED: convicted' } } : node,
    );
    const fake = { id: 'person-fake', label: 'Person', name: 'Fake Payer', properties: {}, sources: [] };
    const fakePaid = {
      id: 'rel-fake-paid',
      type: 'PAID',
      source: 'person-fake',
      target: DJEHA,
      properties: { amount: 100 },
      sources: ['doc-lemonde-2025-05-21'],
    };
    const file = path.join(ARTIFACTS, 'forged-view.json');
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    fs.writeFileSync(
      file,
      JSON.stringify({
        format: 'maillon-workspace',
        version: 1,
        nodes: [...forgedNodes, fake],
        relationships: [...real.relationships, fakePaid],
        hidden: [],
        pinned: [],
        omitted: {},
        positions: {},
      }),
    );

    const { page } = browser;
    await page.goto(server.url);
    await signIn(page, { password: server.adminPassword, purpose: 'Forged file check' });
    await page.getByLabel('Open workspace JSON').setInputFiles(file);
    await waitUntil(page, 'the view drawn', async () => (await counts(page)).nodes > 0);

    expect(await counts(page)).toEqual({ nodes: real.nodes.length, relationships: real.relationships.length });
    const notice = await page.getByRole('alert').innerText();
    expect(notice).toContain('2 elements of the file are not in the database');
    expect(notice).toContain("1 differed from the database and shows the database's version");
    await browser.screenshot('open-forged-view');
    expect(await page.content()).not.toContain('FORGED');
    expect(await page.content()).not.toContain('Fake Payer');
  });
});
