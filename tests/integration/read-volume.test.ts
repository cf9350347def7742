/**
 * Issue 15: "Thresholds are fixed and the explorer gives no warning before a read
 * crosses them", "bulk work for a stated purpose can be approved in advance by
 * another admin, audited". `readVolume` says where the caller stands and how many
 * new persons an expansion would add, without reading them; `approveBulkRead` gives
 * another user room for stated bulk work, never to oneself.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';
import { codesOf, signInPersonas, type Persona } from './access-personas.ts';

const SPOKES = 8;
const VOLUME = `query V($ids: [ID!]) { readVolume(expandIds: $ids) {
  distinctPersons alertAbove suspendAbove windowMinutes newPersons allowance { user persons purpose approvedBy until } } }`;
const EXPAND = `query N($ids: [ID!]!) { neighbourhood(ids: $ids) { nodes { id label } } }`;
const APPROVE = `mutation A($u: String!, $n: Int!, $h: Int!, $p: String!) {
  approveBulkRead(username: $u, persons: $n, hours: $h, purpose: $p) { user persons purpose approvedBy until } }`;

interface Volume {
  distinctPersons: number;
  alertAbove: number;
  suspendAbove: number;
  windowMinutes: number;
  newPersons: number;
  allowance: { user: string; persons: number; purpose: string; approvedBy: string; until: string } | null;
}

let server: TestServer;
let tokens: Record<Persona, string>;
let dir: string;

async function volumeOf(persona: Persona, ids?: string[]): Promise<Volume> {
  const answer = await server.gql<{ readVolume: Volume }>(
    VOLUME,
    { ids: ids ?? null },
    {
      token: tokens[persona],
      purpose: 'CASE-RV',
    },
  );
  if (answer.body.errors) throw new Error(answer.body.errors.map((e) => e.message).join('; '));
  return answer.body.data?.readVolume as Volume;
}

const expand = (persona: Persona, ids: string[]) =>
  server.gql<{ neighbourhood: { nodes: Array<{ id: string; label: string }> } }>(
    EXPAND,
    { ids },
    {
      token: tokens[persona],
      purpose: 'CASE-RV',
    },
  );

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'maillon-read-volume-'));
  const lines = [`CREATE (:Person {id: 'person-hub', name: 'Hub', sources: []});`];
  for (let i = 0; i < SPOKES; i++) {
    lines.push(`CREATE (:Person {id: 'person-s${i}', name: 'Spoke ${i}', sources: []});`);
    lines.push(
      `MATCH (a:Person {id: 'person-hub'}), (b:Person {id: 'person-s${i}'}) CREATE (a)-[:ASSOCIATE_OF {id: 'rel-s${i}', sources: []}]->(b);`,
    );
  }
  fs.writeFileSync(path.join(dir, 'hub.cypher'), `${lines.join('\n')}\n`);
  server = await startTestServer({
    seed: [path.join(dir, 'hub.cypher')],
    env: { MAILLON_READ_LIMIT_VIEWER: '3/6', MAILLON_READ_LIMIT_INVESTIGATOR: '3/6' },
  });
  tokens = await signInPersonas(server);
}, 240_000);
afterAll(async () => {
  await server?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('read volume, before a read', () => {
  it("gives the caller's role thresholds and what an expansion would add, without counting it as read", async () => {
    const before = await volumeOf('viewer');
    expect(before).toMatchObject({ distinctPersons: 0, alertAbove: 3, suspendAbove: 6, windowMinutes: 60 });
    expect(before.newPersons).toBe(0);

    const preview = await volumeOf('viewer', ['person-s0']);
    // person-s0 and the hub: what `neighbourhood` would return.
    expect(preview.newPersons).toBe(2);
    expect(preview.distinctPersons).toBe(0);

    const read = await expand('viewer', ['person-s0']);
    expect(codesOf(read)).toEqual([]);
    const returned = read.body.data?.neighbourhood.nodes.filter((n) => n.label === 'Person').length;
    expect(returned).toBe(preview.newPersons);

    const after = await volumeOf('viewer', ['person-hub']);
    expect(after.distinctPersons).toBe(2);
    // The hub's spokes, the hub and s0 already counted: only the other spokes are new.
    expect(after.newPersons).toBe(SPOKES - 1);
    expect(after.distinctPersons + after.newPersons).toBeGreaterThan(after.suspendAbove);
  });

  it('the expansion the preview warned about does suspend a user without an allowance', async () => {
    expect(codesOf(await expand('viewer', ['person-hub']))).toEqual(['SESSION_SUSPENDED']);
  });
});

describe('bulk work approved in advance', () => {
  it('is refused to oneself, to non-admins and outside its bounds', async () => {
    const ask = (persona: Persona, variables: Record<string, unknown>) =>
      server.gql(
        APPROVE,
        { u: 'investigator', n: 20, h: 8, p: 'Operation sweep, case 2026-114', ...variables },
        {
          token: tokens[persona],
        },
      );
    expect(codesOf(await ask('clearedadmin', { u: 'clearedadmin' }))).toEqual(['FORBIDDEN']);
    expect(codesOf(await ask('cleared', {}))).toEqual(['FORBIDDEN']);
    expect(codesOf(await ask('admin', { h: 0 }))).toEqual(['BAD_USER_INPUT']);
    expect(codesOf(await ask('admin', { n: 0 }))).toEqual(['BAD_USER_INPUT']);
    expect(codesOf(await ask('admin', { p: ' ' }))).toEqual(['BAD_USER_INPUT']);
    expect(codesOf(await ask('admin', { u: 'nobody-here' }))).toEqual(['NOT_FOUND']);
    expect((await volumeOf('investigator')).allowance).toBeNull();
  });

  it('raises the thresholds for the stated work, so the same expansion goes through, and is audited', async () => {
    const approved = await server.gql<{ approveBulkRead: Volume['allowance'] }>(
      APPROVE,
      { u: 'investigator', n: 20, h: 8, p: 'Operation sweep, case 2026-114' },
      { token: tokens.admin },
    );
    expect(codesOf(approved)).toEqual([]);
    expect(approved.body.data?.approveBulkRead).toMatchObject({
      user: 'investigator',
      persons: 20,
      approvedBy: 'admin',
    });

    const volume = await volumeOf('investigator', ['person-hub']);
    expect(volume).toMatchObject({ alertAbove: 23, suspendAbove: 26, newPersons: SPOKES + 1 });
    expect(volume.allowance?.purpose).toBe('Operation sweep, case 2026-114');
    expect(codesOf(await expand('investigator', ['person-hub']))).toEqual([]);

    const log = await server.gql<{ auditLog: Array<{ details: Record<string, unknown> | null }> }>(
      '{ auditLog(limit: 50) { details } }',
      {},
      { token: tokens.admin },
    );
    const record = log.body.data?.auditLog.find((r) => r.details?.bulkApproval !== undefined);
    expect(record?.details?.bulkApproval).toMatchObject({
      user: 'investigator',
      persons: 20,
      approvedBy: 'admin',
      purpose: 'Operation sweep, case 2026-114',
    });
  });
});

describe('read volume before a red-flag scan', () => {
  let demo: TestServer;
  let people: Record<Persona, string>;
  const SCAN = `query S($limit: Int, $ids: [ID!]) { readVolume(redFlagLimit: $limit, expandIds: $ids) { distinctPersons newPersons } }`;
  beforeAll(async () => {
    // Three threatened officials of one agency: intimidation-of-official flags, each with persons.
    const lines = [`CREATE (:Agency {id: 'agency-rv', name: 'Fictional Unit', kind: 'police', sources: []});`];
    for (let i = 0; i < 3; i++) {
      lines.push(
        `CREATE (:Person {id: 'person-rv-o${i}', name: 'Officer ${i}', sources: []});`,
        `CREATE (:Person {id: 'person-rv-t${i}', name: 'Threat ${i}', sources: []});`,
        `MATCH (a:Person {id: 'person-rv-o${i}'}), (b:Agency {id: 'agency-rv'}) CREATE (a)-[:EMPLOYED_BY {id: 'rel-rv-e${i}', sources: []}]->(b);`,
        `MATCH (a:Person {id: 'person-rv-t${i}'}), (b:Person {id: 'person-rv-o${i}'}) CREATE (a)-[:THREATENED {id: 'rel-rv-t${i}', at: '2024-01-0${i + 1}', sources: []}]->(b);`,
      );
    }
    fs.writeFileSync(path.join(dir, 'threats.cypher'), `${lines.join('\n')}\n`);
    demo = await startTestServer({ seed: [path.join(dir, 'threats.cypher')] });
    people = await signInPersonas(demo);
  }, 240_000);
  afterAll(() => demo?.stop());

  const ask = (persona: Persona, query: string, variables: Record<string, unknown>) =>
    demo.gql<{
      readVolume?: { distinctPersons: number; newPersons: number };
      redFlags?: Array<{ nodes: Array<{ id: string; label: string }> }>;
    }>(query, variables, {
      token: people[persona],
      purpose: 'CASE-RV',
    });

  it('counts the persons the scan would show, as the scan then counts them', async () => {
    const preview = await ask('investigator', SCAN, { limit: 200 });
    expect(codesOf(preview)).toEqual([]);
    const expected = preview.body.data?.readVolume;
    expect(expected?.distinctPersons).toBe(0);
    expect(expected?.newPersons).toBe(6);

    const scan = await ask('investigator', '{ redFlags(limit: 200) { nodes { id label } } }', {});
    expect(codesOf(scan)).toEqual([]);
    const shown = new Set(
      scan.body.data?.redFlags?.flatMap((f) => f.nodes.filter((n) => n.label === 'Person').map((n) => n.id)),
    );
    expect(shown.size).toBe(expected?.newPersons);

    const after = await ask('investigator', SCAN, { limit: 200 });
    expect(after.body.data?.readVolume).toEqual({ distinctPersons: shown.size, newPersons: 0 });
  });

  it('is refused where the scan would be, and for two reads at once', async () => {
    expect(codesOf(await ask('viewer', SCAN, { limit: 200 }))).toEqual(['FORBIDDEN']);
    expect(codesOf(await ask('admin', SCAN, { limit: 0 }))).toEqual(['BAD_USER_INPUT']);
    expect(codesOf(await ask('admin', SCAN, { limit: 10, ids: ['person-rv-o1'] }))).toEqual(['BAD_USER_INPUT']);
  });
});
