/**
 * Every entity id a response hands out appears in the audit record of that
 * request, with the user, role, purpose and outcome; refused requests are
 * recorded too; the chain the server wrote verifies, even under concurrency.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAuditCommand } from '../../server/src/audit/audit-command.ts';
import { readAuditLog, type AuditLogEntry } from '../helpers/audit-log.ts';
import { FIXTURES, startTestServer, type GqlResponse, type TestServer } from '../helpers/test-server.ts';
import { signInPersonas, type Persona } from './access-personas.ts';

let server: TestServer;
let tokens: Record<Persona, string>;

beforeAll(async () => {
  server = await startTestServer({ seed: [FIXTURES.smallGraph] });
  tokens = await signInPersonas(server);
});
afterAll(() => server?.stop());

/** Every id-bearing thing in a response: entity ids, relationship endpoints, omitted-count ids. */
function idsIn(value: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const item of value) idsIn(item, into);
  else if (typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>;
    for (const key of ['id', 'source', 'target']) if (typeof record[key] === 'string') into.add(record[key]);
    for (const child of Object.values(record)) idsIn(child, into);
  }
  return into;
}

async function auditOf(response: GqlResponse<unknown>): Promise<AuditLogEntry> {
  const requestId = response.headers.get('x-request-id');
  const log = await readAuditLog({ url: server.url, token: tokens.clearedadmin });
  const entry = log.find((e) => e.requestId === requestId);
  if (!entry) throw new Error(`no audit record for request ${requestId}`);
  return entry;
}

const READS: ReadonlyArray<[string, string]> = [
  ['search', '{ search(query: "Férat", limit: 50) { score entity { id name } } }'],
  ['entity', '{ entity(id: "person-lucien") { id name properties } }'],
  ['aliased entity without id', '{ a: entity(id: "org-clan") { name } b: entity(id: "shipment-msku") { label } }'],
  [
    'neighbourhood',
    '{ neighbourhood(ids: ["person-lucien"], depth: 2) { nodes { id } relationships { id source target type } omitted { id count } } }',
  ],
  [
    'capped hub',
    '{ neighbourhood(ids: ["person-hub"], perNodeLimit: 5) { nodes { name } relationships { source target } omitted { id count } } }',
  ],
  ['paths', '{ paths(from: "person-lucien", to: "agency-brigade") { nodes { id } relationships { source target } } }'],
  [
    'identity read',
    '{ neighbourhood(ids: ["informant-heron"]) { nodes { id } relationships { type source target } } }',
  ],
  ['red flags', '{ redFlags { rule nodes { id } relationships { source target } } }'],
];

describe('audit completeness', () => {
  it.each(READS)('%s: every returned id is in the record of its request', async (_name, query) => {
    const response = await server.gql(query, {}, { token: tokens.cleared, purpose: 'CASE-AUDIT-1' });
    expect(response.body.errors).toBeUndefined();
    const entry = await auditOf(response);
    expect(entry).toMatchObject({ user: 'cleared', role: 'INVESTIGATOR', purpose: 'CASE-AUDIT-1', outcome: 'OK' });
    expect(entry.clientAddress).toMatch(/127\.0\.0\.1/);
    const returned = idsIn(response.body.data);
    // Aliased fields without `id` still name their entities in the audit record.
    if (_name.startsWith('aliased'))
      expect(entry.entityIds).toEqual(expect.arrayContaining(['org-clan', 'shipment-msku']));
    expect(entry.entityIds).toEqual(expect.arrayContaining([...returned].filter((id) => !id.startsWith('rel-'))));
  });

  it('records refused operations with their outcome and no entity', async () => {
    const forbidden = await server.gql('{ users { username } }', {}, { token: tokens.viewer, purpose: 'x' });
    expect(await auditOf(forbidden)).toMatchObject({ user: 'viewer', outcome: 'FORBIDDEN', entityIds: [] });
    const noPurpose = await server.gql('{ entity(id: "person-lucien") { id } }', {}, { token: tokens.viewer });
    expect(await auditOf(noPurpose)).toMatchObject({ outcome: 'PURPOSE_REQUIRED', entityIds: [] });
    const invalid = await server.gql('{ entity(id: "x") { nope } }', {}, { token: tokens.viewer, purpose: 'x' });
    expect(await auditOf(invalid)).toMatchObject({ outcome: 'REJECTED' });
  });

  it('keeps newlines and JSON in a purpose inside the purpose', async () => {
    const purpose = 'CASE-9","user":"admin';
    const response = await server.gql('{ entity(id: "org-clan") { id } }', {}, { token: tokens.viewer, purpose });
    expect(await auditOf(response)).toMatchObject({ user: 'viewer', purpose });
  });

  it('writes a chain that verifies, also after concurrent requests', async () => {
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        server.gql(
          `{ entity(id: "person-leaf-${String(i + 1).padStart(2, '0')}") { id } }`,
          {},
          {
            token: tokens.investigator,
            purpose: 'CASE-CONCURRENT',
          },
        ),
      ),
    );
    const lines: string[] = [];
    const code = await runAuditCommand({ args: ['verify'], store: server.store, out: (l) => lines.push(l) });
    expect(lines.join('\n')).toMatch(/intact/);
    expect(code).toBe(0);
  });
});
