/**
 * Several app servers, one Neo4j (issue 16, item 5): three server processes under
 * a concurrent mixed load write one unbroken audit chain; a user spreading reads
 * over them is suspended at the same count as through one; sign-in throttles hold
 * across servers; disableUser or revokeClearance on one server takes effect on all at once.
 */
import { spawnSync } from 'node:child_process';
import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sequentialChecks } from '../helpers/login-throttle.ts';
import {
  ADMIN_PASSWORD,
  ROOT,
  login,
  neo4jEnv,
  startAppServer,
  verifyAuditChain,
  type AppServer,
} from './app-servers.ts';

const uri = process.env.NEO4J_URI ?? '';
const PURPOSE = 'CASE-multi';
const PASSWORD = 'a-long-enough-password';
/** Investigators: alert above 5 distinct persons, suspended above 20. */
const LIMITS = {
  MAILLON_READ_LIMIT_INVESTIGATOR: '5/20',
  MAILLON_READ_LIMIT_ADMIN: '1000/5000',
  // Three servers and Neo4j share a busy test machine: room for slow answers, not a bound on them.
  MAILLON_QUERY_TIMEOUT_MS: '60000',
};

const PERSONS = 40;

let servers: AppServer[] = [];
let adminToken = '';

async function wipe(): Promise<void> {
  const driver = neo4j.driver(
    uri,
    neo4j.auth.basic(process.env.NEO4J_USER ?? 'neo4j', process.env.NEO4J_PASSWORD ?? ''),
  );
  const session = driver.session();
  try {
    // CALL ... IN TRANSACTIONS needs an implicit (auto-commit) transaction.
    await session.run('MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS');
  } finally {
    await session.close();
    await driver.close();
  }
}

const server = (i: number): AppServer => servers[i % servers.length] as AppServer;

async function createInvestigator(name: string): Promise<void> {
  const answer = await server(0).gql(
    `mutation C($u: String!, $p: String!) { createUser(username: $u, password: $p, role: INVESTIGATOR, informantClearance: false) { username } }`,
    { token: adminToken, variables: { u: name, p: PASSWORD } },
  );
  expect(answer.codes).toEqual([]);
}

describe.skipIf(!uri)('three app servers on one Neo4j', () => {
  beforeAll(async () => {
    await wipe();
    // One server first: it creates the schema and the first admin, then the others join.
    servers = [await startAppServer(LIMITS)];
    servers.push(...(await Promise.all([startAppServer(LIMITS), startAppServer(LIMITS)])));
    adminToken = await login(server(0), 'admin', ADMIN_PASSWORD);
    const lines = Array.from(
      { length: PERSONS },
      (_, i) => `CREATE (:Person {id: 'person-m${i}', name: 'Multi ${i}', sources: ['doc-m']});`,
    );
    const imported = await server(0).gql('mutation I($s: String!) { importCypher(script: $s, dryRun: false) { ok } }', {
      token: adminToken,
      variables: { s: lines.join('\n') },
    });
    expect(imported.data?.importCypher).toEqual({ ok: true });
  }, 240_000);

  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()));
  });

  it('writes one unbroken audit chain under a concurrent mixed load', async () => {
    await createInvestigator('mixer');
    const mixer = await login(server(1), 'mixer', PASSWORD);
    const work = Array.from({ length: 90 }, (_, i) => {
      const s = server(i);
      switch (i % 5) {
        case 0:
          return s.gql('{ search(query: "multi", limit: 3) { score } }', { token: adminToken, purpose: PURPOSE });
        case 1:
          return s.gql(`{ entity(id: "person-m${i % 5}") { id } }`, { token: mixer, purpose: PURPOSE });
        case 2:
          return s.gql('{ stats { nodes } }', { token: adminToken, purpose: PURPOSE });
        case 3:
          return s.gql('{ entity(id: "x") { id } }', { token: 'not-a-token' });
        default:
          return s.gql('mutation { login(username: "nobody", password: "wrong-password") { token } }');
      }
    });
    const answers = await Promise.all(work);
    expect(answers.filter((a) => a.status >= 500)).toEqual([]);
    const verdict = verifyAuditChain();
    expect(verdict.output).toMatch(/ok|intact|verified/i);
    expect(verdict.code).toBe(0);
  });

  it('suspends a user reading through three servers at the same count as through one', async () => {
    await createInvestigator('eve');
    const eve = await login(server(0), 'eve', PASSWORD);
    const codes: string[][] = [];
    for (let i = 0; i < 24; i++) {
      codes.push(
        (await server(i).gql(`{ entity(id: "person-m${i}") { id } }`, { token: eve, purpose: PURPOSE })).codes,
      );
    }
    // Persons 1 to 20 are allowed; the 21st read (index 20) crosses the threshold of 20.
    expect(codes.findIndex((c) => c.includes('SESSION_SUSPENDED'))).toBe(20);
    for (const s of servers) {
      const answer = await s.gql('{ entity(id: "person-m0") { id } }', { token: eve, purpose: PURPOSE });
      expect(answer.codes).toEqual(['SESSION_SUSPENDED']);
    }
    const alerts = await server(2).gql('{ alerts(limit: 50) { kind user } }', { token: adminToken });
    const ofEve = (alerts.data?.alerts as Array<{ kind: string; user: string }>).filter((a) => a.user === 'eve');
    expect(ofEve.map((a) => a.kind).sort()).toEqual(['SESSION_SUSPENDED', 'VOLUME']);
  });

  it('holds the sign-in throttle across servers: 30 concurrent wrong passwords get no more checks than 30 in a row', async () => {
    await createInvestigator('ana');
    const started = Date.now();
    const answers = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        server(i).gql('mutation { login(username: "ana", password: "not her password") { token } }'),
      ),
    );
    const elapsed = Date.now() - started;
    const codes = answers.map((a) => a.codes[0]);
    const checked = codes.filter((c) => c === 'UNAUTHENTICATED').length;
    // The free attempts are always checked; concurrency must never buy more than a sequence would.
    expect(checked).toBeGreaterThanOrEqual(3);
    expect(checked).toBeLessThanOrEqual(sequentialChecks(elapsed));
    expect(codes.filter((c) => c === 'RATE_LIMITED')).toHaveLength(30 - checked);
  });

  it('takes a revoked clearance away on every server at once', async () => {
    await createInvestigator('handler');
    // The operator's grant (npm run users -- grant-clearance), on the shared database.
    const granted = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'server/src/cli/users.ts', 'grant-clearance', 'handler'],
      { cwd: ROOT, env: { ...process.env, ...neo4jEnv(), LOG_LEVEL: 'error' }, encoding: 'utf8' },
    );
    expect(granted.status, `${granted.stdout}${granted.stderr}`).toBe(0);
    const cleared = await login(server(1), 'handler', PASSWORD);
    const me = '{ me { informantClearance } }';
    for (const s of servers) {
      expect((await s.gql(me, { token: cleared })).data).toEqual({ me: { informantClearance: true } });
    }
    const revoked = await server(0).gql('mutation { revokeClearance(username: "handler") { username } }', {
      token: adminToken,
    });
    expect(revoked.codes).toEqual([]);
    for (const s of servers) expect((await s.gql(me, { token: cleared })).codes).toEqual(['UNAUTHENTICATED']);
    const again = await login(server(2), 'handler', PASSWORD);
    expect((await server(2).gql(me, { token: again })).data).toEqual({ me: { informantClearance: false } });
  });

  it('refuses a disabled user’s token on every server at once', async () => {
    await createInvestigator('leaver');
    const leaver = await login(server(2), 'leaver', PASSWORD);
    for (const s of servers)
      expect((await s.gql('{ stats { nodes } }', { token: leaver, purpose: PURPOSE })).codes).toEqual([]);
    const disabled = await server(0).gql('mutation { disableUser(username: "leaver") { username } }', {
      token: adminToken,
    });
    expect(disabled.codes).toEqual([]);
    for (const s of servers) {
      expect((await s.gql('{ stats { nodes } }', { token: leaver, purpose: PURPOSE })).codes).toEqual([
        'UNAUTHENTICATED',
      ]);
    }
  });
});
