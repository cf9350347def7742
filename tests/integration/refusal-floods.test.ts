/**
 * A flood of requests refused before execution (here: a bad token) from one
 * client address: after MAILLON_REFUSAL_LIMIT refusals in a minute the address
 * is answered 429 with Retry-After, and the trail holds the first refusals one
 * by one and the rest folded into one summary record, so it cannot be flooded
 * and no refusal goes unrecorded. Other addresses and signed-in users are not held back.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../server/src/audit/verify-chain.ts';
import { readAuditLog, type AuditLogEntry } from '../helpers/audit-log.ts';
import { FIXTURES, startTestServer, type TestServer } from '../helpers/test-server.ts';

const LIMIT = 20;
const FLOOD = 300;
/** Concurrent requests at a time: the count must hold under concurrency, not only in a row. */
const WAVE = 30;
const FLOODER = '203.0.113.7';
const BYSTANDER = '198.51.100.9';
const STATS = JSON.stringify({ query: 'query Counts { stats { nodes } }' });
const MINUTE_MS = 60_000;

let server: TestServer;
let admin: string;

beforeAll(async () => {
  server = await startTestServer({
    seed: [FIXTURES.smallGraph],
    env: { MAILLON_REFUSAL_LIMIT: String(LIMIT), MAILLON_TRUST_PROXY: 'true' },
  });
  admin = await server.adminToken();
});
afterAll(() => server?.stop());

async function send(address: string, token: string) {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'x-forwarded-for': address },
    body: STATS,
  });
  const text = await response.text();
  return { status: response.status, retryAfter: response.headers.get('retry-after'), text };
}

const recordsFrom = async (address: string): Promise<AuditLogEntry[]> =>
  (await readAuditLog({ url: server.url, token: admin })).filter((e) => e.clientAddress === address);

describe('a flood of refused requests from one address', () => {
  const answers: Array<Awaited<ReturnType<typeof send>>> = [];
  let minutesSpanned = 1;

  beforeAll(async () => {
    const forged = `${admin.slice(0, -4)}AAAA`;
    const started = Date.now();
    for (let sent = 0; sent < FLOOD; sent += WAVE) {
      answers.push(...(await Promise.all(Array.from({ length: WAVE }, () => send(FLOODER, forged)))));
    }
    // A figure for the report, not an assertion (timings belong to `npm run bench`).
    console.log(`refusal flood: ${FLOOD} requests in ${Date.now() - started} ms`);
    // Each calendar minute the flood touched has its own allowance.
    minutesSpanned = Math.floor(Date.now() / MINUTE_MS) - Math.floor(started / MINUTE_MS) + 1;
  });

  it('answers 429 RATE_LIMITED with Retry-After once the limit is used up', () => {
    const refused = answers.filter((a) => a.status === 401);
    const limited = answers.filter((a) => a.status === 429);
    expect(refused.length + limited.length).toBe(FLOOD);
    expect(refused.length).toBe(LIMIT * minutesSpanned);
    for (const answer of limited) {
      expect(answer.text).toMatch(/"code":"RATE_LIMITED"/);
      expect(answer.text).not.toMatch(/"data"\s*:\s*\{/);
      expect(Number(answer.retryAfter)).toBeGreaterThanOrEqual(1);
      expect(Number(answer.retryAfter)).toBeLessThanOrEqual(60);
    }
  });

  it('still answers a signed-in user from that address', async () => {
    const answer = await send(FLOODER, admin);
    expect(answer.status).toBe(200);
    expect(answer.text).toMatch(/"nodes":\d+/);
  });

  it('does not hold back another address', async () => {
    const answer = await send(BYSTANDER, 'not-a-token');
    expect(answer.status).toBe(401);
    expect(answer.text).toMatch(/UNAUTHENTICATED/);
  });

  it('records the first refusals one by one and the rest in one summary per minute', async () => {
    // The server folds until the minute ends or it stops; this is the flush its stop runs.
    await server.running.services.security?.refusals.flush();
    const records = (await recordsFrom(FLOODER)).filter((r) => r.user === 'anonymous');
    const summaries = records.filter((r) => r.operation === '(refusal flood)');
    const single = records.filter((r) => r.operation !== '(refusal flood)');
    expect(records.length).toBeLessThanOrEqual((LIMIT + 1) * minutesSpanned);
    expect(single).toHaveLength(LIMIT * minutesSpanned);
    expect(summaries.length).toBeGreaterThanOrEqual(1);
    expect(summaries.length).toBeLessThanOrEqual(minutesSpanned);
    const folded = summaries.reduce((sum, r) => sum + Number(r.details?.count), 0);
    expect(folded).toBe(FLOOD - LIMIT * minutesSpanned);
    for (const summary of summaries) {
      expect(summary).toMatchObject({ outcome: 'RATE_LIMITED', entityIds: [] });
      expect(summary.details).toMatchObject({ reasons: { UNAUTHENTICATED: summary.details?.count } });
      expect(Date.parse(String(summary.details?.firstAt))).toBeLessThanOrEqual(
        Date.parse(String(summary.details?.lastAt)),
      );
    }
  });

  it('leaves a chain that verifies', async () => {
    expect(await verifyAuditChain(server.store)).toMatchObject({ ok: true });
  });
});

describe('a flood mixing every kind of refusal before execution from one address', () => {
  const MIXER = '192.0.2.44';
  /** No token, a body that is not JSON, a wrong method: none of them reaches execution. */
  const KINDS: ReadonlyArray<{ reason: string; init: RequestInit }> = [
    {
      reason: 'UNAUTHENTICATED',
      init: { method: 'POST', headers: { 'content-type': 'application/json' }, body: STATS },
    },
    {
      reason: 'BAD_REQUEST',
      init: { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": "{ stats' },
    },
    { reason: 'BAD_REQUEST', init: { method: 'GET' } },
  ];
  const statuses: number[] = [];
  let minutesSpanned = 1;

  beforeAll(async () => {
    const started = Date.now();
    for (let sent = 0; sent < FLOOD; sent += WAVE) {
      const wave = Array.from({ length: WAVE }, async (_, i) => {
        const kind = KINDS[(sent + i) % KINDS.length];
        const headers = { ...(kind?.init.headers as Record<string, string>), 'x-forwarded-for': MIXER };
        const response = await fetch(`${server.url}/graphql`, { ...kind?.init, headers });
        await response.text();
        return response.status;
      });
      statuses.push(...(await Promise.all(wave)));
    }
    minutesSpanned = Math.floor(Date.now() / MINUTE_MS) - Math.floor(started / MINUTE_MS) + 1;
  });

  it('is answered 429 past the limit whatever the reason, and folded into summaries that name every reason', async () => {
    expect(statuses.filter((s) => s !== 429)).toHaveLength(LIMIT * minutesSpanned);
    await server.running.services.security?.refusals.flush();
    const records = (await recordsFrom(MIXER)).filter((r) => r.user === 'anonymous');
    const summaries = records.filter((r) => r.operation === '(refusal flood)');
    expect(records.filter((r) => r.operation !== '(refusal flood)')).toHaveLength(LIMIT * minutesSpanned);
    const reasons: Record<string, number> = {};
    for (const summary of summaries) {
      for (const [reason, count] of Object.entries(summary.details?.reasons ?? {})) {
        reasons[reason] = (reasons[reason] ?? 0) + Number(count);
      }
    }
    expect(Object.keys(reasons).sort()).toEqual([...new Set(KINDS.map((k) => k.reason))].sort());
    expect(Object.values(reasons).reduce((a, b) => a + b, 0)).toBe(FLOOD - LIMIT * minutesSpanned);
  });
});
