/**
 * Insider-lookup detection through the API: a canary read raises an alert at
 * once; reading more than 50 distinct persons within an hour raises one; more
 * than 200 suspends the session until an admin clears it. (The sliding window
 * and time rules run on a fake clock in InsiderDetector.test.ts.)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, startTestServer, type TestServer } from '../helpers/test-server.ts';
import { codesOf, signInPersonas, type Persona } from './access-personas.ts';

interface Alert {
  kind: string;
  user: string;
  entityIds: string[];
  summary: string;
  userSuspended: boolean;
}

let server: TestServer;
let tokens: Record<Persona, string>;
let fixtureDir: string;

/** 210 more persons around one hub, enough to cross the suspension threshold in one read. */
function crowdFixture(): string {
  const lines = ["CREATE (:Person {id: 'person-crowd-hub', name: 'Crowd Hub', sources: ['doc-fixture']});"];
  for (let i = 0; i < 210; i++) {
    const id = `person-crowd-${i}`;
    lines.push(`CREATE (:Person {id: '${id}', name: 'Crowd ${i}', sources: ['doc-fixture']});`);
    lines.push(
      `MATCH (a:Person {id: 'person-crowd-hub'}), (b:Person {id: '${id}'}) CREATE (a)-[:ASSOCIATE_OF {id: 'rel-crowd-${i}', sources: ['doc-fixture']}]->(b);`,
    );
  }
  const file = path.join(fixtureDir, 'crowd.cypher');
  fs.writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

const alerts = async () =>
  (
    await server.gql<{ alerts: Alert[] }>(
      '{ alerts(limit: 50) { kind user entityIds summary userSuspended } }',
      {},
      { token: tokens.admin },
    )
  ).body.data?.alerts ?? [];

beforeAll(async () => {
  fixtureDir = fs.mkdtempSync(path.join(os.tmpdir(), 'maillon-alerts-'));
  server = await startTestServer({
    seed: [FIXTURES.smallGraph, crowdFixture()],
    env: { MAILLON_CANARY_IDS: 'person-nadia, case-ferat' },
  });
  tokens = await signInPersonas(server);
});
afterAll(async () => {
  await server?.stop();
  fs.rmSync(fixtureDir, { recursive: true, force: true });
});

describe('insider-lookup alerts', () => {
  it('raises an alert at once when a canary entity is read, visible to admins only', async () => {
    expect(await alerts()).toEqual([]);
    await server.gql('{ entity(id: "person-nadia") { id } }', {}, { token: tokens.viewer, purpose: 'CASE-1' });
    expect(await alerts()).toEqual([
      expect.objectContaining({ kind: 'CANARY_READ', user: 'viewer', entityIds: ['person-nadia'] }),
    ]);
    const denied = await server.gql('{ alerts { kind } }', {}, { token: tokens.investigator });
    expect(codesOf(denied)).toContain('FORBIDDEN');
  });

  it('raises a canary alert when the canary comes back inside a neighbourhood', async () => {
    await server.gql(
      '{ neighbourhood(ids: ["agency-brigade"]) { nodes { id } } }',
      {},
      { token: tokens.investigator, purpose: 'CASE-1' },
    );
    expect(await alerts()).toContainEqual(expect.objectContaining({ kind: 'CANARY_READ', user: 'investigator' }));
  });

  it('raises a volume alert above 50 distinct persons', async () => {
    const response = await server.gql(
      '{ neighbourhood(ids: ["person-hub"], perNodeLimit: 100) { nodes { id } } }',
      {},
      { token: tokens.cleared, purpose: 'CASE-1' },
    );
    expect(response.status).toBe(200);
    expect(await alerts()).toContainEqual(expect.objectContaining({ kind: 'VOLUME', user: 'cleared' }));
  });

  it('suspends the session above 200 persons until an admin clears it', async () => {
    const crowd = '{ neighbourhood(ids: ["person-crowd-hub"], perNodeLimit: 500, limit: 2000) { nodes { id } } }';
    const crossing = await server.gql(crowd, {}, { token: tokens.investigator, purpose: 'CASE-1' });
    expect(crossing.status).toBe(403);
    expect(codesOf(crossing)).toEqual(['SESSION_SUSPENDED']);
    expect(crossing.body.data ?? null).toBeNull();
    expect(await alerts()).toContainEqual(
      expect.objectContaining({ kind: 'SESSION_SUSPENDED', user: 'investigator', userSuspended: true }),
    );

    const after = await server.gql(
      '{ entity(id: "org-clan") { id } }',
      {},
      { token: tokens.investigator, purpose: 'CASE-1' },
    );
    expect(after.status).toBe(403);
    expect(codesOf(after)).toEqual(['SESSION_SUSPENDED']);
    // A new sign-in does not lift it either; other users are unaffected.
    const again = await server.login('investigator', 'a-long-enough-password');
    expect(codesOf(await server.gql('{ me { username } }', {}, { token: again }))).toEqual(['SESSION_SUSPENDED']);
    expect(codesOf(await server.gql('{ me { username } }', {}, { token: tokens.viewer }))).toEqual([]);

    const cleared = await server.gql(
      'mutation { clearSuspension(username: "Investigator") }',
      {},
      { token: tokens.admin },
    );
    expect(cleared.body.data).toEqual({ clearSuspension: true });
    expect(await alerts()).toContainEqual(
      expect.objectContaining({ kind: 'SESSION_SUSPENDED', user: 'investigator', userSuspended: false }),
    );
    const back = await server.gql(
      '{ entity(id: "org-clan") { id } }',
      {},
      { token: tokens.investigator, purpose: 'CASE-1' },
    );
    expect(back.body.data).toEqual({ entity: { id: 'org-clan' } });
  });
});
