// The Neo4j test tier: runs the vitest project `neo4j` against a real Neo4j. With NEO4J_URI set it
// uses that database (it must be a disposable one: the tests wipe it); otherwise it starts Neo4j
// Community from Maven Central in a temporary folder and stops it afterwards. Without Java it
// skips loudly on a developer machine and fails with CI=true.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findJava, startNeo4j } from './neo4j/local-neo4j.mjs';

const ci = process.env.CI === 'true' || process.env.CI === '1';
const banner = (lines) => console.log(['', '='.repeat(78), ...lines, '='.repeat(78), ''].join('\n'));

async function main() {
  let neo;
  let scratch;
  if (!process.env.NEO4J_URI) {
    if (!findJava()) {
      const lines = [
        'Neo4j tier: NO JAVA 17+ FOUND, so NO TEST RAN ON NEO4J.',
        'Install a JDK 17 and Maven to run it.',
      ];
      banner(lines);
      return ci ? 1 : 0;
    }
    scratch = mkdtempSync(join(tmpdir(), 'maillon-neo4j-'));
    console.log(`Neo4j tier: starting Neo4j Community in ${scratch}`);
    // APOC is installed here only (not by neo4j:start): tests/neo4j/apoc-* load its real exports.
    neo = await startNeo4j({ home: join(scratch, 'home'), apoc: true, log: (m) => console.log(m) });
    console.log(`Neo4j tier: Neo4j ready at ${neo.uri}`);
  }
  const env = { ...process.env };
  if (neo) Object.assign(env, { NEO4J_URI: neo.uri, NEO4J_USER: neo.user, NEO4J_PASSWORD: neo.password });
  const reports = scratch ?? mkdtempSync(join(tmpdir(), 'maillon-neo4j-report-'));
  try {
    const runs = [runProject('neo4j', join(reports, 'neo4j.json'), env)];
    const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
    let e2eNote = 'the explorer end-to-end flow ran on Neo4j';
    if (process.argv.length > 2) {
      e2eNote = 'files or filters given: the explorer end-to-end flow was not run';
    } else if (existsSync(chromium)) {
      const build = spawnSync('npm', ['run', 'build'], { stdio: 'inherit', env: { ...env, VITE_E2E_HOOK: 'on' } });
      runs.push(build.status === 0 ? runProject('neo4j-e2e', join(reports, 'e2e.json'), env) : failedRun());
    } else {
      e2eNote = `NO CHROMIUM at ${chromium}: the explorer end-to-end flow did NOT run on Neo4j`;
      if (ci) runs.push(failedRun());
    }
    const counts = runs.reduce(
      (sum, r) => ({
        passed: sum.passed + r.passed,
        failed: sum.failed + r.failed,
        skipped: sum.skipped + r.skipped,
        status: sum.status || r.status,
      }),
      { passed: 0, failed: 0, skipped: 0, status: 0 },
    );
    banner([
      `Neo4j tier: ${counts.passed} tests passed on Neo4j, ${counts.failed} failed, ${counts.skipped} skipped.`,
      `Neo4j tier: ${e2eNote}.`,
    ]);
    if (counts.passed === 0) return 1;
    return counts.status;
  } finally {
    await neo?.stop();
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  }
}

/** Runs one vitest project against the Neo4j in `env`; its files run one at a time (one database). */
function runProject(project, report, env) {
  const args = ['vitest', 'run', '--project', project, '--reporter=default', '--reporter=json'];
  const run = spawnSync('npx', [...args, `--outputFile.json=${report}`, ...process.argv.slice(2)], {
    stdio: 'inherit',
    env,
  });
  return { ...readCounts(report), status: run.status ?? 1 };
}

const failedRun = () => ({ passed: 0, failed: 0, skipped: 0, status: 1 });

function readCounts(file) {
  try {
    const r = JSON.parse(readFileSync(file, 'utf8'));
    return { passed: r.numPassedTests, failed: r.numFailedTests, skipped: r.numPendingTests + r.numTodoTests };
  } catch {
    return { passed: 0, failed: 0, skipped: 0 };
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`Neo4j tier: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
