/**
 * SIGTERM under load, on the real server process (`server/src/main.ts`): a request
 * in flight when the signal arrives still gets its answer, new connections are
 * refused, no request sees a 5xx, and the process exits 0 — also when a client
 * holds a request open past the grace period, which is then cut.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const PASSWORD = 'shutdown-test-password';
const GRACE_MS = 3000;
/** A server process usually starts in seconds; a busy 2-core machine has taken most of a minute. */
const TEST_TIMEOUT_MS = 180_000;

interface ServerProcess {
  readonly child: ChildProcess;
  readonly url: string;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const started: Array<{ child: ChildProcess; dataDir: string }> = [];

afterEach(() => {
  for (const { child, dataDir } of started.splice(0)) {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});

async function startServerProcess(): Promise<ServerProcess> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'maillon-'));
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      MAILLON_DATA_DIR: dataDir,
      MAILLON_SEED: 'none',
      MAILLON_ADMIN_PASSWORD: PASSWORD,
      MAILLON_SHUTDOWN_GRACE_MS: String(GRACE_MS),
      MAILLON_RATE_LIMIT: '1000000',
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.push({ child, dataDir });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    let stdout = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /running at (http:\/\/\S+?) /.exec(stdout);
      if (match?.[1]) resolve(match[1]);
    });
    void exited.then(({ code }) => reject(new Error(`server exited (${code}) before listening: ${stderr}`)));
  });
  return { child, url, exited };
}

interface Answer {
  readonly status: number;
  readonly body: string;
}

/** One POST on its own connection; `hold` sends the body in two halves with a pause between. */
function post(options: { url: string; body: string; token?: string; hold?: Promise<void> }): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = http.request(`${options.url}/graphql`, {
      method: 'POST',
      agent: false,
      headers: {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(options.body),
        'x-purpose': 'shutdown test',
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      },
    });
    request.on('response', (response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString()));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    request.on('error', reject);
    if (!options.hold) {
      request.end(options.body);
      return;
    }
    const half = Math.floor(options.body.length / 2);
    request.write(options.body.slice(0, half));
    void options.hold.then(() => request.end(options.body.slice(half)));
  });
}

async function adminToken(url: string): Promise<string> {
  const { body } = await post({
    url,
    body: JSON.stringify({
      query: 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }',
      variables: { u: 'admin', p: PASSWORD },
    }),
  });
  const token = (JSON.parse(body) as { data?: { login?: { token?: string } } }).data?.login?.token;
  if (!token) throw new Error(`login failed: ${body}`);
  return token;
}

const STATS = JSON.stringify({ query: '{ stats { nodes relationships } }' });
const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const errorCode = (error: unknown) => (error as NodeJS.ErrnoException).code ?? String(error);

describe('graceful shutdown on SIGTERM', () => {
  it(
    'finishes requests in flight, refuses new ones, never answers 5xx and exits 0',
    async () => {
      const server = await startServerProcess();
      const token = await adminToken(server.url);

      // Load: four clients in a loop until the server stops accepting them.
      const statuses: number[] = [];
      const failures: string[] = [];
      let stopped = false;
      const client = async () => {
        while (!stopped) {
          try {
            statuses.push((await post({ url: server.url, body: STATS, token })).status);
          } catch (error) {
            failures.push(errorCode(error));
            return;
          }
        }
      };
      const clients = Array.from({ length: 4 }, client);
      await delay(500);

      // A request whose body is still arriving when the signal comes.
      let release: () => void = () => undefined;
      const inFlight = post({ url: server.url, body: STATS, token, hold: new Promise((r) => (release = r)) });
      await delay(200);
      server.child.kill('SIGTERM');
      await delay(300);

      const refused = await post({ url: server.url, body: STATS, token }).then(
        (answer) => `answered ${answer.status}`,
        (error: unknown) => errorCode(error),
      );
      release();
      const answer = await inFlight;
      const exit = await server.exited;
      stopped = true;
      await Promise.all(clients);

      expect(answer.status).toBe(200);
      expect(JSON.parse(answer.body)).toEqual({ data: { stats: { nodes: 0, relationships: 0 } } });
      expect(refused).toBe('ECONNREFUSED');
      expect(statuses.length).toBeGreaterThan(0);
      expect(statuses.filter((status) => status !== 200)).toEqual([]);
      // A client racing the close may find the port shut or its fresh connection reset; never a broken answer.
      expect(failures.filter((code) => code !== 'ECONNREFUSED' && code !== 'ECONNRESET')).toEqual([]);
      expect(exit).toEqual({ code: 0, signal: null });
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'cuts a request still open after the grace period and exits 0',
    async () => {
      const server = await startServerProcess();
      const stuck = post({ url: server.url, body: STATS, hold: new Promise<void>(() => undefined) }).catch(
        (error: unknown) => errorCode(error),
      );
      await delay(200);
      server.child.kill('SIGTERM');
      const exit = await Promise.race([server.exited, delay(GRACE_MS + 15_000).then(() => 'still running')]);
      expect(exit).toEqual({ code: 0, signal: null });
      expect(await stuck).toBe('ECONNRESET');
    },
    TEST_TIMEOUT_MS,
  );
});
