/**
 * Red flags never come from part of the graph without saying so: past the scan limit
 * (MAILLON_RED_FLAG_SCAN_LIMIT, small here) the answer is refused with LIMIT_EXCEEDED and
 * names what was read, where it used to return the flags of the first relationships read
 * and only log the cut. A rule whose types fit the limit is answered as before: the background
 * computation (RedFlagBook) refuses only the rules that read a cut type.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, startTestServer, type TestServer } from '../helpers/test-server.ts';

const LIMIT = 10;
const FLAGS = 'query F($rules: [String!]) { redFlags(rules: $rules) { rule summary } }';
let server: TestServer;
let token: string;

beforeAll(async () => {
  server = await startTestServer({
    seed: [FIXTURES.smallGraph],
    env: { MAILLON_RED_FLAG_SCAN_LIMIT: String(LIMIT) },
  });
  token = await server.adminToken();
}, 120_000);
afterAll(() => server?.stop());

describe('red flags over a graph with more relationships than the scan limit', () => {
  it('refuses a rule whose scan was cut, saying which types and how many were read', async () => {
    // The fixture's hub has 60 ASSOCIATE_OF ties, which official-criminal-tie reads.
    const { body } = await server.gql(FLAGS, { rules: ['official-criminal-tie'] }, { token, purpose: 'CASE-1' });
    expect(body.data?.redFlags ?? null).toBeNull();
    const error = body.errors?.[0];
    expect(error?.extensions?.code).toBe('LIMIT_EXCEEDED');
    expect(error?.message).toContain('ASSOCIATE_OF');
    // The flags come from the server's background computation, which read no more than the limit either.
    expect(error?.message).toContain('by the background computation of');
    expect(error?.extensions?.scanned).toContainEqual({ type: 'ASSOCIATE_OF', relationships: LIMIT, truncated: true });
  });

  it('answers a rule whose types fit within the limit', async () => {
    const { body } = await server.gql<{ redFlags: Array<{ rule: string }> }>(
      FLAGS,
      { rules: ['shipment-discrepancy'] },
      { token, purpose: 'CASE-1' },
    );
    expect(body.errors).toBeUndefined();
    expect(body.data?.redFlags.length).toBeGreaterThan(0);
    expect(body.data?.redFlags.every((flag) => flag.rule === 'shipment-discrepancy')).toBe(true);
  });
});
