/**
 * Rate limits per user: past the rate of a minute, requests get 429 with Retry-After, even
 * when the flood is made of invalid documents; other users keep working.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, startTestServer, type TestServer } from '../helpers/test-server.ts';

let server: TestServer;
let admin: string;
let flooder: string;

beforeAll(async () => {
  // 20 a minute, counted in the store (shared by every server on the database).
  server = await startTestServer({ seed: [FIXTURES.smallGraph], env: { MAILLON_RATE_LIMIT: '20' } });
  admin = await server.adminToken();
  await server.gql(
    'mutation { createUser(username: "flooder", password: "a-long-enough-password", role: VIEWER) { username } }',
    {},
    { token: admin },
  );
  flooder = await server.login('flooder', 'a-long-enough-password');
});
afterAll(() => server?.stop());

describe('rate limits', () => {
  it('answers 429 with Retry-After once a user has spent the requests of a minute, invalid documents included', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 20; i++) statuses.push((await server.gql('{ nope }', {}, { token: flooder })).status);
    expect(statuses.every((s) => s === 400)).toBe(true);
    const limited = await server.gql('{ me { username } }', {}, { token: flooder });
    expect(limited.status).toBe(429);
    expect(limited.body.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(limited.body.data ?? null).toBeNull();
  });

  it('does not slow down other users', async () => {
    const { status, body } = await server.gql('{ me { username } }', {}, { token: admin });
    expect(status).toBe(200);
    expect(body.data).toEqual({ me: { username: 'admin' } });
  });
});
