/**
 * Informant clearance is granted by two cleared admins (one proposes, another
 * approves) or by the server-side CLI, never by oneself; every grant and
 * revocation is in the audit trail with both names, and a revocation locks the
 * user's existing tokens out on the very next request.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, startTestServer, type TestServer } from '../helpers/test-server.ts';
import { grantClearanceServerSide } from '../helpers/clearance.ts';
import { codesOf, PERSONA_PASSWORD, signInPersonas, type Persona } from './access-personas.ts';

let server: TestServer;
let tokens: Record<Persona, string>;

const IDENTITY_READ = '{ neighbourhood(ids: ["informant-heron"]) { relationships { type } } }';
const CHANGE = (mutation: string, username: string) =>
  `mutation { ${mutation}(username: "${username}") { username informantClearance } }`;

async function seesIdentity(token: string): Promise<boolean> {
  const { body } = await server.gql<{ neighbourhood: { relationships: Array<{ type: string }> } }>(
    IDENTITY_READ,
    {},
    { token, purpose: 'CASE-CLEARANCE' },
  );
  return (body.data?.neighbourhood.relationships ?? []).some((r) => r.type === 'IDENTIFIES_AS');
}

async function createUser(username: string, role: string): Promise<void> {
  const { body } = await server.gql(
    `mutation { createUser(username: "${username}", password: "${PERSONA_PASSWORD}", role: ${role}) { username } }`,
    {},
    { token: tokens.admin },
  );
  expect(body.errors).toBeUndefined();
}

type Log = { auditLog: Array<{ user: string; entityIds: string[]; details: Record<string, unknown> | null }> };
const clearanceHistory = async (username: string) => {
  const { body } = await server.gql<Log>(
    'query L($e: ID) { auditLog(limit: 20, entityId: $e) { user entityIds details } }',
    { e: `user:${username}` },
    { token: tokens.clearedadmin },
  );
  return (body.data?.auditLog ?? []).map((r) => r.details?.clearanceChange).filter((c) => c !== undefined);
};

beforeAll(async () => {
  // A generous query deadline: on a loaded test machine the seed alone can pass the default ten seconds.
  server = await startTestServer({ seed: [FIXTURES.smallGraph], env: { MAILLON_QUERY_TIMEOUT_MS: '120000' } });
  tokens = await signInPersonas(server);
  await createUser('clearedadmin2', 'ADMIN');
  await grantClearanceServerSide(server, 'clearedadmin2');
});
afterAll(async () => server?.stop());

describe('self-granted clearance (the quoted attack)', () => {
  it('refuses updateUser(informantClearance: true) on oneself, and the admin still sees no identity', async () => {
    const response = await server.gql(
      'mutation { updateUser(username: "admin", informantClearance: true) { informantClearance } }',
      {},
      { token: tokens.admin },
    );
    expect(codesOf(response)).toEqual(['FORBIDDEN']);
    const again = await server.login('admin', 'test-admin-password');
    const me = await server.gql<{ me: { informantClearance: boolean } }>(
      '{ me { informantClearance } }',
      {},
      { token: again },
    );
    expect(me.body.data?.me.informantClearance).toBe(false);
    expect(await seesIdentity(again)).toBe(false);
  });

  it('refuses clearance through updateUser or createUser for someone else too', async () => {
    const update = await server.gql(
      'mutation { updateUser(username: "investigator", informantClearance: true) { username } }',
      {},
      { token: tokens.clearedadmin },
    );
    expect(codesOf(update)).toEqual(['FORBIDDEN']);
    const create = await server.gql(
      `mutation { createUser(username: "sock", password: "${PERSONA_PASSWORD}", role: ADMIN, informantClearance: true) { username } }`,
      {},
      { token: tokens.admin },
    );
    expect(codesOf(create)).toEqual(['FORBIDDEN']);
  });

  it('refuses an uncleared admin a password reset of a cleared account (which would hand it the clearance)', async () => {
    const response = await server.gql(
      'mutation { updateUser(username: "cleared", password: "another-long-password") { username } }',
      {},
      { token: tokens.admin },
    );
    expect(codesOf(response)).toEqual(['FORBIDDEN']);
  });
});

describe('two cleared admins', () => {
  it('an uncleared admin can neither propose nor approve', async () => {
    expect(codesOf(await server.gql(CHANGE('proposeClearance', 'investigator'), {}, { token: tokens.admin }))).toEqual([
      'FORBIDDEN',
    ]);
    expect(codesOf(await server.gql(CHANGE('approveClearance', 'investigator'), {}, { token: tokens.admin }))).toEqual([
      'FORBIDDEN',
    ]);
  });

  it('nobody proposes for themselves, and the proposer cannot approve', async () => {
    expect(
      codesOf(await server.gql(CHANGE('proposeClearance', 'clearedadmin'), {}, { token: tokens.clearedadmin })),
    ).toEqual(['FORBIDDEN']);
    const proposed = await server.gql<{ proposeClearance: { informantClearance: boolean } }>(
      CHANGE('proposeClearance', 'investigator'),
      {},
      { token: tokens.clearedadmin },
    );
    expect(proposed.body.errors).toBeUndefined();
    expect(proposed.body.data?.proposeClearance.informantClearance).toBe(false);
    expect(
      codesOf(await server.gql(CHANGE('approveClearance', 'investigator'), {}, { token: tokens.clearedadmin })),
    ).toEqual(['FORBIDDEN']);
  });

  it('a second cleared admin approves; the grant is audited with both names', async () => {
    const second = await server.login('clearedadmin2', PERSONA_PASSWORD);
    const approved = await server.gql<{ approveClearance: { informantClearance: boolean } }>(
      CHANGE('approveClearance', 'investigator'),
      {},
      { token: second },
    );
    expect(approved.body.errors).toBeUndefined();
    expect(approved.body.data?.approveClearance.informantClearance).toBe(true);
    const investigator = await server.login('investigator', PERSONA_PASSWORD);
    expect(await seesIdentity(investigator)).toBe(true);
    const history = await clearanceHistory('investigator');
    expect(history[0]).toMatchObject({
      action: 'granted',
      username: 'investigator',
      proposedBy: 'clearedadmin',
      approvedBy: 'clearedadmin2',
    });
    expect(history[1]).toMatchObject({ action: 'proposed', username: 'investigator', proposedBy: 'clearedadmin' });
  });

  it('an approval needs a pending proposal', async () => {
    const second = await server.login('clearedadmin2', PERSONA_PASSWORD);
    expect(codesOf(await server.gql(CHANGE('approveClearance', 'viewer'), {}, { token: second }))).toEqual([
      'BAD_USER_INPUT',
    ]);
  });
});

describe('revocation', () => {
  it('locks the existing token out at once, is audited with both names, and survives a new sign-in', async () => {
    const before = await server.login('cleared', PERSONA_PASSWORD);
    expect(await seesIdentity(before)).toBe(true);
    const revoked = await server.gql(CHANGE('revokeClearance', 'cleared'), {}, { token: tokens.admin });
    expect(revoked.body.errors).toBeUndefined();
    const stale = await server.gql('{ me { username } }', {}, { token: before });
    expect(codesOf(stale)).toEqual(['UNAUTHENTICATED']);
    expect(await seesIdentity(await server.login('cleared', PERSONA_PASSWORD))).toBe(false);
    expect((await clearanceHistory('cleared'))[0]).toMatchObject({
      action: 'revoked',
      username: 'cleared',
      revokedBy: 'admin',
    });
  });

  it('nobody revokes their own clearance', async () => {
    expect(
      codesOf(await server.gql(CHANGE('revokeClearance', 'clearedadmin'), {}, { token: tokens.clearedadmin })),
    ).toEqual(['FORBIDDEN']);
  });

  it('the CLI grant is audited with the operator', async () => {
    expect((await clearanceHistory('clearedadmin2'))[0]).toMatchObject({
      action: 'granted',
      username: 'clearedadmin2',
      approvedBy: 'cli:test-operator',
    });
  });
});
