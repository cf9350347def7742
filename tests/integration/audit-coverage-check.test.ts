/**
 * The end-to-end audit check (tests/helpers/audit-coverage.ts, run after every
 * e2e file) against a real server: it passes on what the server really
 * recorded, and it fails, naming the request and the id, when an answer
 * carried an id its record lacks or has no record at all.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditGaps, checkAuditCoverage, type ObservedAnswer } from '../helpers/audit-coverage.ts';
import { readAuditLog } from '../helpers/audit-log.ts';
import { returnedEntityIds } from '../helpers/returned-ids.ts';
import { FIXTURES, startTestServer, type TestServer } from '../helpers/test-server.ts';

let server: TestServer;
let admin: string;
let since: string;
const observed: ObservedAnswer[] = [];

const READS = [
  'query Hub { neighbourhood(ids: ["person-hub"], perNodeLimit: 5) { nodes { id label name } relationships { id type source target } omitted { id count } } }',
  'query Find { search(query: "Férat", limit: 5) { score entity { id label name } } }',
  'query Route { paths(from: "person-lucien", to: "agency-brigade") { nodes { id label name } relationships { id source target } } }',
];

beforeAll(async () => {
  since = new Date(Date.now() - 60_000).toISOString();
  server = await startTestServer({ seed: [FIXTURES.smallGraph] });
  admin = await server.adminToken();
  for (const query of READS) {
    const response = await server.gql(query, {}, { token: admin, purpose: 'CASE-CHECK' });
    observed.push({
      requestId: response.headers.get('x-request-id') ?? undefined,
      operation: /query (\w+)/.exec(query)?.[1] ?? query,
      entityIds: [...returnedEntityIds(response.body.data)],
    });
  }
});
afterAll(() => server?.stop());

describe('the audit coverage check', () => {
  it('reads entities, relationship ends and omitted neighbours out of an answer, and nothing else', () => {
    const answer = {
      neighbourhood: {
        nodes: [{ id: 'p1', label: 'Person', name: 'P' }],
        relationships: [{ id: 'r1', type: 'PAID', source: 'p1', target: 'p2' }],
        omitted: [{ id: 'p3', count: 4 }],
      },
      alerts: [{ id: 'alert-1', kind: 'CANARY_READ', entityIds: ['p9'] }],
      auditLog: [{ user: 'ana', entityIds: ['p8'] }],
    };
    expect([...returnedEntityIds(answer)].sort()).toEqual(['p1', 'p2', 'p3']);
  });

  it('finds every id the server returned in the record of its request', async () => {
    expect(observed.every((o) => o.entityIds.length > 0)).toBe(true);
    expect(await checkAuditCoverage({ url: server.url, adminToken: admin, since, observed })).toEqual([]);
  });

  it('reports an id an answer carried that its record lacks, and an answer without a record', async () => {
    const records = await readAuditLog({ url: server.url, token: admin, since });
    const [first, ...rest] = observed;
    if (!first) throw new Error('no answer observed');
    const tampered: ObservedAnswer[] = [
      { ...first, entityIds: [...first.entityIds, 'person-never-recorded'] },
      ...rest,
      { requestId: 'no-such-request', operation: 'Ghost', entityIds: [] },
      { requestId: undefined, operation: 'Headless', entityIds: [] },
    ];
    expect(auditGaps(tampered, records)).toEqual([
      `Hub (${first.requestId}): returned but not recorded: person-never-recorded`,
      'Ghost (no-such-request): no audit record',
      'Headless: the answer carries no X-Request-Id',
    ]);
  });
});
