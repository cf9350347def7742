/**
 * A real Maillon server for tests: the store under test (a temporary Kùzu data directory,
 * or the wiped Neo4j of the `neo4j` project), a free port, the first admin with a known
 * password, and helpers to sign in and run GraphQL.
 *
 *   const server = await startTestServer({ seed: [FIXTURES.smallGraph] });
 *   const token = await server.adminToken();
 *   const { status, body } = await server.gql('{ stats { nodes } }', {}, { token, purpose: 'test' });
 *   await server.stop();
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { pino } from 'pino';
import { startServer, type RunningServer } from '../../server/src/app.ts';
import { loadConfig } from '../../server/src/config.ts';
import { createStore } from '../../server/src/store/create-store.ts';
import type { GraphStore } from '../../server/src/store/GraphStore.ts';
import { onNeo4j, storeEnv, wipeNeo4j } from '../support/store-under-test.ts';

const here = path.dirname(fileURLToPath(import.meta.url));

export const FIXTURES = {
  /** Lucien Férat ("Lulu le Grand"), his clan, a monitored shipment, a brigade, an informant, a 60-leaf hub. */
  smallGraph: path.join(here, 'fixtures', 'small-graph.cypher'),
} as const;

export const ADMIN = { username: 'admin', password: 'test-admin-password' } as const;

export interface TestServerOptions {
  /** Cypher files loaded into the empty store, the demo data, or nothing (default). */
  readonly seed?: readonly string[] | 'demo' | 'none';
  /** Extra environment, as the server would read it (e.g. { MAILLON_TOKEN_TTL: '2m' }). */
  readonly env?: Readonly<Record<string, string>>;
  /** Wraps the real store, e.g. to make one method fail. */
  readonly wrapStore?: (store: GraphStore) => GraphStore;
}

export interface GqlOptions {
  readonly token?: string;
  readonly purpose?: string;
  readonly headers?: Readonly<Record<string, string>>;
}

export interface GqlError {
  readonly message: string;
  readonly path?: ReadonlyArray<string | number>;
  readonly extensions?: { readonly code?: string } & Readonly<Record<string, unknown>>;
}

export interface GqlResponse<T = Record<string, unknown>> {
  readonly status: number;
  readonly headers: Headers;
  readonly body: { readonly data?: T | null; readonly errors?: readonly GqlError[] };
}

export interface TestServer {
  readonly url: string;
  readonly dataDir: string;
  readonly store: GraphStore;
  readonly running: RunningServer;
  /** Signs in and returns the token; throws with the server's message when refused. */
  login(username: string, password: string): Promise<string>;
  /** A token for the first admin (signed in once, then reused). */
  adminToken(): Promise<string>;
  gql<T = Record<string, unknown>>(
    query: string,
    variables?: Readonly<Record<string, unknown>>,
    options?: GqlOptions,
  ): Promise<GqlResponse<T>>;
  stop(): Promise<void>;
}

export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'maillon-'));
  const seed = options.seed ?? 'none';
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    MAILLON_DATA_DIR: dataDir,
    MAILLON_SEED: seed === 'demo' ? 'demo' : 'none',
    MAILLON_ADMIN_PASSWORD: ADMIN.password,
    NODE_ENV: 'test',
    MAILLON_SHUTDOWN_GRACE_MS: '2000',
    ...storeEnv(),
    ...options.env,
  });
  if (onNeo4j) await wipeNeo4j();
  const logger = pino({ name: 'test-server', level: process.env.LOG_LEVEL ?? 'warn' }, pino.destination(2));
  const realStore = await createStore(config, logger, { serving: true });
  const store = options.wrapStore ? options.wrapStore(realStore) : realStore;
  let running: RunningServer;
  try {
    running = await startServer({
      config,
      logger,
      store,
      ...(Array.isArray(seed) ? { seedFiles: seed } : {}),
      print: () => undefined,
    });
  } catch (error) {
    await realStore.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }

  const gql: TestServer['gql'] = async (query, variables = {}, gqlOptions = {}) => {
    const response = await fetch(`${running.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(gqlOptions.token ? { authorization: `Bearer ${gqlOptions.token}` } : {}),
        ...(gqlOptions.purpose ? { 'x-purpose': gqlOptions.purpose } : {}),
        ...gqlOptions.headers,
      },
      body: JSON.stringify({ query, variables }),
    });
    const text = await response.text();
    let body: GqlResponse['body'];
    try {
      body = JSON.parse(text) as GqlResponse['body'];
    } catch {
      throw new Error(`/graphql answered ${response.status} with a body that is not JSON: ${text.slice(0, 200)}`);
    }
    return { status: response.status, headers: response.headers, body: body as GqlResponse<never>['body'] };
  };

  const login: TestServer['login'] = async (username, password) => {
    const { body } = await gql<{ login: { token: string } }>(
      'mutation Login($username: String!, $password: String!) { login(username: $username, password: $password) { token } }',
      { username, password },
    );
    const token = body.data?.login.token;
    if (!token) throw new Error(`login as ${username} failed: ${body.errors?.[0]?.message ?? 'no token'}`);
    return token;
  };

  let adminToken: Promise<string> | undefined;
  let stopped = false;
  return {
    url: running.url,
    dataDir,
    store,
    running,
    gql,
    login,
    adminToken: () => (adminToken ??= login(ADMIN.username, ADMIN.password)),
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await running.stop();
      if (onNeo4j) await wipeNeo4j();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
