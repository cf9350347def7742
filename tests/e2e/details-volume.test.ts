/**
 * Issue 15: selecting a node read up to 51 persons for its details panel (its neighbours)
 * without the read-volume guard the expansions go through. Now the panel asks the server
 * first, like an expansion: past the alert it asks the analyst, past the suspension it reads
 * nothing and says why. The network is fictional: one hub and five associates.
 */
import { describe, expect, it } from 'vitest';
import { callApi, importWithInvestigator, signInByApi } from './api.ts';
import { addBySearch, signIn } from './flows.ts';
import { useExplorerSession } from './session.ts';

const DOC = 'doc-corruption-officials-2024-03-08';
const HUB = 'person-dv-hub';

function fictionalHub(): string {
  const person = (id: string, name: string) => `CREATE (:Person {id: '${id}', name: '${name}', sources: ['${DOC}']});`;
  const lines = [person(HUB, 'Odile Marchetti')];
  for (let i = 0; i < 5; i++) {
    lines.push(
      person(`person-dv-s${i}`, `Associate ${i}`),
      `MATCH (a:Person {id: '${HUB}'}), (b:Person {id: 'person-dv-s${i}'}) CREATE (a)-[:ASSOCIATE_OF {id: 'rel-dv-${i}', sources: ['${DOC}']}]->(b);`,
    );
  }
  return lines.join('\n');
}

const VERA = { username: 'vera', password: 'vera-long-enough-password' };

describe('the details panel reads neighbours through the read-volume guard', () => {
  // Admins are alerted past 3 persons; investigators suspended past 4.
  const session = useExplorerSession({
    env: { MAILLON_READ_LIMIT_ADMIN: '3/40', MAILLON_READ_LIMIT_INVESTIGATOR: '1/4' },
  });
  const dialogs: string[] = [];
  let answer: 'dismiss' | 'accept' = 'dismiss';
  const associateAnswers = async () =>
    (await session.answers.settled()).filter((a) => a.entityIds.some((id) => id.startsWith('person-dv-s'))).length;
  const standing = async (token: string) =>
    (
      await callApi<{ readVolume: { distinctPersons: number } }>(session.server, {
        query: '{ readVolume { distinctPersons } }',
        token,
        purpose: 'CASE-check',
      })
    ).data?.readVolume.distinctPersons;

  it('asks before the details would cross the alert, reads nothing when the analyst says no, and reads on request', async () => {
    const { page } = session.browser;
    const { server } = session;
    const admin = await signInByApi(server, { username: 'admin', password: server.adminPassword });
    await importWithInvestigator(server, { adminToken: admin, script: fictionalHub(), investigator: VERA });

    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void (answer === 'accept' ? dialog.accept() : dialog.dismiss());
    });
    await page.goto(server.url);
    await signIn(page, { password: server.adminPassword, purpose: 'Case 2026-032 details volume e2e' });
    expect(await addBySearch(page, { query: 'odile', option: /Odile Marchetti/ })).toBe(HUB);

    const details = page.getByRole('region', { name: 'Details of Odile Marchetti' });
    const declined = details.getByTestId('relationships-declined');
    await declined.waitFor();
    expect(dialogs).toEqual([
      'This would add 5 persons to the 1 you have read this hour: past 3 the admins are alerted. Go on?',
    ]);
    expect(await declined.innerText()).toContain('Relationships not read');
    expect(await associateAnswers()).toBe(0);
    expect(await standing(admin)).toBe(1);

    await details.getByRole('button', { name: 'Read them anyway' }).click();
    await details.getByRole('button', { name: 'Associate 4' }).waitFor();
    expect(dialogs).toHaveLength(1);
    expect(await standing(admin)).toBe(6);
    expect(session.browser.errors).toEqual([]);
  });

  it('reads nothing when the details would suspend the session, and says why', async () => {
    const { page } = session.browser;
    answer = 'accept';
    await page.getByRole('button', { name: 'Sign out' }).click();
    await signIn(page, { ...VERA, purpose: 'Case 2026-032 details volume e2e' });
    const dialogsBefore = dialogs.length;
    const associatesSeen = await associateAnswers();
    expect(await addBySearch(page, { query: 'odile', option: /Odile Marchetti/ })).toBe(HUB);

    const details = page.getByRole('region', { name: 'Details of Odile Marchetti' });
    const refusal = details.getByRole('alert').filter({ hasText: 'past 4 your session is suspended' });
    await refusal.waitFor();
    expect(await refusal.innerText()).toContain('This would add 5 persons to the 1 you have read this hour');
    // Not asked (there is nothing to choose), nothing read, and not suspended.
    expect(dialogs.length - dialogsBefore).toBe(0);
    expect(await associateAnswers()).toBe(associatesSeen);
    expect(await standing(await signInByApi(session.server, VERA))).toBe(1);
    await session.browser.screenshot('details-volume-refused');
  });
});
