/**
 * exportCypher as admins use it: under the caller's read scope (an admin without informant
 * clearance never gets an identity relationship or the person only it leads to), refused past
 * the cap with LIMIT_EXCEEDED naming the cap and the CLI, and recorded in the audit trail as a
 * read of every entity the script holds.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readAuditLog } from '../helpers/audit-log.ts';
import { FIXTURES, startTestServer, type TestServer } from '../helpers/test-server.ts';
import { codesOf, signInPersonas, type Persona } from './access-personas.ts';

const CAP = 40;
let server: TestServer;
let tokens: Record<Persona, string>;

beforeAll(async () => {
  server = await startTestServer({ seed: [FIXTURES.smallGraph], env: { MAILLON_EXPORT_LIMIT: String(CAP) } });
  tokens = await signInPersonas(server);
}, 120_000);
afterAll(() => server?.stop());

const EXPORT = 'query E($ids: [ID!], $depth: Int) { exportCypher(ids: $ids, depth: $depth) }';

async function exportAs(persona: Persona, variables: Record<string, unknown>) {
  return server.gql<{ exportCypher: string }>(EXPORT, variables, { token: tokens[persona], purpose: 'CASE-EXPORT' });
}

/** Every id the script writes: node ids, relationship ids and both ends'. */
const idsIn = (script: string): string[] => [...new Set([...script.matchAll(/id:"([^"]*)"/g)].map((m) => m[1] ?? ''))];

describe('exportCypher', () => {
  it("gives an uncleared admin the informant's neighbourhood without the identity behind it", async () => {
    const uncleared = await exportAs('admin', { ids: ['informant-heron'], depth: 1 });
    expect(uncleared.body.errors).toBeUndefined();
    const script = uncleared.body.data?.exportCypher ?? '';
    expect(script).toContain('"informant-heron"');
    expect(script).not.toContain('IDENTIFIES_AS');
    expect(script).not.toContain('person-marc');

    const cleared = await exportAs('clearedadmin', { ids: ['informant-heron'], depth: 1 });
    expect(cleared.body.data?.exportCypher).toContain('CREATE (start)-[r:IDENTIFIES_AS{id: row.id}]->(end)');
    expect(cleared.body.data?.exportCypher).toContain('"person-marc"');
  });

  it('records the export as a read of every entity it holds', async () => {
    const response = await exportAs('admin', { ids: ['person-lucien'], depth: 1 });
    const script = response.body.data?.exportCypher ?? '';
    const requestId = response.headers.get('x-request-id');
    const entry = (await readAuditLog({ url: server.url, token: tokens.clearedadmin })).find(
      (e) => e.requestId === requestId,
    );
    expect(entry?.operation).toBe('E');
    expect(entry?.purpose).toBe('CASE-EXPORT');
    const written = idsIn(script);
    expect(written.length).toBeGreaterThan(2);
    expect(entry?.entityIds).toEqual(expect.arrayContaining(written));
    expect(entry?.details).toMatchObject({ export: { ids: ['person-lucien'], depth: 1 } });
  });

  it('refuses past the cap with LIMIT_EXCEEDED, the cap and the way to get the whole graph', async () => {
    const response = await exportAs('clearedadmin', {});
    expect(codesOf(response)).toEqual(['LIMIT_EXCEEDED']);
    const message = response.body.errors?.[0]?.message ?? '';
    expect(message).toContain(`more than ${CAP} nodes and relationships`);
    expect(message).toContain('npm run export -- OUT.cypher');
  });

  it('refuses bad arguments and unknown ids as input errors', async () => {
    expect(codesOf(await exportAs('admin', { ids: ['person-lucien'], depth: 99 }))).toEqual(['BAD_USER_INPUT']);
    expect(codesOf(await exportAs('admin', { ids: [] }))).toEqual(['BAD_USER_INPUT']);
    const unknown = await exportAs('admin', { ids: ['nobody-here'] });
    expect(codesOf(unknown)).toEqual(['BAD_USER_INPUT']);
    expect(unknown.body.errors?.[0]?.message).toContain('"nobody-here"');
  });

  it('is for admins only, with a purpose', async () => {
    expect(codesOf(await exportAs('investigator', { ids: ['person-lucien'] }))).toEqual(['FORBIDDEN']);
    const withoutPurpose = await server.gql(EXPORT, { ids: ['person-lucien'] }, { token: tokens.admin });
    expect(codesOf(withoutPurpose)).toEqual(['PURPOSE_REQUIRED']);
  });
});

describe('exportCypher and the read-volume rule', () => {
  let limited: TestServer;
  let limitedTokens: Record<Persona, string>;
  beforeAll(async () => {
    // An admin may read 1 person before an alert and 2 before a suspension.
    limited = await startTestServer({ seed: [FIXTURES.smallGraph], env: { MAILLON_READ_LIMIT_ADMIN: '1/2' } });
    limitedTokens = await signInPersonas(limited);
  }, 120_000);
  afterAll(() => limited?.stop());

  it('counts the persons an export holds, as any read of them: past the threshold the export is withheld', async () => {
    const response = await limited.gql<{ exportCypher: string }>(
      EXPORT,
      { ids: ['person-lucien'], depth: 2 },
      { token: limitedTokens.admin, purpose: 'CASE-EXPORT' },
    );
    expect(codesOf(response)).toEqual(['SESSION_SUSPENDED']);
    expect(response.body.data?.exportCypher ?? null).toBeNull();
  });
});
