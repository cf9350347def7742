/**
 * `npm start` runs the compiled server: built by scripts/build-server.mjs, server/dist/main.js
 * must start and answer /health. It once crashed at start because the build copied
 * schema.graphql but not investigations.graphql (ENOENT .../dist/api/investigations.graphql).
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'maillon-compiled-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

/** Resolves with the listening URL from the server's log, or rejects with what it printed before it exited. */
function startCompiled(): Promise<{ url: string; stop: () => void }> {
  const child = spawn(process.execPath, [path.join(ROOT, 'server/dist/main.js')], {
    env: { ...process.env, MAILLON_DATA_DIR: dataDir, MAILLON_SEED: 'none', PORT: '0', LOG_FORMAT: 'json' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let log = '';
  return new Promise((resolve, reject) => {
    child.stderr.on('data', (chunk: Buffer) => {
      log += chunk.toString('utf8');
      const url = /"url":"(http:[^"]+)"/.exec(log)?.[1];
      if (url) resolve({ url, stop: () => child.kill('SIGTERM') });
    });
    child.on('exit', (code) => reject(new Error(`the compiled server exited (${code}):\n${log}`)));
  });
}

describe('the compiled server', () => {
  it('starts from server/dist and answers /health', async () => {
    const build = spawnSync(process.execPath, [path.join(ROOT, 'scripts/build-server.mjs')], { encoding: 'utf8' });
    expect(build.status, build.stderr).toBe(0);
    const server = await startCompiled();
    try {
      const health = await fetch(`${server.url}/health`);
      expect(health.status).toBe(200);
      expect(await health.json()).toEqual({ status: 'ok', store: 'kuzu' });
    } finally {
      server.stop();
    }
  }, 300_000);
});
