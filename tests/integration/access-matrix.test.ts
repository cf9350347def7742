/**
 * Role × operation: VIEWER reads; INVESTIGATOR also runs the red-flag analysis;
 * ADMIN also imports, manages users, reads the audit log and the alerts. Anyone
 * without a token gets nothing but login.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, startTestServer, type TestServer } from '../helpers/test-server.ts';
import { codesOf, signInPersonas, type Persona } from './access-personas.ts';

type Role = 'VIEWER' | 'INVESTIGATOR' | 'ADMIN';
const RANK: Record<Role, number> = { VIEWER: 1, INVESTIGATOR: 2, ADMIN: 3 };

interface Operation {
  readonly field: string;
  readonly minRole: Role;
  readonly query: string;
  readonly variables?: (caller: string) => Record<string, unknown>;
}

const OPERATIONS: readonly Operation[] = [
  { field: 'me', minRole: 'VIEWER', query: '{ me { username } }' },
  { field: 'search', minRole: 'VIEWER', query: '{ search(query: "Lucien") { score } }' },
  { field: 'entity', minRole: 'VIEWER', query: '{ entity(id: "person-lucien") { id } }' },
  { field: 'neighbourhood', minRole: 'VIEWER', query: '{ neighbourhood(ids: ["person-lucien"]) { truncated } }' },
  { field: 'paths', minRole: 'VIEWER', query: '{ paths(from: "person-lucien", to: "org-clan") { length } }' },
  { field: 'stats', minRole: 'VIEWER', query: '{ stats { nodes } }' },
  { field: 'redFlags', minRole: 'INVESTIGATOR', query: '{ redFlags { rule } }' },
  { field: 'redFlagStatus', minRole: 'INVESTIGATOR', query: '{ redFlagStatus { stale } }' },
  { field: 'auditLog', minRole: 'ADMIN', query: '{ auditLog(limit: 1) { at } }' },
  { field: 'users', minRole: 'ADMIN', query: '{ users { username } }' },
  { field: 'alerts', minRole: 'ADMIN', query: '{ alerts { id } }' },
  { field: 'exportCypher', minRole: 'ADMIN', query: '{ exportCypher(ids: ["person-lucien"], depth: 0) }' },
  {
    field: 'importCypher',
    minRole: 'ADMIN',
    query: "mutation { importCypher(script: \"CREATE (:Person {id: 'p-new', name: 'New'});\", dryRun: true) { ok } }",
  },
  {
    field: 'createUser',
    minRole: 'ADMIN',
    query:
      'mutation C($u: String!) { createUser(username: $u, password: "a-long-enough-password", role: VIEWER) { username } }',
    variables: (caller) => ({ u: `made-by-${caller}` }),
  },
  {
    field: 'updateUser',
    minRole: 'ADMIN',
    query: 'mutation { updateUser(username: "spare", role: INVESTIGATOR) { role } }',
  },
  { field: 'disableUser', minRole: 'ADMIN', query: 'mutation { disableUser(username: "spare") { disabled } }' },
  { field: 'clearSuspension', minRole: 'ADMIN', query: 'mutation { clearSuspension(username: "viewer") }' },
  {
    field: 'readVolume',
    minRole: 'VIEWER',
    query: '{ readVolume(expandIds: ["person-lucien"]) { newPersons } }',
  },
  {
    field: 'approveBulkRead',
    minRole: 'ADMIN',
    query:
      'mutation { approveBulkRead(username: "spare", persons: 10, hours: 1, purpose: "matrix check") { persons } }',
  },
];

const CALLERS: ReadonlyArray<[Persona, Role]> = [
  ['viewer', 'VIEWER'],
  ['investigator', 'INVESTIGATOR'],
  ['admin', 'ADMIN'],
];

let server: TestServer;
let tokens: Record<Persona, string>;

beforeAll(async () => {
  server = await startTestServer({ seed: [FIXTURES.smallGraph] });
  tokens = await signInPersonas(server);
  await server.gql(
    'mutation { createUser(username: "spare", password: "a-long-enough-password", role: VIEWER) { username } }',
    {},
    { token: tokens.admin },
  );
});
afterAll(() => server?.stop());

describe('role × operation matrix', () => {
  for (const [caller, role] of CALLERS) {
    for (const op of OPERATIONS) {
      const allowed = RANK[role] >= RANK[op.minRole];
      it(`${role} ${allowed ? 'may' : 'may not'} call ${op.field}`, async () => {
        const response = await server.gql(op.query, op.variables?.(caller) ?? {}, {
          token: tokens[caller],
          purpose: 'CASE-MATRIX',
        });
        const codes = codesOf(response);
        if (allowed) {
          expect(codes.filter((c) => c === 'FORBIDDEN' || c === 'UNAUTHENTICATED')).toEqual([]);
          expect(response.status).toBeLessThan(500);
        } else {
          expect(codes).toContain('FORBIDDEN');
          expect((response.body.data as Record<string, unknown> | null | undefined)?.[op.field] ?? null).toBeNull();
        }
      });
    }
  }

  it.each(OPERATIONS.map((op) => [op.field, op] as const))(
    'without a token %s gets 401 and no data',
    async (_f, op) => {
      const response = await server.gql(op.query, op.variables?.('anonymous') ?? {}, { purpose: 'CASE-MATRIX' });
      expect(response.status).toBe(401);
      expect(codesOf(response)).toEqual(['UNAUTHENTICATED']);
      expect(response.body.data ?? null).toBeNull();
    },
  );

  it('with a forged token gets 401 and no data', async () => {
    const [header, payload] = tokens.viewer.split('.');
    const forgedPayload = Buffer.from(JSON.stringify({ sub: 'admin', role: 'ADMIN', clr: true, ver: 0 })).toString(
      'base64url',
    );
    for (const token of [`${header}.${forgedPayload}.x`, `${header}.${payload}.`, 'not-a-token']) {
      const response = await server.gql('{ users { username } }', {}, { token });
      expect(response.status).toBe(401);
      expect(response.body.data ?? null).toBeNull();
    }
  });
});
