/**
 * Red flags answered from the book the server keeps computed in the background: an import that
 * adds a pattern shows in the flags once the book has recomputed (redFlagStatus says when), each
 * clearance has its own page (the uncleared one never reads IDENTIFIES_AS), and while a first
 * computation is under way past the query timeout the answer is a LIMIT_EXCEEDED refusal that
 * says what has been read so far, never DB_UNAVAILABLE and never flags from part of the graph.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, startTestServer, type GqlResponse, type TestServer } from '../helpers/test-server.ts';
import { signInPersonas, type Persona } from './access-personas.ts';
import { load } from './redflags-harness.ts';

const STATUS = `{ redFlagStatus { computedAt computing stale computingSince
  scannedRelationships { type relationships truncated } computingScanned { type relationships truncated } } }`;
const FLAGS = 'query F($rules: [String!]) { redFlags(rules: $rules, limit: 1000) { rule summary nodes { id } } }';
const PURPOSE = 'CASE-BOOK';

interface Scan {
  type: string;
  relationships: number;
  truncated: boolean;
}
interface Status {
  computedAt: string | null;
  computing: boolean;
  stale: boolean;
  computingSince: string | null;
  scannedRelationships: Scan[];
  computingScanned: Scan[];
}
type Flags = { redFlags: Array<{ rule: string; summary: string; nodes: Array<{ id: string }> }> };

// A second monitored shipment, three times what was declared; a payment in kind to the person the
// fixture's informant HERON identifies as (flagged only through IDENTIFIES_AS).
const PATTERNS = `
CREATE (:Shipment {id: 'shipment-book', name: 'Container BOOK-7', declaredKg: 50, actualKg: 150, sources: ['doc-fixture']});
MATCH (a:Agency {id: 'agency-brigade'}), (b:Shipment {id: 'shipment-book'}) CREATE (a)-[:MONITORED {id: 'rel-brigade-book', declaredKg: 50, sources: ['doc-fixture']}]->(b);
MATCH (a:Person {id: 'person-lucien'}), (b:Person {id: 'person-marc'}) CREATE (a)-[:PAID {id: 'rel-lucien-pays-marc', method: 'drugs', kg: 2, at: '2024-03-01', sources: ['doc-fixture']}]->(b);
`;

async function status(server: TestServer, token: string): Promise<Status | undefined> {
  const { body } = await server.gql<{ redFlagStatus: Status }>(STATUS, {}, { token });
  // A loaded machine may have the store answer DB_UNAVAILABLE for a moment after a start: ask again.
  if (body.errors?.[0]?.extensions?.code === 'DB_UNAVAILABLE') return undefined;
  if (!body.data) throw new Error(`redFlagStatus: ${body.errors?.[0]?.message}`);
  return body.data.redFlagStatus;
}

/** Asks for the status until `done` holds; no timing is asserted, the test's own timeout bounds it. */
async function until(server: TestServer, token: string, done: (s: Status) => boolean): Promise<Status> {
  for (;;) {
    const current = await status(server, token);
    if (current && done(current)) return current;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** A computation that read the imported MONITORED tie has ended, and no write is missing since. */
const sawImport = (s: Status): boolean =>
  !s.stale && s.scannedRelationships.some((scan) => scan.type === 'MONITORED' && scan.relationships === 2);

const flagIds = (response: GqlResponse<Flags>, rule: string): string[] =>
  (response.body.data?.redFlags ?? []).filter((f) => f.rule === rule).flatMap((f) => f.nodes.map((n) => n.id));

describe('red flags from the background book', () => {
  let server: TestServer;
  let tokens: Record<Persona, string>;
  const flags = (persona: Persona, rules: string[]) =>
    server.gql<Flags>(FLAGS, { rules }, { token: tokens[persona], purpose: PURPOSE });

  beforeAll(async () => {
    server = await startTestServer({ seed: [FIXTURES.smallGraph] });
    tokens = await signInPersonas(server);
  }, 120_000);
  afterAll(() => server?.stop());

  it('shows a pattern an import adds once the book has recomputed', async () => {
    const before = await until(server, tokens.cleared, (s) => s.computedAt !== null && !s.stale);
    expect(flagIds(await flags('cleared', ['shipment-discrepancy']), 'shipment-discrepancy')).not.toContain(
      'shipment-book',
    );
    const imported = await server.gql<{ importCypher: { ok: boolean } }>(
      'mutation I($s: String!) { importCypher(script: $s) { ok } }',
      { s: PATTERNS },
      { token: tokens.admin },
    );
    expect(imported.body.data?.importCypher.ok).toBe(true);
    // The committed import made the page stale; it is fresh again once a computation that began after it ends.
    const after = await until(server, tokens.cleared, sawImport);
    expect(Date.parse(after.computedAt ?? '')).toBeGreaterThan(Date.parse(before.computedAt ?? ''));
    expect(flagIds(await flags('cleared', ['shipment-discrepancy']), 'shipment-discrepancy')).toContain(
      'shipment-book',
    );
  }, 120_000);

  it('keeps the uncleared page free of what needs IDENTIFIES_AS, and the cleared page with it', async () => {
    // The import of the test above paid HERON's identity in kind: a flag only through the identity.
    await until(server, tokens.investigator, (s) => !s.stale);
    await until(server, tokens.cleared, (s) => !s.stale);
    expect(flagIds(await flags('cleared', ['informant-paid-in-kind']), 'informant-paid-in-kind')).toContain(
      'informant-heron',
    );
    const uncleared = await flags('investigator', ['informant-paid-in-kind']);
    expect(uncleared.body.errors).toBeUndefined();
    expect(JSON.stringify(uncleared.body)).not.toContain('informant-heron');
    const seen = await until(server, tokens.investigator, () => true);
    expect(seen.scannedRelationships.map((s) => s.type)).not.toContain('IDENTIFIES_AS');
    expect((await until(server, tokens.cleared, () => true)).scannedRelationships.map((s) => s.type)).toContain(
      'IDENTIFIES_AS',
    );
  }, 120_000);

  it('is for investigators and admins, like redFlags', async () => {
    const { body } = await server.gql(STATUS, {}, { token: tokens.viewer });
    expect(body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('red flags after a write this server did not make (another server on a shared database)', () => {
  let server: TestServer;
  let token: string;

  beforeAll(async () => {
    server = await startTestServer({ seed: [FIXTURES.smallGraph], env: { MAILLON_RED_FLAG_RECHECK_MS: '1000' } });
    token = (await signInPersonas(server)).investigator;
  }, 120_000);
  afterAll(() => server?.stop());

  it('picks it up at the periodic recheck, which sees the counts change', async () => {
    const before = await until(server, token, (s) => s.computedAt !== null && !s.stale);
    // Straight into the store, past this server's API: only the recheck can see it.
    await load(server.store, PATTERNS, 'elsewhere.cypher');
    const after = await until(server, token, sawImport);
    expect(Date.parse(after.computedAt ?? '')).toBeGreaterThan(Date.parse(before.computedAt ?? ''));
    const answer = await server.gql<Flags>(FLAGS, { rules: ['shipment-discrepancy'] }, { token, purpose: PURPOSE });
    expect(flagIds(answer, 'shipment-discrepancy')).toContain('shipment-book');
  }, 120_000);
});

describe('red flags asked for while the first computation is held', () => {
  let server: TestServer;
  let token: string;

  beforeAll(async () => {
    server = await startTestServer({
      seed: [FIXTURES.smallGraph],
      // A real hold: the background computation waits ten minutes after each type it reads.
      env: { MAILLON_RED_FLAG_SCAN_PAUSE_MS: '600000', MAILLON_QUERY_TIMEOUT_MS: '3000' },
    });
    token = (await signInPersonas(server)).investigator;
  }, 120_000);
  afterAll(() => server?.stop());

  it('refuses with LIMIT_EXCEEDED, saying it is being computed, since when and what it has read', async () => {
    const held = await until(server, token, (s) => s.computingScanned.length > 0);
    expect(held).toMatchObject({ computing: true, computedAt: null, stale: true });
    const { body } = await server.gql(FLAGS, { rules: ['shipment-discrepancy'] }, { token, purpose: PURPOSE });
    expect(body.data?.redFlags ?? null).toBeNull();
    const error = body.errors?.[0];
    expect(error?.extensions?.code).toBe('LIMIT_EXCEEDED');
    expect(error?.message).toContain('being computed in the background since');
    expect(error?.message).toContain(held.computingScanned[0]?.type);
    expect(error?.extensions).toMatchObject({ computing: true, computingSince: held.computingSince });
    expect(error?.extensions?.scanned).toEqual(held.computingScanned);
  }, 120_000);
});
