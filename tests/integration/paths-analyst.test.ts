/**
 * Paths an analyst can steer, on the demo data: "the first path from Djeha to
 * the IGPN runs through the country France", with no way to exclude it, and no
 * "find connections" among a set of nodes (issue 15).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type GqlResponse, type TestServer } from '../helpers/test-server.ts';

const DJEHA = 'person-mohamed-djeha';
const IGPN = 'agency-igpn';
const FRANCE = 'location-france';

let server: TestServer;
let token: string;
const read = <T>(query: string, variables: Record<string, unknown> = {}) =>
  server.gql<T>(query, variables, { token, purpose: 'paths walkthrough' });

beforeAll(async () => {
  server = await startTestServer({ seed: 'demo' });
  token = await server.adminToken();
}, 600_000);
afterAll(() => server?.stop());

interface Path {
  length: number;
  nodes: Array<{ id: string; label: string }>;
  relationships: Array<{ type: string }>;
}
const PATHS = `query P($from: ID!, $to: ID!, $excludeLabels: [String!], $excludeTypes: [String!], $maxLength: Int) {
  paths(from: $from, to: $to, excludeLabels: $excludeLabels, excludeTypes: $excludeTypes, maxLength: $maxLength, limit: 20) {
    length nodes { id label } relationships { type } } }`;
const CONNECTIONS = `query C($ids: [ID!]!, $excludeLabels: [String!], $maxLength: Int) {
  connections(ids: $ids, excludeLabels: $excludeLabels, maxLength: $maxLength) { length nodes { id label } } }`;

const codeOf = (response: GqlResponse<unknown>) => response.body.errors?.[0]?.extensions?.code;
const inner = (path: Path) => path.nodes.slice(1, -1);

describe('paths an analyst can steer', () => {
  it('from Djeha to the IGPN: through France by default, around it with Location excluded', async () => {
    const plain = (await read<{ paths: Path[] }>(PATHS, { from: DJEHA, to: IGPN })).body.data?.paths ?? [];
    expect(plain.some((p) => p.nodes.some((n) => n.id === FRANCE))).toBe(true);

    const around = await read<{ paths: Path[] }>(PATHS, { from: DJEHA, to: IGPN, excludeLabels: ['Location'] });
    const found = around.body.data?.paths ?? [];
    expect(found.length).toBeGreaterThan(0);
    for (const path of found) expect(inner(path).map((n) => n.label)).not.toContain('Location');

    const noBasedIn = await read<{ paths: Path[] }>(PATHS, { from: DJEHA, to: IGPN, excludeTypes: ['BASED_IN'] });
    for (const path of noBasedIn.body.data?.paths ?? []) {
      expect(path.relationships.map((r) => r.type)).not.toContain('BASED_IN');
    }
  });

  it('refuses a label or type the model does not have, naming it', async () => {
    const label = await read(PATHS, { from: DJEHA, to: IGPN, excludeLabels: ['Country'] });
    expect(codeOf(label)).toBe('BAD_USER_INPUT');
    expect(label.body.errors?.[0]?.message).toContain('Country');
    const type = await read(PATHS, { from: DJEHA, to: IGPN, excludeTypes: ['KNOWS'] });
    expect(codeOf(type)).toBe('BAD_USER_INPUT');
  });

  it('finds connections among a selection: every pair, together, with the same exclusions', async () => {
    const ids = [DJEHA, IGPN, 'agency-ofast'];
    const response = await read<{ connections: Path[] }>(CONNECTIONS, {
      ids,
      excludeLabels: ['Location'],
      maxLength: 6,
    });
    expect(response.body.errors).toBeUndefined();
    const found = response.body.data?.connections ?? [];
    const pairs = new Set(found.map((p) => [p.nodes[0]?.id, p.nodes[p.nodes.length - 1]?.id].sort().join(' ')));
    expect(pairs.size).toBe(3);
    for (const path of found) expect(inner(path).map((n) => n.label)).not.toContain('Location');
  });

  it('bounds the selection with a clear LIMIT_EXCEEDED, and needs two ends', async () => {
    const many = Array.from({ length: 9 }, (_, i) => `person-${i}`);
    const tooMany = await read(CONNECTIONS, { ids: many });
    expect(codeOf(tooMany)).toBe('LIMIT_EXCEEDED');
    expect(tooMany.body.errors?.[0]?.message).toContain('at most 8 entities; 9 were given (36 pairs)');
    expect(codeOf(await read(CONNECTIONS, { ids: [DJEHA, DJEHA] }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await read(CONNECTIONS, { ids: [DJEHA, 'nobody'] }))).toBe('NOT_FOUND');
  });
});
