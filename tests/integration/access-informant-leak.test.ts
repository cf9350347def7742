/**
 * An informant's identity must not leak to anyone without informant clearance,
 * whatever they ask: search, entity, neighbourhood from either side, paths,
 * stats, red flags, filters, counts, error messages or the audit log. The
 * fixture links informant HERON to Marc Férat (IDENTIFIES_AS) and pays Marc in
 * drugs, which the informant-paid-in-kind rule would flag through that link.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, startTestServer, type GqlResponse, type TestServer } from '../helpers/test-server.ts';
import { codesOf, signInPersonas, type Persona } from './access-personas.ts';

const INFORMANT = 'informant-heron';
const PERSON = 'person-marc';
const LINK = 'rel-heron-marc';
const UNCLEARED: readonly Persona[] = ['viewer', 'investigator', 'admin'];

interface Rel {
  id: string;
  type: string;
  source: string;
  target: string;
}
interface Subgraph {
  nodes: Array<{ id: string }>;
  relationships: Rel[];
  truncated: boolean;
  omitted: Array<{ id: string; count: number }>;
}
const SUBGRAPH = 'nodes { id } relationships { id type source target } truncated omitted { id count }';

let server: TestServer;
let tokens: Record<Persona, string>;
let fixtureDir: string;

const ask = <T>(persona: Persona, query: string, variables: Record<string, unknown> = {}) =>
  server.gql<T>(query, variables, { token: tokens[persona], purpose: 'CASE-LEAK' });

/** Nothing in the response names the link, and no relationship is an identity. */
function expectNoIdentity(response: GqlResponse<unknown>): void {
  const text = JSON.stringify(response.body);
  expect(text).not.toContain(LINK);
  expect(text).not.toContain('IDENTIFIES_AS');
}

function neighbourhood(persona: Persona, ids: string[], extra = '') {
  return ask<{ neighbourhood: Subgraph }>(
    persona,
    `{ neighbourhood(ids: ${JSON.stringify(ids)} ${extra}) { ${SUBGRAPH} } }`,
  );
}

beforeAll(async () => {
  fixtureDir = fs.mkdtempSync(path.join(os.tmpdir(), 'maillon-leak-'));
  const paidInKind = path.join(fixtureDir, 'paid-in-kind.cypher');
  fs.writeFileSync(
    paidInKind,
    "MATCH (a:Person {id: 'person-lucien'}), (b:Person {id: 'person-marc'}) CREATE (a)-[:PAID {id: 'rel-lucien-pays-marc', method: 'drugs', kg: 2, at: '2024-03-01', sources: ['doc-fixture']}]->(b);\n" +
      // Descriptions are searched too: words of one side's must never bring up the other.
      "MATCH (p:Person {id: 'person-marc'}) SET p.description = 'Dock foreman at the harbour';\n" +
      "MATCH (i:Informant {id: 'informant-heron'}) SET i.description = 'Registered source, reliable on shipments';\n",
  );
  server = await startTestServer({ seed: [FIXTURES.smallGraph, paidInKind] });
  tokens = await signInPersonas(server);
});
afterAll(async () => {
  await server?.stop();
  fs.rmSync(fixtureDir, { recursive: true, force: true });
});

describe('a cleared investigator (control: the link exists)', () => {
  it('sees the identity from the informant', async () => {
    const { body } = await neighbourhood('cleared', [INFORMANT]);
    expect(body.data?.neighbourhood.relationships.map((r) => r.id)).toContain(LINK);
  });

  it('counts it in stats', async () => {
    const { body } = await ask<{ stats: { byType: Array<{ type: string }> } }>(
      'cleared',
      '{ stats { byType { type } } }',
    );
    expect(body.data?.stats.byType.map((t) => t.type)).toContain('IDENTIFIES_AS');
  });
});

describe.each(UNCLEARED)('uncleared %s', (persona) => {
  it('search finds the informant and the person, by name or description, never one through the other', async () => {
    for (const text of ['HERON', 'Héron', 'Marc', 'Férat', 'foreman', 'harbour', 'marc foreman', 'shipments']) {
      const response = await ask<{ search: Array<{ entity: { id: string; properties: unknown } }> }>(
        persona,
        `{ search(query: ${JSON.stringify(text)}, limit: 50) { entity { id properties } matched } }`,
      );
      expectNoIdentity(response);
      const ids = response.body.data?.search.map((h) => h.entity.id) ?? [];
      expect(ids.includes(INFORMANT) && ids.includes(PERSON), `search "${text}"`).toBe(false);
      // The description path is taken: the person is found by hers, and by it alone.
      if (text === 'foreman') expect(ids).toEqual([PERSON]);
    }
  });

  it('entity shows neither side of the link', async () => {
    for (const id of [INFORMANT, PERSON]) {
      const response = await ask(persona, `{ entity(id: "${id}") { id name properties sources } }`);
      expectNoIdentity(response);
      expect(JSON.stringify(response.body)).not.toContain(id === INFORMANT ? PERSON : INFORMANT);
    }
  });

  it('neighbourhood from the informant never reaches the person, nor the other way, at any depth', async () => {
    for (const depth of [1, 2, 3]) {
      const fromInformant = await neighbourhood(persona, [INFORMANT], `, depth: ${depth}, limit: 2000`);
      expectNoIdentity(fromInformant);
      expect(fromInformant.body.data?.neighbourhood.nodes.map((n) => n.id)).not.toContain(PERSON);
      const fromPerson = await neighbourhood(persona, [PERSON], `, depth: ${depth}, limit: 2000`);
      expectNoIdentity(fromPerson);
      expect(fromPerson.body.data?.neighbourhood.nodes.map((n) => n.id)).not.toContain(INFORMANT);
    }
    const both = await neighbourhood(persona, [INFORMANT, PERSON]);
    expectNoIdentity(both);
  });

  it('cannot infer the link through a relTypes filter, counts or truncation', async () => {
    // The same question about an entity without an identity must get the same answer.
    const strip = (r: GqlResponse<{ neighbourhood: Subgraph }>) => ({
      status: r.status,
      codes: codesOf(r),
      messages: (r.body.errors ?? []).map((e) => e.message.replaceAll(INFORMANT, 'X').replaceAll('person-nadia', 'X')),
      rels: r.body.data?.neighbourhood.relationships.length,
      omitted: r.body.data?.neighbourhood.omitted,
      truncated: r.body.data?.neighbourhood.truncated,
    });
    for (const extra of [', relTypes: ["IDENTIFIES_AS"]', ', relTypes: ["IDENTIFIES_AS", "HANDLES"]']) {
      const informant = await neighbourhood(persona, [INFORMANT], extra);
      const control = await neighbourhood(persona, ['person-nadia'], extra.replace('"HANDLES"', '"EMPLOYED_BY"'));
      expectNoIdentity(informant);
      expect(strip(informant)).toEqual(strip(control));
    }
    // With a cap of one relationship, what is left over is the visible degree minus one: the link is not counted.
    for (const id of [INFORMANT, PERSON]) {
      const all = await neighbourhood(persona, [id], ', perNodeLimit: 500');
      const degree =
        all.body.data?.neighbourhood.relationships.filter((r) => r.source === id || r.target === id).length ?? 0;
      const capped = await neighbourhood(persona, [id], ', perNodeLimit: 1');
      expectNoIdentity(capped);
      const leftOver = capped.body.data?.neighbourhood.omitted.find((o) => o.id === id)?.count ?? 0;
      expect(leftOver, id).toBe(Math.max(0, degree - 1));
    }
  });

  it('paths between the informant and the person never use the link', async () => {
    for (const [from, to] of [
      [INFORMANT, PERSON],
      [PERSON, INFORMANT],
    ]) {
      const response = await ask<{ paths: Array<{ length: number; relationships: Rel[] }> }>(
        persona,
        `{ paths(from: "${from}", to: "${to}", maxLength: 6, limit: 10) { length relationships { id type source target } } }`,
      );
      expectNoIdentity(response);
      for (const p of response.body.data?.paths ?? []) expect(p.length).toBeGreaterThan(1);
    }
    // "Connections among the selection" searches every pair the same way, whatever is excluded.
    const among = await ask<{ connections: Array<{ length: number }> }>(
      persona,
      `{ connections(ids: ["${INFORMANT}", "${PERSON}", "person-lucien"], maxLength: 6, limit: 5, excludeTypes: ["PAID"]) { length relationships { id type source target } } }`,
    );
    expectNoIdentity(among);
    expect(among.body.errors).toBeUndefined();
  });

  it('stats neither list nor count the hidden relationships', async () => {
    type Stats = { stats: { nodes: number; relationships: number; byType: Array<{ type: string; count: number }> } };
    const mine = await ask<Stats>(persona, '{ stats { nodes relationships byType { type count } } }');
    const cleared = await ask<Stats>('cleared', '{ stats { nodes relationships byType { type count } } }');
    expectNoIdentity(mine);
    const own = mine.body.data?.stats;
    const full = cleared.body.data?.stats;
    expect(own?.relationships).toBe(own?.byType.reduce((sum, t) => sum + t.count, 0));
    const hidden = full?.byType.find((t) => t.type === 'IDENTIFIES_AS')?.count ?? 0;
    expect(hidden).toBeGreaterThan(0);
    expect(own?.relationships).toBe((full?.relationships ?? 0) - hidden);
  });

  it('red flags do not point at the person an informant is', async () => {
    const response = await ask<{
      redFlags: Array<{ rule: string; nodes: Array<{ id: string }>; relationships: Rel[] }>;
    }>(persona, '{ redFlags { rule summary nodes { id } relationships { id type source target } } }');
    expectNoIdentity(response);
    if (persona === 'viewer') {
      expect(codesOf(response)).toContain('FORBIDDEN');
      return;
    }
    for (const flag of response.body.data?.redFlags ?? []) {
      if (flag.rule === 'informant-paid-in-kind') expect(flag.nodes.map((n) => n.id)).not.toContain(PERSON);
      const ids = flag.nodes.map((n) => n.id);
      expect(ids.includes(INFORMANT) && ids.includes(PERSON), flag.rule).toBe(false);
    }
  });

  it('error messages for the link id look like those for an unknown id', async () => {
    for (const query of [
      (id: string) => `{ entity(id: "${id}") { id } }`,
      (id: string) => `{ neighbourhood(ids: ["${id}"]) { nodes { id } } }`,
      (id: string) => `{ paths(from: "${id}", to: "${PERSON}") { length } }`,
    ]) {
      const link = await ask(persona, query(LINK));
      const unknown = await ask(persona, query('rel-does-not-exist'));
      // The id the caller typed may be echoed back; nothing else may differ.
      expect(JSON.stringify(link.body)).not.toContain('IDENTIFIES_AS');
      expect(JSON.stringify(link.body).replaceAll(LINK, 'X')).toBe(
        JSON.stringify(unknown.body).replaceAll('rel-does-not-exist', 'X'),
      );
    }
  });
});

describe('the audit log', () => {
  it('flags a cleared read of an identity, and hides the person from an uncleared admin', async () => {
    const read = await neighbourhood('cleared', [INFORMANT]);
    const requestId = read.headers.get('x-request-id');
    type Log = { auditLog: Array<{ requestId: string; entityIds: string[]; details: Record<string, unknown> }> };
    const query = 'query L($e: ID) { auditLog(limit: 50, entityId: $e) { requestId entityIds details } }';
    const full = await server.gql<Log>(query, {}, { token: tokens.clearedadmin });
    const flagged = full.body.data?.auditLog.find((r) => r.requestId === requestId);
    expect(flagged?.details).toMatchObject({ clearedIdentityRead: true });
    expect(flagged?.entityIds).toContain(PERSON);

    const redacted = await server.gql<Log>(query, {}, { token: tokens.admin });
    const seen = redacted.body.data?.auditLog.find((r) => r.requestId === requestId);
    expect(seen).toMatchObject({ entityIds: [], details: null });
    expect(JSON.stringify(seen)).not.toContain(PERSON);
    const byPerson = await server.gql<Log>(query, { e: PERSON }, { token: tokens.admin });
    expect(byPerson.body.data?.auditLog.map((r) => r.requestId)).not.toContain(requestId);
  });
});
