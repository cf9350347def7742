/**
 * The audit log and the alerts as an admin without informant clearance sees
 * them, after a cleared investigator's reads of an informant (the quoted
 * inversions): every such record is restricted (who, when, operation, purpose,
 * outcome; no entity ids, no details), an entity filter on the protected person
 * matches none of them, and an alert the read raised names nobody.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, startTestServer, type TestServer } from '../helpers/test-server.ts';
import { signInPersonas, type Persona } from './access-personas.ts';

const INFORMANT = 'informant-heron';
const PERSON = 'person-marc';

interface Entry {
  user: string;
  operation: string;
  purpose: string | null;
  outcome: string;
  requestId: string;
  entityIds: string[];
  details: unknown;
  restricted: boolean;
}

let server: TestServer;
let tokens: Record<Persona, string>;
let fixtureDir: string;

const AUDIT_LOG =
  'query L($e: ID) { auditLog(limit: 200, entityId: $e) { user operation purpose outcome requestId entityIds details restricted } }';

async function auditLogAs(persona: Persona, entityId?: string): Promise<Entry[]> {
  const { body } = await server.gql<{ auditLog: Entry[] }>(AUDIT_LOG, entityId ? { e: entityId } : {}, {
    token: tokens[persona],
  });
  return body.data?.auditLog ?? [];
}

/** A cleared investigator's read; returns its request id. */
async function clearedRead(query: string): Promise<string> {
  const response = await server.gql(query, {}, { token: tokens.cleared, purpose: 'CASE-HERON' });
  expect(response.body.errors).toBeUndefined();
  return response.headers.get('x-request-id') ?? '';
}

beforeAll(async () => {
  fixtureDir = fs.mkdtempSync(path.join(os.tmpdir(), 'maillon-uncleared-view-'));
  const paidInKind = path.join(fixtureDir, 'paid-in-kind.cypher');
  fs.writeFileSync(
    paidInKind,
    "MATCH (a:Person {id: 'person-lucien'}), (b:Person {id: 'person-marc'}) CREATE (a)-[:PAID {id: 'rel-lucien-pays-marc', method: 'drugs', kg: 2, at: '2024-03-01', sources: ['doc-fixture']}]->(b);\n",
  );
  server = await startTestServer({
    seed: [FIXTURES.smallGraph, paidInKind],
    // The protected person is a canary, so the cleared reads below raise an alert; a loaded machine needs time.
    env: { MAILLON_CANARY_IDS: PERSON, MAILLON_QUERY_TIMEOUT_MS: '120000' },
  });
  tokens = await signInPersonas(server);
});
afterAll(async () => {
  await server?.stop();
  fs.rmSync(fixtureDir, { recursive: true, force: true });
});

const INVERSIONS: ReadonlyArray<readonly [string, string]> = [
  ['neighbourhood of the informant, ids only', `{ neighbourhood(ids: ["${INFORMANT}"]) { nodes { id } } }`],
  ['paths informant to person, length 1', `{ paths(from: "${INFORMANT}", to: "${PERSON}", maxLength: 1) { length } }`],
  ['red flags informant-paid-in-kind', '{ redFlags(rules: ["informant-paid-in-kind"]) { summary } }'],
  [
    'neighbours left around the identity',
    `{ neighbourhood(ids: ["${INFORMANT}"]) { nodes { id name } relationships { id type source target } } }`,
  ],
  [
    'search and neighbourhood (namesakes)',
    `{ search(query: "Marc") { entity { id } } neighbourhood(ids: ["${INFORMANT}"]) { nodes { id } } }`,
  ],
];

describe('a cleared read, as an uncleared admin sees its record', () => {
  for (const [name, query] of INVERSIONS) {
    it(`${name}: restricted, without ids or details, and not found by the person`, async () => {
      const requestId = await clearedRead(query);
      const cleared = (await auditLogAs('clearedadmin')).find((r) => r.requestId === requestId);
      expect(cleared?.restricted).toBe(true);
      const seen = (await auditLogAs('admin')).find((r) => r.requestId === requestId);
      expect(seen).toMatchObject({ user: 'cleared', purpose: 'CASE-HERON', outcome: 'OK', restricted: true });
      expect(seen?.entityIds).toEqual([]);
      expect(seen?.details).toBeNull();
      const byPerson = await auditLogAs('admin', PERSON);
      expect(byPerson.map((r) => r.requestId)).not.toContain(requestId);
      expect(JSON.stringify(byPerson)).not.toContain('identityReads');
    });
  }

  it('lists nothing about the person or the identity anywhere in the whole log', async () => {
    // The uncleared admin's own filter on the person is theirs to see; everyone else's records are checked.
    const text = JSON.stringify((await auditLogAs('admin')).filter((r) => r.user !== 'admin'));
    expect(text).not.toContain(PERSON);
    expect(text).not.toContain('identityReads');
    expect(text).not.toContain('(redacted)');
  });

  it('names nobody in an alert the cleared read raised', async () => {
    type Alerts = {
      alerts: Array<{ kind: string; user: string; summary: string; entityIds: string[]; restricted: boolean }>;
    };
    const query = '{ alerts { kind user summary entityIds restricted } }';
    const full = await server.gql<Alerts>(query, {}, { token: tokens.clearedadmin });
    const canary = full.body.data?.alerts.find((a) => a.kind === 'CANARY_READ' && a.user === 'cleared');
    expect(canary?.entityIds).toEqual([PERSON]);
    const seen = await server.gql<Alerts>(query, {}, { token: tokens.admin });
    const redacted = seen.body.data?.alerts.find((a) => a.kind === 'CANARY_READ' && a.user === 'cleared');
    expect(redacted).toMatchObject({ entityIds: [], restricted: true });
    expect(JSON.stringify(seen.body)).not.toContain(PERSON);
  });
});
