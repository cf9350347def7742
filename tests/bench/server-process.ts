/**
 * The real server (`server/src/main.ts`) in its own process, as `npm start` runs
 * it, on a copy of a dataset's embedded store (the cache stays as imported: the
 * server writes users and audit records) or on a Neo4j holding the same dataset.
 * The embedded server gets no NEO4J_* variable (one in the bench's environment
 * would start it on Neo4j). Load generators in the bench process then
 * compete with the server for CPU only as real clients would.
 *
 * The insider-lookup rule suspends any user who reads more than 200 distinct
 * persons in an hour, and no setting changes that threshold: the bench reads as
 * analyst users whose read volume a second admin resets (clearSuspension, outside
 * any timed section, or on a timer during load runs).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from './datasets.ts';
import type { Neo4jSettings } from './raw-neo4j.ts';
import { progress } from './types.ts';

const PASSWORD = 'bench-admin-password';
/** Every analyst's password: the search-box figure signs one in through the page. */
export const ANALYST_PASSWORD = 'bench-analyst-password';
export const PURPOSE = 'benchmark';

export interface GqlAnswer {
  readonly status: number;
  readonly body: {
    data?: Record<string, unknown> | null;
    errors?: Array<{ message: string; extensions?: { code?: string } }>;
  };
  readonly bytes: number;
}

export interface BenchServer {
  readonly url: string;
  readonly pid: number;
  /** Tokens of analysts (INVESTIGATOR with informant clearance), one per name. */
  analystToken(name: string): Promise<string>;
  /** Resets an analyst's read volume so that the next read cannot suspend the session. */
  resetVolume(name: string): Promise<void>;
  gql(query: string, variables: Record<string, unknown>, token: string): Promise<GqlAnswer>;
  /** `gql` as the bench's admin (imports beside a load). */
  asAdmin(query: string, variables: Record<string, unknown>): Promise<GqlAnswer>;
  /** Resident memory (bytes) of the server process and of its store (the embedded store's children, or Neo4j). */
  memory(): { server: number; children: number };
  stop(): Promise<void>;
}

export function rssBytes(pid: number): number {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match?.[1] ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** Resident memory (bytes) of `pid` and all its descendants. */
export function treeRssBytes(pid: number): number {
  return rssBytes(pid) + childPids(pid).reduce((sum, child) => sum + treeRssBytes(child), 0);
}

/** Process ids of the direct children of `pid` (the embedded store and its warm standby). */
export function childPids(pid: number): number[] {
  try {
    return fs.readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

/**
 * The store builds its adjacency snapshot in the background after a start (tens
 * of seconds at 1 M people) and answers expansions with DB_UNAVAILABLE meanwhile:
 * the figures measure the server once it is ready, as users would meet it.
 */
async function awaitAdjacencySnapshot(gql: BenchServer['gql'], token: string): Promise<void> {
  const started = Date.now();
  for (;;) {
    const answer = await gql('{ neighbourhood(ids: ["bench-warm-up"], depth: 1) { truncated } }', {}, token);
    if (answer.body.errors?.[0]?.extensions?.code !== 'DB_UNAVAILABLE') return;
    if (Date.now() - started > 15 * 60_000) throw new Error('the adjacency snapshot was not ready after 15 minutes');
    progress(`waiting for the store's adjacency snapshot (${Math.round((Date.now() - started) / 1000)} s)`);
    await new Promise((resolve) => setTimeout(resolve, 2000));
  }
}

/** The store under the server: a dataset's embedded store (copied), or a Neo4j (its process when local). */
export type BenchStore =
  | { readonly kind: 'kuzu'; readonly dataDir: string }
  | { readonly kind: 'neo4j'; readonly settings: Neo4jSettings; readonly pid: number | undefined };

/** The environment of the server process for `store`, NEO4J_* taken out or set. */
export function serverEnv(store: BenchStore, dataDir: string, base: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(base).filter(([name]) => !name.startsWith('NEO4J_')));
  if (store.kind === 'neo4j')
    Object.assign(env, {
      NEO4J_URI: store.settings.uri,
      NEO4J_USER: store.settings.user,
      NEO4J_PASSWORD: store.settings.password,
    });
  return { ...env, MAILLON_DATA_DIR: dataDir };
}

export async function startBenchServer(store: BenchStore): Promise<BenchServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'maillon-bench-'));
  if (store.kind === 'kuzu') fs.cpSync(store.dataDir, dataDir, { recursive: true });
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    cwd: ROOT,
    env: {
      ...serverEnv(store, dataDir, process.env),
      PORT: '0',
      HOST: '127.0.0.1',
      MAILLON_SEED: 'none',
      MAILLON_ADMIN_PASSWORD: PASSWORD,
      // A benchmark is many requests from few users; the rate limit would answer 429 instead of measuring.
      MAILLON_RATE_LIMIT: '1000000',
      // The import-reads figure sends a generated network of several MB as importCypher's script.
      MAILLON_MAX_BODY_BYTES: String(32 * 1_048_576),
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  const url = await new Promise<string>((resolve, reject) => {
    let stdout = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /running at (http:\/\/\S+?) /.exec(stdout);
      if (match?.[1]) resolve(match[1]);
    });
    void exited.then((code) => reject(new Error(`the server exited (${code}) before listening: ${stderr}`)));
  });

  const gql: BenchServer['gql'] = async (query, variables, token) => {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-purpose': PURPOSE,
        ...(token === '' ? {} : { authorization: `Bearer ${token}` }),
      },
      body: JSON.stringify({ query, variables }),
    });
    const text = await response.text();
    return { status: response.status, body: JSON.parse(text) as GqlAnswer['body'], bytes: Buffer.byteLength(text) };
  };
  const login = async (username: string, password: string): Promise<string> => {
    const { body } = await gql(
      'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }',
      { u: username, p: password },
      '',
    );
    const token = (body.data?.login as { token?: string } | undefined)?.token;
    if (!token) throw new Error(`login as ${username} failed: ${JSON.stringify(body.errors)}`);
    return token;
  };
  const adminToken = await login('admin', PASSWORD);
  await awaitAdjacencySnapshot(gql, adminToken);
  const analysts = new Map<string, Promise<string>>();

  return {
    url,
    pid: child.pid ?? 0,
    gql,
    asAdmin: (query, variables) => gql(query, variables, adminToken),
    analystToken: (name) => {
      let token = analysts.get(name);
      if (!token) {
        token = (async () => {
          const created = await gql(
            'mutation($u: String!, $p: String!) { createUser(username: $u, password: $p, role: INVESTIGATOR) { username } }',
            { u: name, p: ANALYST_PASSWORD },
            adminToken,
          );
          if (created.body.errors) throw new Error(`createUser ${name}: ${JSON.stringify(created.body.errors)}`);
          return login(name, ANALYST_PASSWORD);
        })();
        analysts.set(name, token);
      }
      return token;
    },
    resetVolume: async (name) => {
      const answer = await gql('mutation($u: String!) { clearSuspension(username: $u) }', { u: name }, adminToken);
      if (answer.body.errors) throw new Error(`clearSuspension: ${JSON.stringify(answer.body.errors)}`);
    },
    memory: () => {
      const pid = child.pid ?? 0;
      const children =
        store.kind === 'neo4j'
          ? store.pid === undefined
            ? 0
            : rssBytes(store.pid)
          : childPids(pid).reduce((sum, id) => sum + rssBytes(id), 0);
      return { server: rssBytes(pid), children };
    },
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
      await exited;
      clearTimeout(timer);
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
