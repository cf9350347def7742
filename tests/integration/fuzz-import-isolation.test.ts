/**
 * Found by fuzzing importCypher: an import script with an unlabelled pattern,
 * `MATCH (n) DETACH DELETE n`, must reach only the graph. Users and the audit
 * trail live in the same embedded database but are not labels of the model;
 * an admin's import must neither sign everyone out nor erase the audit trail.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, startTestServer, type TestServer } from '../helpers/test-server.ts';

const PURPOSE = 'import isolation';
const IMPORT = 'mutation($s: String!) { importCypher(script: $s) { ok errors { message } } }';

describe('an import script that matches every node', () => {
  let server: TestServer;
  let token: string;

  beforeAll(async () => {
    server = await startTestServer({ seed: [FIXTURES.smallGraph] });
    token = await server.adminToken();
  });

  afterAll(async () => {
    await server?.stop();
  });

  it('leaves the users and the audit trail alone, whatever it does to the graph', async () => {
    const before = await server.gql<{ auditLog: unknown[] }>(
      '{ auditLog(limit: 5) { at } }',
      {},
      { token, purpose: PURPOSE },
    );
    expect(before.body.data?.auditLog.length).toBeGreaterThan(0);

    const imported = await server.gql(IMPORT, { s: 'MATCH (n) DETACH DELETE n' }, { token, purpose: PURPOSE });
    expect(imported.status).toBeLessThan(500);
    const report = (imported.body.data as { importCypher?: { ok: boolean; errors: { message: string }[] } } | undefined)
      ?.importCypher;
    expect(report?.ok).toBe(false);
    expect(report?.errors[0]?.message).toMatch(/needs a label/);

    const me = await server.gql<{ me: { username: string } }>('{ me { username } }', {}, { token, purpose: PURPOSE });
    expect(me.body.data?.me.username, JSON.stringify(me.body)).toBe('admin');
    const after = await server.gql<{ auditLog: unknown[] }>(
      '{ auditLog(limit: 5) { at } }',
      {},
      { token, purpose: PURPOSE },
    );
    expect(after.body.data?.auditLog.length, JSON.stringify(after.body)).toBeGreaterThan(0);
  });
});
