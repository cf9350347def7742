/** Every read of entity data states its purpose (X-Purpose); without one: PURPOSE_REQUIRED and no data. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, startTestServer, type TestServer } from '../helpers/test-server.ts';
import { codesOf, signInPersonas, type Persona } from './access-personas.ts';

const READS: ReadonlyArray<[string, string]> = [
  ['search', '{ search(query: "Lucien") { entity { id } } }'],
  ['entity', '{ entity(id: "person-lucien") { id } }'],
  ['neighbourhood', '{ neighbourhood(ids: ["person-lucien"]) { nodes { id } } }'],
  ['paths', '{ paths(from: "person-lucien", to: "org-clan") { nodes { id } } }'],
  ['redFlags', '{ redFlags { rule nodes { id } } }'],
];

let server: TestServer;
let tokens: Record<Persona, string>;

beforeAll(async () => {
  server = await startTestServer({ seed: [FIXTURES.smallGraph] });
  tokens = await signInPersonas(server);
});
afterAll(() => server?.stop());

describe('purpose of access', () => {
  it.each(READS)('%s without X-Purpose is refused with PURPOSE_REQUIRED and no data', async (field, query) => {
    for (const purpose of [undefined, '   ']) {
      const response = await server.gql(query, {}, { token: tokens.investigator, ...(purpose ? { purpose } : {}) });
      expect(codesOf(response)).toContain('PURPOSE_REQUIRED');
      expect((response.body.data as Record<string, unknown> | null | undefined)?.[field] ?? null).toBeNull();
    }
    const stated = await server.gql(query, {}, { token: tokens.investigator, purpose: 'CASE-2026-041' });
    expect(codesOf(stated)).toEqual([]);
  });

  it('records the purpose, refused or not, in the audit trail', async () => {
    await server.gql('{ entity(id: "org-clan") { id } }', {}, { token: tokens.viewer, purpose: 'CASE-PURPOSE-7' });
    await server.gql('{ entity(id: "org-clan") { id } }', {}, { token: tokens.viewer });
    const { body } = await server.gql<{
      auditLog: Array<{ purpose: string | null; outcome: string; operation: string }>;
    }>('{ auditLog(limit: 5, user: "viewer") { purpose outcome operation } }', {}, { token: tokens.admin });
    expect(body.data?.auditLog.slice(0, 2)).toEqual([
      expect.objectContaining({ purpose: null, outcome: 'PURPOSE_REQUIRED' }),
      expect.objectContaining({ purpose: 'CASE-PURPOSE-7', outcome: 'OK' }),
    ]);
  });
});
