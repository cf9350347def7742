/**
 * The hostile corpus against a real server: every request is refused with a 4xx
 * or a GraphQL error (or, for the few marked harmless, answered), never a 5xx,
 * whether signed in or not, in production and development mode; the server is
 * healthy afterwards and still answers a normal query.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, startTestServer, type TestServer } from '../helpers/test-server.ts';
import { hostileCorpus, type HostileRequest } from './hostile-corpus.ts';

interface Outcome {
  readonly status: number;
  readonly text: string;
}

async function send(server: TestServer, request: HostileRequest, token: string | undefined): Promise<Outcome> {
  const headers: Record<string, string> = { ...request.headers };
  if (token && !request.ownAuthorization) {
    headers.authorization = `Bearer ${token}`;
    headers['x-purpose'] ??= 'CASE-HOSTILE';
  }
  const response = await fetch(`${server.url}/graphql${request.search ?? ''}`, {
    method: request.method,
    headers,
    ...(request.body !== undefined
      ? { body: typeof request.body === 'string' ? request.body : Buffer.from(request.body) }
      : {}),
  });
  return { status: response.status, text: await response.text() };
}

/** Refused: a 4xx, or a GraphQL answer with errors and no data at any root field. */
function refused(outcome: Outcome): boolean {
  if (outcome.status >= 400 && outcome.status < 500) return true;
  try {
    const body = JSON.parse(outcome.text) as { data?: Record<string, unknown> | null; errors?: unknown[] };
    const data = body.data ?? {};
    return (body.errors?.length ?? 0) > 0 && Object.values(data).every((value) => value === null);
  } catch {
    return false;
  }
}

const corpus = hostileCorpus();

describe.each([
  ['production', true],
  ['development', false],
] as const)('hostile requests, %s mode', (_mode, production) => {
  let server: TestServer;
  let token: string;

  beforeAll(async () => {
    server = await startTestServer({
      seed: [FIXTURES.smallGraph],
      env: { NODE_ENV: production ? 'production' : 'development', MAILLON_RATE_LIMIT: '100000' },
    });
    await server.gql(
      'mutation { createUser(username: "probe", password: "a-long-enough-password", role: VIEWER) { username } }',
      {},
      { token: await server.adminToken() },
    );
    token = await server.login('probe', 'a-long-enough-password');
  });
  afterAll(() => server?.stop());

  it(`has at least 100 requests (${corpus.length})`, () => {
    expect(corpus.length).toBeGreaterThanOrEqual(100);
    expect(new Set(corpus.map((r) => r.name)).size).toBe(corpus.length);
  });

  const callers = production ? (['signed in', 'anonymous'] as const) : (['signed in'] as const);
  for (const caller of callers) {
    it(`refuses every request ${caller}, never with a 5xx`, async () => {
      const failures: string[] = [];
      for (const request of corpus) {
        let outcome: Outcome;
        try {
          outcome = await send(server, request, caller === 'signed in' ? token : undefined);
        } catch (error) {
          failures.push(
            `${request.name}: connection failed (${error instanceof Error ? error.message : String(error)})`,
          );
          continue;
        }
        if (outcome.status >= 500) failures.push(`${request.name}: ${outcome.status} ${outcome.text.slice(0, 200)}`);
        else if (!request.mayAnswer && !refused(outcome)) {
          failures.push(`${request.name}: not refused (${outcome.status} ${outcome.text.slice(0, 200)})`);
        }
      }
      expect(failures).toEqual([]);
    });
  }

  it('is healthy afterwards and still answers a normal query', async () => {
    const health = await fetch(`${server.url}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok' });
    const { status, body } = await server.gql(
      '{ entity(id: "person-lucien") { id } }',
      {},
      { token, purpose: 'CASE-1' },
    );
    expect(status).toBe(200);
    expect(body.data).toEqual({ entity: { id: 'person-lucien' } });
  });

  it('answers introspection only outside production', async () => {
    const { body } = await server.gql('{ __schema { queryType { name } } }', {}, { token });
    if (production) expect(body.errors?.length).toBeGreaterThan(0);
    else expect(body.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
  });
});
