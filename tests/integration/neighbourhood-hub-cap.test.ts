/**
 * A hub is read in full up to the explorer's highest cap. The explorer lets an analyst set the
 * expand cap to 1000; the server stopped at `perNodeLimit: 500`, so a 531-neighbour place in a
 * generated 10,000-person network stayed "+32 more: raise the cap" with the cap already at 1000.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, startTestServer, type TestServer } from '../helpers/test-server.ts';

const SPOKES = 600;
let server: TestServer;
let fixtureDir: string;
let token: string;

/** A fictional place with 600 persons based there. */
function hubFixture(): string {
  const rows = Array.from({ length: SPOKES }, (_, i) => `{id: 'person-spoke-${i}', rel: 'rel-spoke-${i}'}`);
  const file = path.join(fixtureDir, 'hub.cypher');
  fs.writeFileSync(
    file,
    [
      "CREATE (:Location {id: 'location-hub', name: 'Hubville', sources: ['doc-hub']});",
      `UNWIND [${rows.join(', ')}] AS row CREATE (:Person {id: row.id, name: row.id, sources: ['doc-hub']});`,
      `UNWIND [${rows.join(', ')}] AS row MATCH (p:Person {id: row.id}), (l:Location {id: 'location-hub'}) ` +
        "CREATE (p)-[:BASED_IN {id: row.rel, sources: ['doc-hub']}]->(l);",
    ].join('\n'),
  );
  return file;
}

beforeAll(async () => {
  fixtureDir = fs.mkdtempSync(path.join(os.tmpdir(), 'maillon-hub-cap-'));
  server = await startTestServer({ seed: [hubFixture()], env: { MAILLON_READ_LIMIT_ADMIN: '100000/200000' } });
  const login = await server.gql<{ login: { token: string } }>(
    'mutation L($u: String!, $p: String!) { login(username: $u, password: $p) { token } }',
    { u: ADMIN.username, p: ADMIN.password },
  );
  token = login.body.data?.login.token ?? '';
});
afterAll(async () => {
  await server?.stop();
  fs.rmSync(fixtureDir, { recursive: true, force: true });
});

describe('neighbourhood of a hub at the highest cap', () => {
  it("reads every relationship of a 600-neighbour hub with perNodeLimit 1000 (the explorer's highest cap)", async () => {
    const answer = await server.gql<{
      neighbourhood: { relationships: unknown[]; omitted: Array<{ id: string; count: number }> };
    }>(
      'query N($p: Int) { neighbourhood(ids: ["location-hub"], limit: 1000, perNodeLimit: $p) { relationships { id } omitted { id count } } }',
      { p: 1000 },
      { token, purpose: 'CASE-HUB' },
    );
    expect(answer.body.errors ?? []).toEqual([]);
    expect(answer.body.data?.neighbourhood.relationships).toHaveLength(SPOKES);
    expect(answer.body.data?.neighbourhood.omitted).toEqual([]);
  });

  it('refuses a perNodeLimit above the highest cap with a message naming the bound', async () => {
    const answer = await server.gql(
      '{ neighbourhood(ids: ["location-hub"], perNodeLimit: 1001) { nodes { id } } }',
      {},
      { token, purpose: 'CASE-HUB' },
    );
    expect(answer.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(answer.body.errors?.[0]?.message).toMatch(/perNodeLimit.*1000/);
  });
});
