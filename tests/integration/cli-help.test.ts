/**
 * Every command-line tool answers `--help` with its usage on stdout and exit code 0,
 * without opening a store (an admin asks before knowing which database is configured).
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const TOOLS = ['generate', 'audit', 'import', 'export', 'users'] as const;

function help(tool: (typeof TOOLS)[number], flag: string) {
  return spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, `server/src/cli/${tool}.ts`), flag], {
    cwd: ROOT,
    // An unreachable database: a tool that opened the store before reading --help would fail.
    env: { ...process.env, NEO4J_URI: 'bolt://127.0.0.1:1', NEO4J_PASSWORD: 'x', LOG_LEVEL: 'error' },
    encoding: 'utf8',
    timeout: 60_000,
  });
}

describe('command-line help', () => {
  for (const tool of TOOLS) {
    for (const flag of ['--help', '-h']) {
      it(`npm run ${tool} -- ${flag} prints the usage and exits 0`, () => {
        const run = help(tool, flag);
        expect(run.stderr).not.toMatch(/Unknown option/);
        expect(run.stdout).toMatch(new RegExp(`Usage:\\s+npm run ${tool} `));
        expect(run.status).toBe(0);
      });
    }
  }
});
