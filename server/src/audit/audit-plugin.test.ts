import { readFileSync } from 'node:fs';
import { ApolloServer, HeaderMap } from '@apollo/server';
import { afterEach, describe, expect, it } from 'vitest';
import { ForbiddenError } from '../errors.ts';
import { InsiderDetector } from '../security/InsiderDetector.ts';
import { RateLimiter } from '../security/RateLimiter.ts';
import { securityPlugin } from '../security/security-plugin.ts';
import type { AuditRecord } from '../model/records.ts';
import { auditPlugin, type AuditedContext } from './audit-plugin.ts';
import { AuditTrail } from './AuditTrail.ts';
import { MemoryAuditStore } from '../../../tests/support/memory-audit-store.ts';
import { quietLogger } from '../../../tests/support/quiet-logger.ts';

const typeDefs = readFileSync(new URL('../api/schema.graphql', import.meta.url), 'utf8');
const entity = (id: string, label = 'Person') => ({ id, label, name: id.toUpperCase(), properties: {}, sources: [] });
const rel = (id: string, type: string, source: string, target: string) => ({
  id,
  type,
  source,
  target,
  properties: {},
  sources: [],
});

/** Writes fail while `broken` is set, as with a full disk. */
class FlakyStore extends MemoryAuditStore {
  broken = false;
  override appendAudit(records: readonly AuditRecord[]): Promise<void> {
    return this.broken ? Promise.reject(new Error('disk full')) : super.appendAudit(records);
  }
}

const resolvers = {
  Mutation: {
    login: () => ({
      token: 't',
      expiresAt: '',
      user: { username: 'carol', role: 'VIEWER', informantClearance: false, disabled: false },
    }),
  },
  Query: {
    entity: (_: unknown, { id }: { id: string }) => entity(id),
    search: () => [
      { entity: entity('p1'), score: 1 },
      { entity: entity('o1', 'Organization'), score: 0.5 },
    ],
    neighbourhood: () => ({
      nodes: [entity('i1', 'Informant'), entity('p9')],
      relationships: [rel('r1', 'IDENTIFIES_AS', 'i1', 'p9'), rel('r2', 'PAID', 'p7', 'i1')],
      truncated: false,
      omitted: [{ id: 'p8', count: 3 }],
    }),
    stats: () => {
      throw new ForbiddenError('stats needs a role you do not have');
    },
  },
};

async function setup(options: { detector?: InsiderDetector; rateLimiter?: RateLimiter } = {}) {
  const store = new FlakyStore();
  const trail = new AuditTrail({ logger: quietLogger, store });
  const server = new ApolloServer<AuditedContext>({
    typeDefs,
    resolvers,
    plugins: [securityPlugin(options), auditPlugin({ logger: quietLogger, trail, ...options })],
  });
  await server.start();
  running.push(server);
  /** `viewer: null` runs the request signed out. */
  const run = async (
    query: string,
    viewer: Partial<NonNullable<AuditedContext['viewer']>> | null = {},
    variables: Record<string, unknown> = {},
  ) => {
    const ctx: AuditedContext = {
      requestId: `req-${store.records.length + 1}`,
      clientAddress: '10.0.0.7',
      viewer:
        viewer === null ? undefined : { username: 'alice', role: 'INVESTIGATOR', informantClearance: false, ...viewer },
      purpose: 'CASE-17\n{"forged":true}',
    };
    const response = await server.executeHTTPGraphQLRequest({
      httpGraphQLRequest: {
        method: 'POST',
        headers: new HeaderMap([['content-type', 'application/json']]),
        search: '',
        body: { query, variables },
      },
      context: async () => ctx,
    });
    const text = response.body.kind === 'complete' ? response.body.string : '';
    return {
      status: response.status ?? 200,
      json: JSON.parse(text) as { data?: unknown; errors?: { extensions: { code: string } }[] },
    };
  };
  return { store, run, lastRecord: () => store.records.at(-1) };
}

const running: ApolloServer<AuditedContext>[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((server) => server.stop()));
});

describe('auditPlugin', () => {
  it('records who, why, what and every entity id returned, even when the query aliases or omits id', async () => {
    const { run, lastRecord } = await setup();
    const { json } = await run(
      'query Look { a: entity(id: "p5") { name } search(query: "x") { score entity { label } } }',
    );
    expect(json.data).toBeDefined();
    expect(lastRecord()).toMatchObject({
      user: 'alice',
      role: 'INVESTIGATOR',
      operation: 'Look',
      purpose: 'CASE-17\n{"forged":true}',
      outcome: 'OK',
      requestId: 'req-1',
      clientAddress: '10.0.0.7',
    });
    expect(new Set(lastRecord()?.entityIds)).toEqual(new Set(['p5', 'p1', 'o1']));
    expect(JSON.parse(lastRecord()?.details ?? '{}')).toMatchObject({ kind: 'query', fields: ['entity', 'search'] });
  });

  it('names the account a sign-in attempt is for, never the password', async () => {
    const { run, lastRecord } = await setup();
    const mutation = 'mutation L($p: String!) { login(username: " Carol ", password: $p) { token } }';
    await run(mutation, null, { p: 'hunter2-secret' });
    expect(lastRecord()).toMatchObject({ user: 'anonymous', operation: 'L' });
    expect(JSON.parse(lastRecord()?.details ?? '{}')).toMatchObject({ loginAs: 'carol' });
    expect(JSON.stringify(lastRecord())).not.toContain('hunter2');
  });

  it('records relationship ids and endpoints and omitted-count ids, and refused operations with their outcome', async () => {
    const { run, lastRecord } = await setup();
    await run('{ neighbourhood(ids: ["p7"]) { relationships { type } omitted { count } } }', {
      informantClearance: true,
    });
    expect(new Set(lastRecord()?.entityIds)).toEqual(new Set(['i1', 'p9', 'p7', 'p8', 'r1', 'r2']));
    expect(lastRecord()?.operation).toBe('query{neighbourhood}');
    await run('{ stats { nodes } }');
    expect(lastRecord()).toMatchObject({ outcome: 'FORBIDDEN', entityIds: [] });
  });

  it('flags a cleared read of an informant identity and withholds one that reached an uncleared user', async () => {
    const detector = new InsiderDetector();
    const { run, lastRecord } = await setup({ detector });
    const query = '{ neighbourhood(ids: ["i1"]) { nodes { id } relationships { type source target } } }';
    const cleared = await run(query, { username: 'carol', informantClearance: true });
    expect(cleared.status).toBe(200);
    expect(JSON.parse(lastRecord()?.details ?? '{}')).toMatchObject({
      clearedIdentityRead: true,
      identityReads: [{ informant: 'i1', person: 'p9' }],
    });
    const uncleared = await run(query);
    expect(uncleared.status).toBe(403);
    expect(uncleared.json.data).toBeUndefined();
    expect(lastRecord()?.outcome).toBe('FORBIDDEN');
    expect((await detector.listAlerts(5)).map((a) => a.kind)).toContain('IDENTITY_LEAK_BLOCKED');
  });

  it('fails closed: no data leaves when the record cannot be written', async () => {
    const { run, store } = await setup();
    store.broken = true;
    const { status, json } = await run('{ entity(id: "p5") { id name } }');
    expect(status).toBe(503);
    expect(json.data).toBeUndefined();
    expect(json.errors?.[0]?.extensions.code).toBe('AUDIT_UNAVAILABLE');
    store.broken = false;
    expect((await run('{ entity(id: "p5") { id } }')).status).toBe(200);
  });

  it('puts canary alerts in the record and suspends a session above the volume limit', async () => {
    const tight = {
      VIEWER: { alert: 1, suspend: 2 },
      INVESTIGATOR: { alert: 1, suspend: 2 },
      ADMIN: { alert: 1, suspend: 2 },
    };
    const detector = new InsiderDetector({
      rules: { canaryIds: new Set(['p5']), thresholds: tight },
    });
    const { run, lastRecord } = await setup({ detector });
    await run('{ entity(id: "p5") { id } }');
    expect(JSON.parse(lastRecord()?.details ?? '{}').alerts).toEqual([
      expect.objectContaining({ kind: 'CANARY_READ' }),
    ]);
    await run('{ entity(id: "p6") { id } }');
    const crossing = await run('{ entity(id: "p7") { id name } }');
    expect(crossing.status).toBe(403);
    expect(crossing.json.data).toBeUndefined();
    expect(lastRecord()?.outcome).toBe('SESSION_SUSPENDED');
    const next = await run('{ entity(id: "p1") { id } }');
    expect(next.status).toBe(403);
    expect(next.json.errors?.[0]?.extensions.code).toBe('SESSION_SUSPENDED');
    expect((await run('{ entity(id: "p1") { id } }', { username: 'bob' })).status).toBe(200);
    await detector.clearSuspension('alice');
    expect((await run('{ entity(id: "p1") { id } }')).status).toBe(200);
  });

  it('rate-limits per user with 429', async () => {
    const { run, lastRecord } = await setup({
      rateLimiter: new RateLimiter({ perMinute: 2, clock: () => 0 }),
    });
    await run('{ entity(id: "p1") { id } }');
    await run('{ entity(id: "p1") { id } }');
    const limited = await run('{ entity(id: "p1") { id } }');
    expect(limited.status).toBe(429);
    expect(limited.json.errors?.[0]?.extensions.code).toBe('RATE_LIMITED');
    expect(lastRecord()?.outcome).toBe('RATE_LIMITED');
  });
});
