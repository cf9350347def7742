// The explorer's reads over real Kùzu: search, entity, neighbourhood, paths, stats.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, startTestServer, type TestServer } from '../helpers/test-server.ts';

let server: TestServer;
let token: string;
const read = <T>(query: string, variables: Record<string, unknown> = {}) =>
  server.gql<T>(query, variables, { token, purpose: 'case TEST-1' });

interface Node {
  id: string;
  label: string;
  name: string;
  properties: Record<string, unknown>;
  sources: string[];
}
interface Rel {
  id: string;
  type: string;
  source: string;
  target: string;
}
interface Subgraph {
  nodes: Node[];
  relationships: Rel[];
  truncated: boolean;
  omitted: Array<{ id: string; count: number }>;
}

const SUBGRAPH = `nodes { id label name } relationships { id type source target } truncated omitted { id count }`;

function expectConsistent(subgraph: Subgraph): void {
  const ids = new Set(subgraph.nodes.map((n) => n.id));
  for (const rel of subgraph.relationships) {
    expect(ids.has(rel.source) && ids.has(rel.target), `${rel.id} points outside the subgraph`).toBe(true);
  }
}

beforeAll(async () => {
  server = await startTestServer({ seed: [FIXTURES.smallGraph] });
  token = await server.adminToken();
});
afterAll(() => server?.stop());

describe('search', () => {
  const SEARCH = `query S($q: String!, $labels: [String!], $limit: Int) {
    search(query: $q, labels: $labels, limit: $limit) { entity { id label name sources } score matched } }`;
  type Hits = { search: Array<{ entity: Node; score: number; matched: string | null }> };

  it('finds an entity by name, with its sources', async () => {
    const { body } = await read<Hits>(SEARCH, { q: 'Lucien' });
    expect(body.errors).toBeUndefined();
    const hit = body.data?.search.find((h) => h.entity.id === 'person-lucien');
    expect(hit?.entity.sources).toEqual(['doc-fixture']);
  });

  it('finds an entity by alias, ignoring case and accents, and says what matched', async () => {
    const { body } = await read<Hits>(SEARCH, { q: 'LULU' });
    expect(body.data?.search[0]?.entity.id).toBe('person-lucien');
    expect(body.data?.search[0]?.matched).toBe('Lulu le Grand');
    const accents = await read<Hits>(SEARCH, { q: 'ferat' });
    expect(accents.body.data?.search.map((h) => h.entity.id)).toContain('person-lucien');
  });

  it('filters by label', async () => {
    const { body } = await read<Hits>(SEARCH, { q: 'Férat', labels: ['Organization'] });
    expect(body.data?.search.map((h) => h.entity.id)).toEqual(['org-clan']);
  });

  it('never returns users', async () => {
    const { body } = await read<Hits>(SEARCH, { q: 'admin' });
    expect(body.data?.search).toEqual([]);
  });
});

describe('entity', () => {
  it('returns one entity with its properties, or null', async () => {
    const { body } = await read<{ entity: Node | null }>(
      'query E($id: ID!) { entity(id: $id) { id label name properties sources } }',
      { id: 'shipment-msku' },
    );
    expect(body.data?.entity).toMatchObject({ label: 'Shipment', name: 'Container MSKU-1' });
    expect(body.data?.entity?.properties).toMatchObject({ declaredKg: 100, actualKg: 300 });
    const missing = await read<{ entity: Node | null }>('{ entity(id: "nobody") { id } }');
    expect(missing.body.data?.entity).toBeNull();
  });
});

describe('neighbourhood', () => {
  const NEIGHBOURHOOD = `query N($ids: [ID!]!, $depth: Int, $limit: Int, $relTypes: [String!]) {
    neighbourhood(ids: $ids, depth: $depth, limit: $limit, relTypes: $relTypes) { ${SUBGRAPH} } }`;

  it('at depth 2 is a consistent subgraph', async () => {
    const { body } = await read<{ neighbourhood: Subgraph }>(NEIGHBOURHOOD, { ids: ['person-lucien'], depth: 2 });
    const subgraph = body.data?.neighbourhood;
    if (!subgraph) throw new Error(JSON.stringify(body.errors));
    const ids = subgraph.nodes.map((n) => n.id);
    // two hops: Lucien -> clan -> shipment, Lucien -> case -> brigade
    expect(ids).toEqual(expect.arrayContaining(['person-lucien', 'org-clan', 'shipment-msku', 'agency-brigade']));
    expectConsistent(subgraph);
  });

  it('caps a hub at the per-node limit and says so', async () => {
    const { body } = await read<{ neighbourhood: Subgraph }>(NEIGHBOURHOOD, { ids: ['person-hub'] });
    const subgraph = body.data?.neighbourhood;
    expect(subgraph?.truncated).toBe(true);
    // 61 relationships, 50 read: the hub plus at most 50 neighbours
    expect(subgraph?.nodes.length).toBe(51);
    expect(subgraph?.omitted).toEqual([{ id: 'person-hub', count: 11 }]);
    if (subgraph) expectConsistent(subgraph);
  });

  it('stops at the node limit', async () => {
    const { body } = await read<{ neighbourhood: Subgraph }>(NEIGHBOURHOOD, { ids: ['person-hub'], limit: 10 });
    expect(body.data?.neighbourhood.nodes).toHaveLength(10);
    expect(body.data?.neighbourhood.truncated).toBe(true);
    if (body.data) expectConsistent(body.data.neighbourhood);
  });

  it('hides informant identities from users without clearance', async () => {
    const { body } = await read<{ neighbourhood: Subgraph }>(NEIGHBOURHOOD, { ids: ['informant-heron'] });
    expect(body.data?.neighbourhood.relationships.map((r) => r.type)).toEqual(['HANDLES']);
  });
});

describe('paths', () => {
  it('finds the shortest chain, ignoring direction', async () => {
    const { body } = await read<{ paths: Array<{ length: number; nodes: Node[]; relationships: Rel[] }> }>(
      '{ paths(from: "person-lucien", to: "person-nadia") { length nodes { id } relationships { type } } }',
    );
    expect(body.errors).toBeUndefined();
    expect(body.data?.paths[0]?.length).toBe(3);
    expect(body.data?.paths[0]?.nodes.map((n) => n.id)).toEqual([
      'person-lucien',
      'case-ferat',
      'agency-brigade',
      'person-nadia',
    ]);
    expect(body.data?.paths[0]?.relationships.map((r) => r.type)).toEqual([
      'SUBJECT_OF',
      'INVESTIGATES',
      'EMPLOYED_BY',
    ]);
  });

  it('finds nothing beyond maxLength', async () => {
    const { body } = await read<{ paths: unknown[] }>(
      '{ paths(from: "person-lucien", to: "person-nadia", maxLength: 2) { length } }',
    );
    expect(body.data?.paths).toEqual([]);
  });
});

describe('stats', () => {
  it('counts nodes and relationships by label and type, without hidden types', async () => {
    const { body } = await read<{
      stats: {
        nodes: number;
        relationships: number;
        byLabel: Array<{ label: string; count: number }>;
        byType: Array<{ type: string; count: number }>;
      };
    }>('{ stats { nodes relationships byLabel { label count } byType { type count } } }');
    const stats = body.data?.stats;
    expect(stats?.nodes).toBe(70);
    const byLabel = Object.fromEntries(stats?.byLabel.map((l) => [l.label, l.count]) ?? []);
    expect(byLabel).toMatchObject({
      Person: 64,
      Organization: 1,
      Agency: 1,
      Shipment: 1,
      Case: 1,
      Informant: 1,
      Document: 1,
    });
    const types = stats?.byType.map((t) => t.type) ?? [];
    expect(types).toContain('ASSOCIATE_OF');
    expect(types).not.toContain('IDENTIFIES_AS');
    // 70 relationships in the fixture, one of them hidden from the admin (no informant clearance)
    expect(stats?.relationships).toBe(69);
  });
});

describe('input validation', () => {
  it.each([
    ['{ neighbourhood(ids: ["person-lucien"], depth: 4) { truncated } }', 'depth must be between 1 and 3'],
    ['{ neighbourhood(ids: ["person-lucien"], limit: 0) { truncated } }', 'limit must be between 1 and 2000'],
    [
      '{ neighbourhood(ids: ["person-lucien"], relTypes: ["KNOWS"]) { truncated } }',
      'relTypes has unknown relationship types KNOWS',
    ],
    ['{ search(query: "x", limit: 101) { score } }', 'limit must be between 1 and 100'],
    ['{ search(query: "x", labels: ["Ghost"]) { score } }', 'labels has unknown labels Ghost'],
    ['{ search(query: "   ") { score } }', 'query must not be empty'],
    [
      '{ paths(from: "person-lucien", to: "person-nadia", maxLength: 9) { length } }',
      'maxLength must be between 1 and 8',
    ],
    ['{ paths(from: "person-lucien", to: "person-nadia", limit: 21) { length } }', 'limit must be between 1 and 20'],
  ])('%s -> %s', async (query, message) => {
    const { body } = await read(query);
    expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(body.errors?.[0]?.message).toContain(message);
  });
});
