/**
 * Issue 15: "the explorer gives no warning before a read crosses" the volume
 * thresholds, and expanding a large selection suspended the only admin. Now the
 * explorer asks the server what an expansion would add before sending it: past the
 * alert it asks the analyst, past the suspension it does not send it and says why.
 * The network is fictional: a hub, five spokes, two leaves per spoke.
 */
import { describe, expect, it } from 'vitest';
import { callApi, importWithInvestigator, signInByApi } from './api.ts';
import { addBySearch, counts, hook, signIn, waitUntil } from './flows.ts';
import { useExplorerSession } from './session.ts';

const DOC = 'doc-corruption-officials-2024-03-08';

function fictionalHub(): string {
  const person = (id: string, name: string) => `CREATE (:Person {id: '${id}', name: '${name}', sources: ['${DOC}']});`;
  const link = (a: string, b: string) =>
    `MATCH (a:Person {id: '${a}'}), (b:Person {id: '${b}'}) CREATE (a)-[:ASSOCIATE_OF {id: 'rel-${a}-${b}', sources: ['${DOC}']}]->(b);`;
  const lines = [person('person-vol-hub', 'Ximena Castel')];
  for (let i = 0; i < 5; i++) {
    lines.push(person(`person-vol-s${i}`, `Spoke ${i}`), link('person-vol-hub', `person-vol-s${i}`));
    for (let j = 0; j < 2; j++) {
      lines.push(person(`person-vol-l${i}${j}`, `Leaf ${i}-${j}`), link(`person-vol-s${i}`, `person-vol-l${i}${j}`));
    }
  }
  // Three threatened officials of one unit: three intimidation-of-official flags, six persons.
  lines.push(`CREATE (:Agency {id: 'agency-vol', name: 'Fictional Unit', kind: 'police', sources: ['${DOC}']});`);
  for (let i = 0; i < 3; i++) {
    lines.push(
      person(`person-vol-o${i}`, `Officer ${i}`),
      person(`person-vol-t${i}`, `Threat ${i}`),
      `MATCH (a:Person {id: 'person-vol-o${i}'}), (b:Agency {id: 'agency-vol'}) CREATE (a)-[:EMPLOYED_BY {id: 'rel-vol-e${i}', sources: ['${DOC}']}]->(b);`,
      `MATCH (a:Person {id: 'person-vol-t${i}'}), (b:Person {id: 'person-vol-o${i}'}) CREATE (a)-[:THREATENED {id: 'rel-vol-t${i}', at: '2024-01-0${i + 1}', sources: ['${DOC}']}]->(b);`,
    );
  }
  return lines.join('\n');
}

const VERA = { username: 'vera', password: 'vera-long-enough-password' };

describe('the read-volume warning before an expansion', () => {
  // Admins are alerted past 9 and suspended past 30; investigators suspended past 16.
  const session = useExplorerSession({
    env: { MAILLON_READ_LIMIT_ADMIN: '9/30', MAILLON_READ_LIMIT_INVESTIGATOR: '9/16' },
  });
  const dialogs: string[] = [];
  let answer: 'dismiss' | 'accept' = 'dismiss';
  /** Answers that carried a leaf: a read of the second ring, which a refused expansion must not make. */
  const leafAnswers = async () =>
    (await session.answers.settled()).filter((a) => a.entityIds.some((id) => id.startsWith('person-vol-l'))).length;

  /** The hub on the canvas (its details list the five spokes: 6 persons read), then its spokes drawn. */
  async function drawHubAndSpokes(): Promise<void> {
    const { page } = session.browser;
    expect(await addBySearch(page, { query: 'ximena', option: /Ximena Castel/ })).toBe('person-vol-hub');
    const details = page.getByRole('region', { name: 'Details of Ximena Castel' });
    await details.getByRole('list', { name: 'Sources' }).waitFor();
    await details.getByRole('button', { name: 'Expand', exact: true }).click();
    await waitUntil(page, 'the spokes', async () => (await counts(page)).nodes === 6);
  }

  /** Until the page has sent nothing for a while: the focused node's details are read on selection. */
  async function settle(): Promise<void> {
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

  /**
   * Every node selected, then `E`. Selecting shows the last node's details, a read of its own
   * neighbours (a spoke's two leaves, or nothing new for the hub), so the standing is asked
   * from the server once the page is quiet; returns it: the persons read before the expansion.
   */
  async function selectAllAndExpand(token: string): Promise<number> {
    const { page } = session.browser;
    await page.locator('[data-testid="graph-canvas"]').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+a');
    await waitUntil(page, 'all selected', async () => (await hook(page, (h) => h.selectedIds())).length >= 6);
    await settle();
    const standing = await callApi<{ readVolume: { distinctPersons: number } }>(session.server, {
      query: '{ readVolume { distinctPersons } }',
      token,
      purpose: 'CASE-check',
    });
    await page.keyboard.press('e');
    return standing.data?.readVolume.distinctPersons ?? -1;
  }

  it('asks before a read that would alert the admins, and sends nothing when the analyst says no', async () => {
    const { page } = session.browser;
    const { server } = session;
    const admin = await signInByApi(server, { username: 'admin', password: server.adminPassword });
    await importWithInvestigator(server, { adminToken: admin, script: fictionalHub(), investigator: VERA });

    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void (answer === 'accept' ? dialog.accept() : dialog.dismiss());
    });
    await page.goto(server.url);
    await signIn(page, { password: server.adminPassword, purpose: 'Case 2026-031 volume e2e' });
    await drawHubAndSpokes();
    // Nothing new in the hub's expansion: its spokes were read with its details. No question.
    expect(dialogs).toEqual([]);

    const read = await selectAllAndExpand(admin);
    await waitUntil(page, 'the question', async () => dialogs.length === 1);
    expect(dialogs[0]).toBe(
      `This would add ${16 - read} persons to the ${read} you have read this hour: past 9 the admins are alerted. Go on?`,
    );
    const leavesSeen = await leafAnswers();
    await page.waitForTimeout(1000);
    expect((await counts(page)).nodes).toBe(6);
    expect(await leafAnswers()).toBe(leavesSeen);

    answer = 'accept';
    await page.keyboard.press('e');
    await waitUntil(page, 'the accepted expansion', async () => (await counts(page)).nodes === 16);
    expect(dialogs).toHaveLength(2);
  });

  it('does not send a read that would suspend the session, and says why', async () => {
    const { page } = session.browser;
    const { server } = session;
    answer = 'accept';
    await page.getByRole('button', { name: 'Sign out' }).click();
    await signIn(page, { ...VERA, purpose: 'Case 2026-031 volume e2e' });
    await drawHubAndSpokes();
    const dialogsBefore = dialogs.length;
    const vera = await signInByApi(server, VERA);

    // A red-flag scan shows its evidence, six persons here: past the alert at 9, so she is asked.
    await page.getByRole('tab', { name: 'Red flags' }).click();
    await page.getByRole('list', { name: 'Red flags found' }).waitFor();
    expect(dialogs.slice(dialogsBefore)).toEqual([
      'This would add 6 persons to the 6 you have read this hour: past 9 the admins are alerted. Go on?',
    ]);
    await page.getByRole('tab', { name: 'Details' }).click();

    const read = await selectAllAndExpand(vera);
    const refusal = page.getByRole('alert').filter({ hasText: 'past 16 your session is suspended' });
    await refusal.waitFor();
    expect(await refusal.innerText()).toContain(
      `This would add ${22 - read} persons to the ${read} you have read this hour`,
    );
    expect(dialogs).toHaveLength(dialogsBefore + 1);
    await page.waitForTimeout(1000);
    expect((await counts(page)).nodes).toBe(6);

    // Not suspended, and the refused read counted nothing: her standing is what she had.
    const volume = await callApi<{ readVolume: { distinctPersons: number } }>(server, {
      query: '{ readVolume { distinctPersons } }',
      token: vera,
      purpose: 'CASE-check',
    });
    expect(volume.errors).toBeUndefined();
    expect(volume.data?.readVolume.distinctPersons).toBe(read);
    await session.browser.screenshot('read-volume-refused');
  });
});
