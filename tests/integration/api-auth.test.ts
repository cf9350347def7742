// Sign-in, tokens, roles and the purpose of access, over HTTP against a real server.
import { grantClearanceServerSide } from '../helpers/clearance.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, FIXTURES, startTestServer, type TestServer } from '../helpers/test-server.ts';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ seed: [FIXTURES.smallGraph] });
});
afterAll(() => server?.stop());

const LOGIN = `mutation L($u: String!, $p: String!) { login(username: $u, password: $p) { token expiresAt user { username role } } }`;

describe('login', () => {
  it('gives a token for the right password', async () => {
    const { status, body } = await server.gql<{ login: { token: string; expiresAt: string; user: { role: string } } }>(
      LOGIN,
      { u: ADMIN.username, p: ADMIN.password },
    );
    expect(status).toBe(200);
    expect(body.data?.login.token.split('.')).toHaveLength(3);
    expect(body.data?.login.user.role).toBe('ADMIN');
    expect(Date.parse(body.data?.login.expiresAt ?? '')).toBeGreaterThan(Date.now());
  });

  it('refuses a wrong password without saying which part was wrong', async () => {
    const { status, body } = await server.gql(LOGIN, { u: ADMIN.username, p: 'not-the-password' });
    expect(status).toBe(401);
    expect(body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(body.errors?.[0]?.message).toBe('Wrong username or password.');
    const unknown = await server.gql(LOGIN, { u: 'nobody', p: 'not-the-password' });
    expect(unknown.body.errors?.[0]?.message).toBe('Wrong username or password.');
  });

  it('slows down repeated failures with RATE_LIMITED', async () => {
    const codes: string[] = [];
    for (let i = 0; i < 6; i += 1) {
      const { body } = await server.gql(LOGIN, { u: 'victim', p: `guess-${i}-wrong` });
      codes.push(String(body.errors?.[0]?.extensions?.code));
    }
    expect(codes.slice(0, 3)).toEqual(['UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED']);
    expect(codes).toContain('RATE_LIMITED');
  });
});

describe('without a token', () => {
  it.each([
    ['a data query', '{ search(query: "Lucien") { score } }'],
    ['stats', '{ stats { nodes } }'],
    ['__typename alone', '{ __typename }'],
    ['introspection', '{ __schema { queryType { name } } }'],
    [
      'login next to another field',
      'mutation { login(username: "a", password: "b") { token } disableUser(username: "x") { username } }',
    ],
    ['an invalid query', '{ nothingHere }'],
    ['a syntax error', '{ search('],
  ])('%s is refused with UNAUTHENTICATED', async (_name, query) => {
    const { status, body } = await server.gql(query);
    expect(status).toBe(401);
    expect(body.data ?? null).toBeNull();
    expect(body.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
  });

  it('a forged or garbled token is refused', async () => {
    const { status, body } = await server.gql(
      '{ me { username } }',
      {},
      { token: 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJhZG1pbiJ9.' },
    );
    expect(status).toBe(401);
    expect(body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('roles, revocation and purpose', () => {
  it('admins manage users; a viewer may not; disabling revokes tokens at once', async () => {
    const admin = await server.adminToken();
    const created = await server.gql<{ createUser: { username: string; role: string } }>(
      'mutation { createUser(username: "Vera", password: "vera-password-1", role: VIEWER) { username role } }',
      {},
      { token: admin },
    );
    expect(created.body.data?.createUser).toEqual({ username: 'vera', role: 'VIEWER' });

    const vera = await server.login('vera', 'vera-password-1');
    const me = await server.gql<{ me: { username: string } }>('{ me { username } }', {}, { token: vera });
    expect(me.body.data?.me.username).toBe('vera');
    const forbidden = await server.gql('{ users { username } }', {}, { token: vera });
    expect(forbidden.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(forbidden.body.errors?.[0]?.message).toContain('needs the ADMIN role');

    await server.gql('mutation { disableUser(username: "vera") { disabled } }', {}, { token: admin });
    const after = await server.gql('{ me { username } }', {}, { token: vera });
    expect(after.status).toBe(401);
    expect(after.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    await expect(server.login('vera', 'vera-password-1')).rejects.toThrow('Wrong username or password.');
  });

  it('an admin cannot lock themselves out', async () => {
    const token = await server.adminToken();
    const demote = await server.gql('mutation { updateUser(username: "admin", role: VIEWER) { role } }', {}, { token });
    expect(demote.body.errors?.[0]?.message).toBe('you cannot change your own role; ask another admin');
    const disable = await server.gql('mutation { disableUser(username: "admin") { disabled } }', {}, { token });
    expect(disable.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('a data read without X-Purpose gets PURPOSE_REQUIRED; with one it answers', async () => {
    const token = await server.adminToken();
    const without = await server.gql('{ entity(id: "person-lucien") { name } }', {}, { token });
    expect(without.body.errors?.[0]?.extensions?.code).toBe('PURPOSE_REQUIRED');
    const withPurpose = await server.gql<{ entity: { name: string } }>(
      '{ entity(id: "person-lucien") { name } }',
      {},
      { token, purpose: 'case TEST-1' },
    );
    expect(withPurpose.body.data?.entity.name).toBe('Lucien Férat');
  });

  it('an over-long purpose is refused with a clear message', async () => {
    const token = await server.adminToken();
    const { status, body } = await server.gql('{ me { username } }', {}, { token, purpose: 'x'.repeat(201) });
    expect(status).toBe(400);
    expect(body.errors?.[0]?.message).toBe('X-Purpose must be at most 200 characters');
  });

  it('informant identities appear only with clearance', async () => {
    const admin = await server.adminToken();
    await server.gql(
      'mutation { createUser(username: "cleo", password: "cleo-password-1", role: INVESTIGATOR) { username } }',
      {},
      { token: admin },
    );
    await grantClearanceServerSide(server, 'cleo');
    const cleo = await server.login('cleo', 'cleo-password-1');
    const { body } = await server.gql<{ neighbourhood: { relationships: Array<{ type: string }> } }>(
      '{ neighbourhood(ids: ["informant-heron"]) { relationships { type } } }',
      {},
      { token: cleo, purpose: 'case TEST-1' },
    );
    expect(body.data?.neighbourhood.relationships.map((r) => r.type).sort()).toEqual(['HANDLES', 'IDENTIFIES_AS']);
  });
});
