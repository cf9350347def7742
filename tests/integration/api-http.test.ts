// The HTTP surface: health, security headers, body limits, CSRF, and the error model.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StoreUnavailableError } from '../../server/src/errors.ts';
import type { GraphStore } from '../../server/src/store/GraphStore.ts';
import { FIXTURES, startTestServer, type TestServer } from '../helpers/test-server.ts';

/** Set to make the store's ping fail, as when the database is down. */
let storeDown = false;

/** Makes `stats` fail like a bug would, and `search` like a database outage. */
function faulty(store: GraphStore): GraphStore {
  return new Proxy(store, {
    get(target, property, receiver) {
      if (property === 'ping' && storeDown) return () => Promise.reject(new StoreUnavailableError());
      if (property === 'stats') return () => Promise.reject(new Error('kuzu: secret table layout /var/lib/x'));
      if (property === 'search') return () => Promise.reject(new StoreUnavailableError(undefined, 7));
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ seed: [FIXTURES.smallGraph], wrapStore: faulty });
});
afterAll(() => server?.stop());

describe('health', () => {
  it('says ok and which store', async () => {
    const response = await fetch(`${server.url}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', store: 'kuzu' });
  });

  it('answers 503 with Retry-After while the store is unreachable', async () => {
    storeDown = true;
    try {
      const response = await fetch(`${server.url}/health`);
      expect(response.status).toBe(503);
      expect(response.headers.get('retry-after')).toBeTruthy();
      expect(await response.json()).toEqual({ status: 'unavailable', store: 'kuzu' });
    } finally {
      storeDown = false;
    }
  });
});

describe('headers and limits', () => {
  it('sets security headers and forbids caching GraphQL answers', async () => {
    const token = await server.adminToken();
    const { headers } = await server.gql('{ me { username } }', {}, { token });
    expect(headers.get('cache-control')).toBe('no-store');
    expect(headers.get('x-content-type-options')).toBe('nosniff');
    expect(headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  });

  it('serves a page at / and on client routes', async () => {
    for (const route of ['/', '/some/client/route']) {
      const response = await fetch(`${server.url}${route}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('text/html');
    }
  });

  it('refuses bodies over the limit with 413', async () => {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ me { username } }`, padding: 'x'.repeat(6 * 1024 * 1024) }),
    });
    expect(response.status).toBe(413);
  });

  it('refuses simple cross-site requests (CSRF prevention)', async () => {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', authorization: `Bearer ${await server.adminToken()}` },
      body: JSON.stringify({ query: '{ me { username } }' }),
    });
    expect(response.status).toBe(400);
  });
});

describe('error model', () => {
  it('masks an unexpected error as INTERNAL_SERVER_ERROR with a request id and no details', async () => {
    const token = await server.adminToken();
    const { body, headers } = await server.gql('{ stats { nodes } }', {}, { token });
    const error = body.errors?.[0];
    expect(error?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    expect(JSON.stringify(body)).not.toContain('secret');
    expect(JSON.stringify(body)).not.toContain('stacktrace');
    expect(error?.extensions?.requestId).toBe(headers.get('x-request-id'));
  });

  it('answers a database outage with 503 and Retry-After', async () => {
    const token = await server.adminToken();
    const { status, body, headers } = await server.gql(
      '{ search(query: "Lucien") { score } }',
      {},
      { token, purpose: 't' },
    );
    expect(status).toBe(503);
    expect(headers.get('retry-after')).toBe('7');
    expect(body.errors?.[0]?.extensions?.code).toBe('DB_UNAVAILABLE');
  });

  it('answers a persisted query whose hash does not match with a client error code, not an internal error', async () => {
    const token = await server.adminToken();
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({
        query: '{ me { username } }',
        extensions: { persistedQuery: { version: 1, sha256Hash: 'a'.repeat(64) } },
      }),
    });
    const body = (await response.json()) as { errors?: Array<{ extensions?: { code?: string } }> };
    expect(response.status).toBe(400);
    expect(body.errors?.[0]?.extensions?.code).toBe('BAD_REQUEST');
  });
});
