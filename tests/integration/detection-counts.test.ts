/**
 * Insider detection counts what left the server, whatever fields were selected
 * (issue 12, "Insider detection counts only resolved Entity objects"): persons
 * returned only as search hits without `entity`, or only as relationship ends,
 * count towards the volume rules; the audit record lists the document ids in
 * `sources` and the relationship ids too.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';
import { codesOf, signInPersonas, type Persona } from './access-personas.ts';

let server: TestServer;
let tokens: Record<Persona, string>;
let fixtureDir: string;

/** 210 persons around one hub: more than the suspension threshold (200) in one read. */
function crowdFixture(): string {
  const lines = ["CREATE (:Person {id: 'person-crowd-hub', name: 'Crowd Hub', sources: ['doc-crowd']});"];
  for (let i = 0; i < 210; i++) {
    lines.push(`CREATE (:Person {id: 'person-crowd-${i}', name: 'Crowd ${i}', sources: ['doc-crowd']});`);
    lines.push(
      `MATCH (a:Person {id: 'person-crowd-hub'}), (b:Person {id: 'person-crowd-${i}'}) CREATE (a)-[:ASSOCIATE_OF {id: 'rel-crowd-${i}', sources: ['doc-crowd']}]->(b);`,
    );
  }
  const file = path.join(fixtureDir, 'crowd.cypher');
  fs.writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

const alertsOf = async (user: string) =>
  (
    (
      await server.gql<{ alerts: Array<{ kind: string; user: string }> }>(
        '{ alerts(limit: 100) { kind user } }',
        {},
        { token: tokens.admin },
      )
    ).body.data?.alerts ?? []
  ).filter((alert) => alert.user === user);

beforeAll(async () => {
  fixtureDir = fs.mkdtempSync(path.join(os.tmpdir(), 'maillon-detect-'));
  server = await startTestServer({ seed: [crowdFixture()] });
  tokens = await signInPersonas(server);
});
afterAll(async () => {
  await server?.stop();
  fs.rmSync(fixtureDir, { recursive: true, force: true });
});

describe('detection counts what left the server', () => {
  it('counts search hits read as `{ matched score }` without the entity (alert above 50)', async () => {
    const answer = await server.gql<{ a: unknown[]; b: unknown[] }>(
      '{ a: search(query: "crowd", labels: ["Person"], limit: 100) { matched score } b: search(query: "crowd", labels: ["Person"], limit: 100) { score } }',
      {},
      { token: tokens.viewer, purpose: 'CASE-1' },
    );
    expect(answer.body.data?.a.length).toBeGreaterThan(50);
    expect(await alertsOf('viewer')).toContainEqual(expect.objectContaining({ kind: 'VOLUME' }));
  });

  it('suspends a user who reads 211 persons as relationship ends only', async () => {
    const answer = await server.gql(
      '{ neighbourhood(ids: ["person-crowd-hub"], depth: 1, limit: 2000, perNodeLimit: 500) { relationships { source target } } }',
      {},
      { token: tokens.investigator, purpose: 'CASE-1' },
    );
    expect(codesOf(answer)).toContain('SESSION_SUSPENDED');
    expect(await alertsOf('investigator')).toContainEqual(expect.objectContaining({ kind: 'SESSION_SUSPENDED' }));
  });

  it('lists the documents in `sources` and the relationship ids in the audit record', async () => {
    await server.gql(
      '{ neighbourhood(ids: ["person-crowd-hub"], perNodeLimit: 3) { nodes { id } relationships { source } } }',
      {},
      { token: tokens.cleared, purpose: 'CASE-2' },
    );
    const log = await server.gql<{ auditLog: Array<{ entityIds: string[] }> }>(
      '{ auditLog(limit: 1, user: "cleared") { entityIds } }',
      {},
      // A cleared user's reads are shown in full to cleared admins only (audit/restricted-reads.ts).
      { token: tokens.clearedadmin },
    );
    const ids = log.body.data?.auditLog[0]?.entityIds ?? [];
    expect(ids).toContain('doc-crowd');
    expect(ids.filter((id) => id.startsWith('rel-crowd-'))).toHaveLength(3);
  });
});
