/**
 * Backup and restore the Neo4j way, as the README gives it for the local launcher:
 * `npm run neo4j:dump -- DIR` and `npm run neo4j:load -- DIR` (neo4j-admin database dump/load)
 * refuse while Neo4j runs; a database that served the demo data and audited reads, dumped once
 * stopped and loaded into a fresh home, holds the same graph, users and audit chain, serves the
 * same answer, and `npm run audit -- verify --key` accepts it against a checkpoint signed before
 * the dump. One audit record deleted from the restored database is then named by the verification.
 * This file starts its own Neo4j twice (two homes), through the launcher's CLI.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import { afterAll, describe, expect, it } from 'vitest';
import { findJava } from '../../scripts/neo4j/local-neo4j.mjs';
import { firstDifference, neo4jCanonicalGraph } from '../support/canonical-graph.ts';
import type { Neo4jConnection } from '../support/store-under-test.ts';
import { ADMIN_PASSWORD, ROOT, login, startAppServer } from './app-servers.ts';

const PURPOSE = 'CASE-dump-load';
const ENTITY_QUERY = '{ entity(id: "person-mohamed-djeha") { id name label properties } }';

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** `node scripts/neo4j/cli.mjs ...` (what `npm run neo4j:*` runs) on the Neo4j home `home`. */
function launcher(home: string, ...args: string[]): Run {
  const run = spawnSync(process.execPath, [path.join(ROOT, 'scripts/neo4j/cli.mjs'), ...args], {
    cwd: ROOT,
    env: { ...process.env, MAILLON_NEO4J_HOME: home },
    encoding: 'utf8',
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** Starts the launcher on `home` and reads the NEO4J_* lines it prints. */
function startLauncher(home: string): Neo4jConnection {
  const started = launcher(home, 'start');
  expect(started.code, started.stderr).toBe(0);
  const setting = (name: string) => new RegExp(`^${name}=(.+)$`, 'm').exec(started.stdout)?.[1] ?? '';
  return {
    uri: setting('NEO4J_URI'),
    user: setting('NEO4J_USER'),
    password: setting('NEO4J_PASSWORD'),
    database: 'neo4j',
  };
}

const serverEnv = (c: Neo4jConnection): Record<string, string> => ({
  NEO4J_URI: c.uri,
  NEO4J_USER: c.user,
  NEO4J_PASSWORD: c.password,
});

/** `npm run audit -- ARGS` on the Neo4j `c`. */
function audit(c: Neo4jConnection, ...args: string[]): { code: number | null; output: string } {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'server/src/cli/audit.ts', ...args], {
    cwd: ROOT,
    env: { ...process.env, ...serverEnv(c), LOG_LEVEL: 'error' },
    encoding: 'utf8',
  });
  return { code: run.status, output: `${run.stdout}${run.stderr}` };
}

/** What lives beside the model graph: the users and the audit chain (count, first and last seq, head hash). */
async function beyondTheGraph(c: Neo4jConnection, statement?: string): Promise<unknown> {
  const driver = neo4j.driver(c.uri, neo4j.auth.basic(c.user, c.password));
  try {
    if (statement) await driver.executeQuery(statement, {}, { database: c.database });
    const users = await driver.executeQuery(
      'MATCH (u:MaillonUser) RETURN u.username AS name ORDER BY name',
      {},
      { database: c.database },
    );
    const chain = await driver.executeQuery(
      'MATCH (a:MaillonAudit) WITH a ORDER BY a.seq RETURN count(a) AS n, min(a.seq) AS first, max(a.seq) AS last, last(collect(a.hash)) AS head',
      {},
      { database: c.database },
    );
    const row = chain.records[0];
    return {
      users: users.records.map((r) => r.get('name') as string),
      audit: {
        records: Number(row?.get('n')),
        first: Number(row?.get('first')),
        last: Number(row?.get('last')),
        head: row?.get('head') as unknown,
      },
    };
  } finally {
    await driver.close();
  }
}

async function readEntity(c: Neo4jConnection): Promise<unknown> {
  const server = await startAppServer({ ...serverEnv(c), MAILLON_QUERY_TIMEOUT_MS: '60000' });
  try {
    const token = await login(server, 'admin', ADMIN_PASSWORD);
    const answer = await server.gql(ENTITY_QUERY, { token, purpose: PURPOSE });
    expect(answer.codes).toEqual([]);
    return answer.data?.entity;
  } finally {
    await server.stop();
  }
}

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'maillon-dump-load-'));
const original = path.join(scratch, 'original', 'home');
const restored = path.join(scratch, 'restored', 'home');
const dumpDir = path.join(scratch, 'dump');
const key = path.join(scratch, 'oversight', 'audit.key');

afterAll(() => {
  launcher(original, 'stop');
  launcher(restored, 'stop');
  fs.rmSync(scratch, { recursive: true, force: true });
});

describe.skipIf(!findJava())('npm run neo4j:dump and neo4j:load', () => {
  it('refuse while Neo4j runs, and carry the graph, the users and a verifiable audit chain to a fresh home', async () => {
    const first = startLauncher(original);
    // The demo data through Maillon's own seeding, then audited reads.
    const seeding = await startAppServer({
      ...serverEnv(first),
      MAILLON_SEED: 'demo',
      MAILLON_QUERY_TIMEOUT_MS: '60000',
    });
    let before: unknown;
    try {
      const token = await login(seeding, 'admin', ADMIN_PASSWORD);
      for (const query of ['{ search(query: "Djeha") { matched } }', '{ stats { nodes relationships } }']) {
        const answer = await seeding.gql(query, { token, purpose: PURPOSE });
        expect(answer.codes).toEqual([]);
      }
      const answer = await seeding.gql(ENTITY_QUERY, { token, purpose: PURPOSE });
      before = answer.data?.entity;
      expect(before).toMatchObject({ id: 'person-mohamed-djeha' });
    } finally {
      await seeding.stop();
    }
    fs.mkdirSync(path.dirname(key), { recursive: true });
    expect(audit(first, 'keygen', '--key', key).code).toBe(0);
    const signed = audit(first, 'checkpoint', '--key', key);
    expect(signed.code, signed.output).toBe(0);
    const graph = await neo4jCanonicalGraph(first);
    const rest = await beyondTheGraph(first);
    expect(graph.length).toBeGreaterThan(100);
    expect(rest).toMatchObject({ users: ['admin'], audit: { first: 1 } });

    const refused = launcher(original, 'dump', dumpDir);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/Neo4j is running \(pid \d+\): stop it with npm run neo4j:stop before the dump/);
    expect(fs.existsSync(path.join(dumpDir, 'neo4j.dump'))).toBe(false);

    expect(launcher(original, 'stop').code).toBe(0);
    const dumped = launcher(original, 'dump', dumpDir);
    expect(dumped.code, dumped.stderr).toBe(0);
    expect(fs.statSync(path.join(dumpDir, 'neo4j.dump')).size).toBeGreaterThan(0);
    const loaded = launcher(restored, 'load', dumpDir);
    expect(loaded.code, loaded.stderr).toBe(0);

    const second = startLauncher(restored);
    const refusedLoad = launcher(restored, 'load', dumpDir);
    expect(refusedLoad.code).toBe(2);
    expect(refusedLoad.stderr).toContain('before the load');

    const copy = await neo4jCanonicalGraph(second);
    expect(firstDifference(graph, copy)).toBeUndefined();
    expect(await beyondTheGraph(second)).toEqual(rest);
    const verified = audit(second, 'verify', '--key', key);
    expect(verified.output).toContain(
      `audit chain intact: ${(rest as { audit: { records: number } }).audit.records} records`,
    );
    expect(verified.code).toBe(0);

    // The restored database serves: the same admin signs in and reads the same entity.
    expect(await readEntity(second)).toEqual(before);

    await beyondTheGraph(second, 'MATCH (a:MaillonAudit {seq: 2}) DETACH DELETE a');
    const broken = audit(second, 'verify', '--key', key);
    expect(broken.code).toBe(1);
    expect(broken.output).toContain('record seq 2 is missing');
  }, 600_000);
});
