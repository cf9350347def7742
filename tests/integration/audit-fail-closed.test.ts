/**
 * Fail-closed: when the audit trail cannot be written, no data leaves (503,
 * AUDIT_UNAVAILABLE), not even a token; once it can, everything works again and
 * the chain has no gap. The real store is wrapped; only appendAudit fails.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAuditCommand } from '../../server/src/audit/audit-command.ts';
import type { GraphStore } from '../../server/src/store/GraphStore.ts';
import { ADMIN, FIXTURES, startTestServer, type TestServer } from '../helpers/test-server.ts';

const audit = { broken: false };

/** The real store, except that appendAudit fails while `audit.broken` is set (a full or read-only disk). */
function withBreakableAudit(store: GraphStore): GraphStore {
  return new Proxy(store, {
    get(target, property) {
      if (property === 'appendAudit') {
        return (records: Parameters<GraphStore['appendAudit']>[0]) =>
          audit.broken ? Promise.reject(new Error('EROFS: read-only file system')) : target.appendAudit(records);
      }
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

let server: TestServer;
let token: string;

beforeAll(async () => {
  server = await startTestServer({ seed: [FIXTURES.smallGraph], wrapStore: withBreakableAudit });
  token = await server.adminToken();
});
afterAll(() => server?.stop());

describe('audit trail unwritable', () => {
  it('returns no data, only AUDIT_UNAVAILABLE with 503, for reads, logins and admin operations', async () => {
    audit.broken = true;
    try {
      const requests = [
        () => server.gql('{ entity(id: "person-lucien") { id name } }', {}, { token, purpose: 'CASE-1' }),
        () => server.gql('{ search(query: "Lucien") { entity { id } } }', {}, { token, purpose: 'CASE-1' }),
        () => server.gql('{ users { username } }', {}, { token }),
        () =>
          server.gql('mutation L($u: String!, $p: String!) { login(username: $u, password: $p) { token } }', {
            u: ADMIN.username,
            p: ADMIN.password,
          }),
      ];
      for (const request of requests) {
        const response = await request();
        expect(response.status).toBe(503);
        expect(response.body.data ?? null).toBeNull();
        expect(response.body.errors?.map((e) => e.extensions?.code)).toEqual(['AUDIT_UNAVAILABLE']);
        expect(JSON.stringify(response.body)).not.toMatch(/Lucien|person-lucien|"token"/);
      }
    } finally {
      audit.broken = false;
    }
  });

  it('recovers once the trail is writable, with an unbroken chain', async () => {
    const response = await server.gql('{ entity(id: "person-lucien") { id } }', {}, { token, purpose: 'CASE-1' });
    expect(response.status).toBe(200);
    expect(response.body.data).toEqual({ entity: { id: 'person-lucien' } });
    const lines: string[] = [];
    expect(await runAuditCommand({ args: ['verify'], store: server.store, out: (l) => lines.push(l) })).toBe(0);
  });
});
