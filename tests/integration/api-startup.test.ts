// `npm start`'s server process: configuration errors, the first admin's one-time password,
// the persisted signing secret, the demo seed, and a clean exit on SIGTERM.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const MAIN = path.join(ROOT, 'server', 'src', 'main.ts');

interface Run {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<number | null>;
}

const runs: Run[] = [];
const dirs: string[] = [];
afterEach(() => {
  for (const run of runs.splice(0)) run.child.kill('SIGKILL');
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
    probe.on('error', reject);
  });
}

function startMain(env: Record<string, string>): Run {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LOG_LEVEL: 'warn', ...env },
  });
  let out = '';
  let err = '';
  child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const run = { child, stdout: () => out, stderr: () => err, exited };
  runs.push(run);
  return run;
}

async function until(condition: () => boolean, what: string, run: Run): Promise<void> {
  // Loading the demo seed takes a while on a busy machine.
  for (let i = 0; i < 2400; i += 1) {
    if (condition()) return;
    if (run.child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`gave up waiting for ${what}\nstdout:\n${run.stdout()}\nstderr:\n${run.stderr()}`);
}

const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'maillon-'));
  dirs.push(dir);
  return dir;
};

describe('server process', () => {
  it('refuses a bad configuration with one message naming each variable, exit 1', async () => {
    const run = startMain({ PORT: 'x', MAILLON_SEED: 'everything', MAILLON_DATA_DIR: tempDir() });
    expect(await run.exited).toBe(1);
    expect(run.stderr()).toContain('PORT: must be a whole number between 0 and 65535');
    expect(run.stderr()).toContain("MAILLON_SEED: must be 'demo' or 'none'");
  });

  it('prints a generated admin password once, keeps the signing secret private, seeds, and stops on SIGTERM', async () => {
    const dataDir = tempDir();
    const port = await freePort();
    const env = { PORT: String(port), MAILLON_DATA_DIR: dataDir, MAILLON_SEED: 'demo' };
    const first = startMain(env);
    await until(() => first.stdout().includes('Maillon is running at'), 'the first start', first);
    const password = /password: (\S+)/.exec(first.stdout())?.[1];
    expect(password).toBeDefined();

    const health = await fetch(`http://127.0.0.1:${port}/health`);
    expect(await health.json()).toEqual({ status: 'ok', store: 'kuzu' });
    const login = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: 'mutation($p: String!) { login(username: "admin", password: $p) { token } }',
        variables: { p: password },
      }),
    });
    const token = ((await login.json()) as { data: { login: { token: string } } }).data.login.token;
    const search = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'x-purpose': 'test' },
      body: JSON.stringify({ query: '{ search(query: "mimo") { entity { name } } }' }),
    });
    const hits = ((await search.json()) as { data: { search: Array<{ entity: { name: string } }> } }).data.search;
    expect(hits.map((h) => h.entity.name).join(' ')).toContain('Djeha');

    const secretFile = path.join(dataDir, 'jwt-secret');
    expect(fs.statSync(secretFile).mode & 0o777).toBe(0o600);

    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);

    // Second start: same data, no new password, and the old token still works.
    const second = startMain(env);
    await until(() => second.stdout().includes('Maillon is running at'), 'the second start', second);
    expect(second.stdout()).not.toContain('password:');
    const me = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: '{ me { username } }' }),
    });
    expect(await me.json()).toEqual({ data: { me: { username: 'admin' } } });
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
  }, 600_000);
});
