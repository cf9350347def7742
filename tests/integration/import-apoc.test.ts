/**
 * APOC exports through the command line, as an admin runs them: the neo4j-shell fixture (its shape
 * copied from a real APOC 5.26 export, its data fictional) loads as written, and the report says
 * which schema statements were skipped and where, in the text and in --json.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDataDir } from './import-helpers.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const CLI = path.join(ROOT, 'server/src/cli/import.ts');
const FIXTURE = path.join(ROOT, 'tests/fixtures/import/apoc-neo4j-shell.valid.cypher');

const cli = (args: string[], dataDir: string) =>
  spawnSync(process.execPath, ['--import', 'tsx', CLI, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, MAILLON_DATA_DIR: dataDir, NEO4J_URI: '', LOG_LEVEL: 'error' },
  });

describe('an APOC neo4j-shell export through npm run import', () => {
  const dataDir = tempDataDir();
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('loads it and lists every skipped schema statement with its position (--json)', () => {
    const run = cli([FIXTURE, '--dry-run', '--json'], dataDir);
    expect(run.status, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout) as {
      ok: boolean;
      statements: number;
      nodesCreated: number;
      relationshipsCreated: number;
      warnings: Array<{ statement: number; line: number; column: number; message: string }>;
    };
    expect(report).toMatchObject({ ok: true, statements: 8, nodesCreated: 3, relationshipsCreated: 2 });
    expect(report.warnings.map((w) => [w.statement, w.line, w.column])).toEqual([
      [1, 6, 1],
      [2, 7, 1],
      [3, 8, 1],
      [4, 9, 1],
    ]);
    expect(report.warnings[0]?.message).toMatch(/^Skipped: CREATE FULLTEXT INDEX shapes the database schema/);
  });

  it('prints the warnings after the totals', () => {
    const run = cli([FIXTURE, '--dry-run'], dataDir);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('Warnings (4):');
    expect(run.stdout).toMatch(
      /apoc-neo4j-shell\.valid\.cypher:8:1 \(statement 3\): Skipped: CREATE CONSTRAINT shapes the database schema/,
    );
  });
});
