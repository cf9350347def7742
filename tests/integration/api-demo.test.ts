// What a new user does first, on the demo data: find the target, expand him, trace him to Ofast, count.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';

let server: TestServer;
let token: string;
const read = <T>(query: string, variables: Record<string, unknown> = {}) =>
  server.gql<T>(query, variables, { token, purpose: 'demo walkthrough' });

beforeAll(async () => {
  server = await startTestServer({ seed: 'demo' });
  token = await server.adminToken();
}, 600_000);
afterAll(() => server?.stop());

type Hits = { search: Array<{ entity: { id: string; label: string; sources: string[] }; matched: string | null }> };
const SEARCH = 'query S($q: String!) { search(query: $q) { entity { id label sources } matched } }';

describe('the demo data through the API', () => {
  it('finds Mohamed Djeha by name and by his alias "mimo", with sources', async () => {
    const byName = await read<Hits>(SEARCH, { q: 'Djeha' });
    const djeha = byName.body.data?.search.find((h) => h.entity.id === 'person-mohamed-djeha');
    expect(djeha?.entity.label).toBe('Person');
    expect(djeha?.entity.sources.length).toBeGreaterThan(0);
    const byAlias = await read<Hits>(SEARCH, { q: 'mimo' });
    expect(byAlias.body.data?.search[0]?.entity.id).toBe('person-mohamed-djeha');
    expect(byAlias.body.data?.search[0]?.matched?.toLowerCase()).toBe('mimo');
  });

  it('finds Hervé by a word of his description, "reservist", and shows the words around it (issue 15)', async () => {
    const { body } = await read<Hits>(SEARCH, { q: 'reservist' });
    expect(body.data?.search[0]?.entity.id).toBe('person-herve');
    expect(body.data?.search[0]?.matched).toBe('… A locksmith and police reservist, 60 years old in the May …');
  });

  it('expands him two hops into a consistent subgraph', async () => {
    const { body } = await read<{
      neighbourhood: {
        nodes: Array<{ id: string }>;
        relationships: Array<{ id: string; source: string; target: string }>;
      };
    }>(
      '{ neighbourhood(ids: ["person-mohamed-djeha"], depth: 2) { nodes { id } relationships { id source target } } }',
    );
    const subgraph = body.data?.neighbourhood;
    expect(subgraph?.nodes.length).toBeGreaterThan(3);
    const ids = new Set(subgraph?.nodes.map((n) => n.id));
    for (const rel of subgraph?.relationships ?? []) expect(ids.has(rel.source) && ids.has(rel.target)).toBe(true);
  });

  it.each(['agency-ofast-marseille', 'agency-ofast'])('traces a chain from him to %s', async (agency) => {
    const { body } = await read<{ paths: Array<{ length: number; nodes: Array<{ id: string }> }> }>(
      'query P($to: ID!) { paths(from: "person-mohamed-djeha", to: $to) { length nodes { id } } }',
      { to: agency },
    );
    const path = body.data?.paths[0];
    expect(path?.nodes[0]?.id).toBe('person-mohamed-djeha');
    expect(path?.nodes.at(-1)?.id).toBe(agency);
  });

  it('counts every core label', async () => {
    const { body } = await read<{ stats: { nodes: number; byLabel: Array<{ label: string; count: number }> } }>(
      '{ stats { nodes byLabel { label count } } }',
    );
    const labels = new Map(body.data?.stats.byLabel.map((l) => [l.label, l.count]));
    for (const label of ['Person', 'Agency', 'Shipment', 'Informant', 'Case', 'Organization', 'Document']) {
      expect(labels.get(label), label).toBeGreaterThan(0);
    }
  });
});
