/**
 * The quoted throttling race ("30 concurrent wrong passwords for one user: 25 were checked;
 * sequentially the block starts after 4"), against one real server on the embedded store: an
 * attempt is taken atomically before the password is checked, so concurrent guesses get no more
 * checks than guesses in a row would have had in the same time. (Across servers on Neo4j:
 * tests/neo4j/several-servers.test.ts.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sequentialChecks } from '../helpers/login-throttle.ts';
import { FIXTURES, startTestServer, type TestServer } from '../helpers/test-server.ts';

const LOGIN = 'mutation L($u: String!, $p: String!) { login(username: $u, password: $p) { token } }';
const GUESSES = 30;

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ seed: [FIXTURES.smallGraph] });
  const created = await server.gql(
    'mutation { createUser(username: "ana", password: "a-long-enough-password", role: INVESTIGATOR) { username } }',
    {},
    { token: await server.adminToken() },
  );
  expect(created.body.errors).toBeUndefined();
});
afterAll(() => server?.stop());

describe('concurrent wrong passwords for one user', () => {
  it('get no more checks than the same guesses in a row', async () => {
    const started = Date.now();
    const answers = await Promise.all(
      Array.from({ length: GUESSES }, (_, i) => server.gql(LOGIN, { u: 'ana', p: `not her password ${i}` })),
    );
    const elapsed = Date.now() - started;
    const codes = answers.map((a) => String(a.body.errors?.[0]?.extensions?.code));
    const checked = codes.filter((c) => c === 'UNAUTHENTICATED').length;
    console.log(`login race: ${checked} of ${GUESSES} concurrent guesses checked in ${elapsed} ms`);
    expect(checked).toBeGreaterThanOrEqual(3);
    expect(checked).toBeLessThanOrEqual(sequentialChecks(elapsed));
    expect(codes.filter((c) => c === 'RATE_LIMITED')).toHaveLength(GUESSES - checked);
  });
});
