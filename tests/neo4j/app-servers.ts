/**
 * Real server processes (`server/src/main.ts`, as `npm start` runs it) on the
 * Neo4j of the tier, for the tests of several app servers on one database.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const ADMIN_PASSWORD = 'multi-server-admin-password';

export interface Answer {
  readonly status: number;
  /** The Retry-After header, null when there is none. */
  readonly retryAfter: string | null;
  readonly codes: string[];
  readonly data: Record<string, unknown> | null | undefined;
}

export interface AppServer {
  readonly url: string;
  gql(
    query: string,
    options?: { token?: string; purpose?: string; variables?: Record<string, unknown>; timeoutMs?: number },
  ): Promise<Answer>;
  stop(): Promise<void>;
}

export function neo4jEnv(): Record<string, string> {
  return {
    NEO4J_URI: process.env.NEO4J_URI ?? '',
    NEO4J_USER: process.env.NEO4J_USER ?? 'neo4j',
    NEO4J_PASSWORD: process.env.NEO4J_PASSWORD ?? '',
  };
}

export async function startAppServer(env: Record<string, string>): Promise<AppServer> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      ...neo4jEnv(),
      PORT: '0',
      HOST: '127.0.0.1',
      MAILLON_SEED: 'none',
      MAILLON_ADMIN_PASSWORD: ADMIN_PASSWORD,
      // Every server must check every other server's tokens.
      MAILLON_JWT_SECRET: 'a shared secret of the app servers on this database',
      NODE_ENV: 'test',
      LOG_LEVEL: 'error',
      ...env,
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
  return {
    url,
    async gql(query, options = {}) {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
          ...(options.purpose ? { 'x-purpose': options.purpose } : {}),
        },
        body: JSON.stringify({ query, variables: options.variables ?? {} }),
        signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
      });
      const body = (await response.json()) as {
        data?: Record<string, unknown> | null;
        errors?: Array<{ extensions?: { code?: string } }>;
      };
      return {
        status: response.status,
        retryAfter: response.headers.get('retry-after'),
        codes: (body.errors ?? []).map((e) => e.extensions?.code ?? ''),
        data: body.data,
      };
    },
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

export async function login(server: AppServer, username: string, password: string): Promise<string> {
  const answer = await server.gql(
    'mutation L($u: String!, $p: String!) { login(username: $u, password: $p) { token } }',
    {
      variables: { u: username, p: password },
    },
  );
  const token = (answer.data?.login as { token?: string } | undefined)?.token;
  if (!token) throw new Error(`login ${username}: ${answer.codes.join(', ')}`);
  return token;
}

/** `npm run audit -- verify` on the tier's Neo4j (or the one `env` names): its exit code and output. */
export function verifyAuditChain(env: Record<string, string> = {}): { code: number | null; output: string } {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'server/src/cli/audit.ts', 'verify'], {
    cwd: ROOT,
    env: { ...process.env, ...neo4jEnv(), LOG_LEVEL: 'error', ...env },
    encoding: 'utf8',
  });
  return { code: result.status, output: `${result.stdout}${result.stderr}` };
}
