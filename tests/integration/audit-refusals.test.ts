/**
 * Requests refused before any resolver runs (in the HTTP layer, in the context
 * function, or by Apollo before execution) are in the audit trail too: with the
 * user as far as known, the operation when it parses, the outcome, the request
 * id and the client address. The chain still verifies afterwards, and a trail
 * that cannot be written does not turn a refusal into anything else.
 */
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAuditCommand } from '../../server/src/audit/audit-command.ts';
import type { GraphStore } from '../../server/src/store/GraphStore.ts';
import { readAuditLog, type AuditLogEntry } from '../helpers/audit-log.ts';
import { FIXTURES, startTestServer, type TestServer } from '../helpers/test-server.ts';

const SECRET = 'refusal-test-secret-long-enough-for-hs256';
const audit = { broken: false };

/** The real store, except that appendAudit fails while `audit.broken` is set. */
function withBreakableAudit(store: GraphStore): GraphStore {
  return new Proxy(store, {
    get(target, property) {
      if (property === 'appendAudit' && audit.broken) return () => Promise.reject(new Error('EROFS'));
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

let server: TestServer;
let admin: string;

beforeAll(async () => {
  server = await startTestServer({
    seed: [FIXTURES.smallGraph],
    env: { MAILLON_JWT_SECRET: SECRET, MAILLON_MAX_BODY_BYTES: '4096' },
    wrapStore: withBreakableAudit,
  });
  admin = await server.adminToken();
});
afterAll(() => server?.stop());

const JSON_TYPE = { 'content-type': 'application/json' };
const STATS = JSON.stringify({ query: 'query Counts { stats { nodes } }' });

/** A token with the server's own secret and claims, but expired an hour ago. */
const expiredToken = () => {
  const hourAgo = Math.floor(Date.now() / 1000) - 3600;
  return new SignJWT({ role: 'ADMIN', clr: false, ver: 0 })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject('admin')
    .setIssuer('maillon')
    .setAudience('maillon-api')
    .setIssuedAt(hourAgo - 60)
    .setExpirationTime(hourAgo)
    .sign(new TextEncoder().encode(SECRET));
};

async function send(init: { method?: string; headers?: Record<string, string>; body?: string }) {
  const response = await fetch(`${server.url}/graphql`, { method: init.method ?? 'POST', ...init });
  const text = await response.text();
  return { status: response.status, requestId: response.headers.get('x-request-id') ?? '', text };
}

async function recordOf(requestId: string): Promise<AuditLogEntry | undefined> {
  const log = await readAuditLog({ url: server.url, token: admin, limit: 200 });
  return log.find((e) => e.requestId === requestId);
}

type Case = [
  name: string,
  request: () => Promise<{ method?: string; headers?: Record<string, string>; body?: string }>,
  expected: { status: number; user: string; outcome: string; code: string; operation: string },
];

const CASES: Case[] = [
  [
    'no token on a data query',
    async () => ({ headers: JSON_TYPE, body: STATS }),
    { status: 401, user: 'anonymous', outcome: 'UNAUTHENTICATED', code: 'UNAUTHENTICATED', operation: 'Counts' },
  ],
  [
    'a malformed Authorization header',
    async () => ({ headers: { ...JSON_TYPE, authorization: 'Basic YWRtaW46YWRtaW4=' }, body: STATS }),
    { status: 401, user: 'anonymous', outcome: 'UNAUTHENTICATED', code: 'UNAUTHENTICATED', operation: 'Counts' },
  ],
  [
    'a forged token',
    async () => ({ headers: { ...JSON_TYPE, authorization: `Bearer ${admin.slice(0, -4)}AAAA` }, body: STATS }),
    { status: 401, user: 'anonymous', outcome: 'UNAUTHENTICATED', code: 'UNAUTHENTICATED', operation: 'Counts' },
  ],
  [
    'an expired token',
    async () => ({ headers: { ...JSON_TYPE, authorization: `Bearer ${await expiredToken()}` }, body: STATS }),
    { status: 401, user: 'anonymous', outcome: 'UNAUTHENTICATED', code: 'UNAUTHENTICATED', operation: 'Counts' },
  ],
  [
    'a malformed X-Purpose from a signed-in user',
    async () => ({
      headers: { ...JSON_TYPE, authorization: `Bearer ${admin}`, 'x-purpose': 'CASE-1\tDROP' },
      body: STATS,
    }),
    { status: 400, user: 'admin', outcome: 'REJECTED', code: 'BAD_USER_INPUT', operation: 'Counts' },
  ],
  [
    'a body that is not JSON',
    async () => ({ headers: { ...JSON_TYPE, authorization: `Bearer ${admin}` }, body: '{"query": "{ stats' }),
    { status: 400, user: 'admin', outcome: 'REJECTED', code: 'BAD_REQUEST', operation: '(not parsed)' },
  ],
  [
    'a body over the size limit',
    async () => ({ headers: JSON_TYPE, body: JSON.stringify({ query: `{ stats { nodes } } #${'x'.repeat(5000)}` }) }),
    { status: 413, user: 'anonymous', outcome: 'REJECTED', code: 'BAD_REQUEST', operation: '(not parsed)' },
  ],
  [
    'the wrong method',
    async () => ({ method: 'PUT', headers: JSON_TYPE, body: STATS }),
    { status: 405, user: 'anonymous', outcome: 'REJECTED', code: 'BAD_REQUEST', operation: '(not parsed)' },
  ],
  [
    'a query that is not a string (refused by Apollo before execution)',
    async () => ({ headers: { ...JSON_TYPE, authorization: `Bearer ${admin}` }, body: '{"query": 5}' }),
    { status: 400, user: 'admin', outcome: 'REJECTED', code: 'BAD_REQUEST', operation: '(not parsed)' },
  ],
  [
    'a plain-text body (refused by Apollo as a possible cross-site request)',
    async () => ({ headers: { 'content-type': 'text/plain', authorization: `Bearer ${admin}` }, body: STATS }),
    { status: 400, user: 'admin', outcome: 'REJECTED', code: 'BAD_REQUEST', operation: '(not parsed)' },
  ],
];

describe('refused before execution', () => {
  it.each(CASES)('%s: answered without data and recorded', async (_name, request, expected) => {
    const response = await send(await request());
    expect(response.status).toBe(expected.status);
    expect(response.text).not.toMatch(/"data"\s*:\s*\{/);
    const record = await recordOf(response.requestId);
    expect(record).toMatchObject({
      user: expected.user,
      outcome: expected.outcome,
      operation: expected.operation,
      entityIds: [],
      details: expect.objectContaining({ errorCodes: [expected.code], httpStatus: expected.status }),
    });
    expect(record?.clientAddress).toMatch(/127\.0\.0\.1/);
  });

  it('records one record per refused request, not two', async () => {
    const response = await send({ headers: JSON_TYPE, body: STATS });
    const log = await readAuditLog({ url: server.url, token: admin, limit: 50 });
    expect(log.filter((e) => e.requestId === response.requestId)).toHaveLength(1);
  });

  it('keeps a long operation name short in the record', async () => {
    const name = `Q${'x'.repeat(3000)}`;
    const response = await send({
      headers: JSON_TYPE,
      body: JSON.stringify({ query: '{ stats { nodes } }', operationName: name }),
    });
    const record = await recordOf(response.requestId);
    expect(record?.operation.length).toBeLessThanOrEqual(100);
  });

  it('still refuses, with no data, when the trail cannot be written', async () => {
    audit.broken = true;
    try {
      const response = await send({ headers: JSON_TYPE, body: STATS });
      expect(response.status).toBe(401);
      expect(response.text).toMatch(/UNAUTHENTICATED/);
      expect(response.text).not.toMatch(/"data"\s*:\s*\{/);
    } finally {
      audit.broken = false;
    }
  });

  it('leaves a chain that verifies', async () => {
    const lines: string[] = [];
    const code = await runAuditCommand({ args: ['verify'], store: server.store, out: (l) => lines.push(l) });
    expect(lines.join('\n')).toMatch(/intact/);
    expect(code).toBe(0);
  });
});
