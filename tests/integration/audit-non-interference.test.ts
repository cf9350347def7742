/**
 * Non-interference: two databases that differ only by their IDENTIFIES_AS
 * relationships (the demo data with an informant identified, and without), the
 * same requests by the same users, and every answer a user without informant
 * clearance gets is the same on both, audit log, alerts, errors and counts
 * included. Cleared users read first (every read operation of the schema), so
 * their traces are in the log the uncleared admin reads last. Only what must
 * differ between two servers is normalised: times, request ids, tokens.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_DIR, seedFiles } from '../../server/src/seed/seed-demo.ts';
import { schemaReads } from '../helpers/schema-reads.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';
import { signInPersonas, type Persona } from './access-personas.ts';

const INFORMANT = 'informant-m-1';
const PERSON = 'person-herve';
const LINK = 'rel-m1-identifies-herve';

const IDENTITY = `MATCH (a:Informant {id: '${INFORMANT}'}), (b:Person {id: '${PERSON}'}) CREATE (a)-[:IDENTIFIES_AS {id: '${LINK}', sources: ['doc-lemonde-2025-05-21']}]->(b);\n`;
// In both worlds: a payment in kind to the person, which the informant-paid-in-kind rule flags only through the identity.
const PAYMENT = `MATCH (a:Person {id: 'person-mohamed-djeha'}), (b:Person {id: '${PERSON}'}) CREATE (a)-[:PAID {id: 'rel-djeha-pays-herve', method: 'drugs', kg: 3, at: '2024-02-01', sources: ['doc-lemonde-2025-05-21']}]->(b);\n`;

const neighbourhoods = [[INFORMANT], [PERSON], [INFORMANT, PERSON]].flatMap((ids) =>
  [1, 2, 3].map((depth) => ({ ids, depth })),
);
const ARGUMENTS: Readonly<Record<string, ReadonlyArray<Record<string, unknown>>>> = {
  me: [{}],
  search: [
    { query: 'Hervé' },
    { query: 'Informant' },
    { query: 'M-1', limit: 100 },
    { query: 'Hervé', labels: ['Person'] },
    // Words of the descriptions of the person and of the informant (search reads descriptions too).
    { query: 'reservist' },
    { query: 'kilos cocaine' },
  ],
  entity: [{ id: INFORMANT }, { id: PERSON }, { id: LINK }],
  neighbourhood: [
    ...neighbourhoods,
    { ids: [INFORMANT], relTypes: ['IDENTIFIES_AS'] },
    { ids: [PERSON], relTypes: ['PAID', 'IDENTIFIES_AS'], perNodeLimit: 1 },
    { ids: [INFORMANT], depth: 2, limit: 3 },
  ],
  paths: [1, 2, 3, 6].flatMap((maxLength) => [
    { from: INFORMANT, to: PERSON, maxLength },
    { from: PERSON, to: INFORMANT, maxLength, limit: 1 },
  ]),
  connections: [
    { ids: [INFORMANT, PERSON] },
    { ids: [INFORMANT, PERSON, 'person-mohamed-djeha'], maxLength: 3, limit: 2 },
  ],
  exportCypher: [{ ids: [INFORMANT], depth: 1 }, { ids: [PERSON], depth: 2 }, {}],
  stats: [{}],
  readVolume: [
    {},
    { expandIds: [INFORMANT] },
    { expandIds: [INFORMANT, PERSON], depth: 2 },
    { expandIds: [PERSON], relTypes: ['IDENTIFIES_AS'] },
    { redFlagLimit: 200 },
    { redFlagLimit: 10, redFlagRules: ['informant-paid-in-kind'] },
  ],
  redFlags: [{}, { rules: ['informant-paid-in-kind'] }],
  redFlagStatus: [{}],
  auditLog: [{ limit: 1000 }, { entityId: PERSON }, { entityId: INFORMANT }, { entityId: LINK }, { user: 'cleared' }],
  users: [{}],
  alerts: [{}],
  investigations: [{}],
  investigation: [{ id: 'inv-made-up' }],
  deconflictions: [{}],
  mentions: [{}],
  pendingChanges: [{}],
  history: [{ id: INFORMANT }, { id: PERSON }, { id: LINK }],
};

const READS = schemaReads(ARGUMENTS);
const CLEARED: readonly Persona[] = ['cleared', 'clearedadmin'];
const UNCLEARED: readonly Persona[] = ['viewer', 'investigator', 'admin'];

interface World {
  server: TestServer;
  tokens: Record<Persona, string>;
}

let dir: string;
const worlds: { identified?: World; unidentified?: World } = {};

async function startWorld(withIdentity: boolean): Promise<World> {
  const payment = path.join(dir, 'payment.cypher');
  const identity = path.join(dir, 'identity.cypher');
  const server = await startTestServer({
    seed: [...seedFiles(SEED_DIR), payment, ...(withIdentity ? [identity] : [])],
    env: { MAILLON_QUERY_TIMEOUT_MS: '120000' },
  });
  return { server, tokens: await signInPersonas(server) };
}

/** Times, durations, request ids and tokens differ between any two servers; nothing else may. */
function normalise(text: string): string {
  return (
    text
      .replace(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z/g, '<time>')
      // How long the red-flag book's computation took (redFlagStatus), like a time.
      .replace(/"computationMs":\d+/g, '"computationMs":<duration>')
      .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '<request>')
      .replace(/eyJ[\w-]+\.[\w-]+\.[\w-]+/g, '<token>')
  );
}

async function ask(world: World, persona: Persona, read: (typeof READS)[number]): Promise<string> {
  const { status, body } = await world.server.gql(read.query, read.variables, {
    token: world.tokens[persona],
    purpose: 'CASE-NI',
  });
  return normalise(JSON.stringify({ status, body }));
}

/** The same sequence on one world: cleared users first, then the uncleared, whose answers are returned. */
async function run(world: World): Promise<string[]> {
  for (const persona of CLEARED) for (const read of READS) await ask(world, persona, read);
  const answers: string[] = [];
  for (const persona of UNCLEARED) {
    for (const read of READS)
      answers.push(`${persona} ${read.field} ${JSON.stringify(read.variables)}\n${await ask(world, persona, read)}`);
  }
  return answers;
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'maillon-ni-'));
  fs.writeFileSync(path.join(dir, 'payment.cypher'), PAYMENT);
  fs.writeFileSync(path.join(dir, 'identity.cypher'), IDENTITY);
  worlds.identified = await startWorld(true);
  worlds.unidentified = await startWorld(false);
}, 600_000);
afterAll(async () => {
  await worlds.identified?.server.stop();
  await worlds.unidentified?.server.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('non-interference of informant identities', () => {
  it('the two worlds really differ for a cleared user (control)', async () => {
    const read = READS.find((r) => r.field === 'neighbourhood') ?? READS[0];
    if (!read || !worlds.identified || !worlds.unidentified) throw new Error('no worlds');
    const a = await ask(worlds.identified, 'cleared', read);
    const b = await ask(worlds.unidentified, 'cleared', read);
    expect(a).toContain(LINK);
    expect(b).not.toContain(LINK);
  });

  it('every answer to a viewer, investigator and admin without clearance is the same on both', async () => {
    if (!worlds.identified || !worlds.unidentified) throw new Error('no worlds');
    // Sequential on purpose: the second world's log must not hold the first world's timing.
    const identified = await run(worlds.identified);
    const unidentified = await run(worlds.unidentified);
    expect(identified.length).toBe(UNCLEARED.length * READS.length);
    for (let i = 0; i < identified.length; i += 1) expect(identified[i]).toBe(unidentified[i]);
    // The log the uncleared admin read does list the cleared reads, as restricted records.
    const log = identified.find((a) => a.startsWith('admin auditLog {"limit":1000}')) ?? '';
    expect(log).toContain('"user":"cleared"');
    expect(log).toContain('"restricted":true');
  }, 900_000);
});
