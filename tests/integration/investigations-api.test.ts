/**
 * Investigations through the API, as three investigators, a cleared one and an admin
 * would use them: membership, views and notes, deconfliction, informant protection,
 * and facts proposed with a source and a grading, approved by a second person.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { grantClearanceServerSide } from '../helpers/clearance.ts';
import { FIXTURES, startTestServer, type GqlResponse, type TestServer } from '../helpers/test-server.ts';

const PASSWORD = 'a-long-enough-password';
const USERS = {
  ana: { role: 'INVESTIGATOR', informantClearance: false },
  ben: { role: 'INVESTIGATOR', informantClearance: false },
  carl: { role: 'INVESTIGATOR', informantClearance: false },
  cleo: { role: 'INVESTIGATOR', informantClearance: true },
} as const;
type Who = keyof typeof USERS | 'admin';

let server: TestServer;
const tokens: Partial<Record<Who, string>> = {};

const as = <T = Record<string, unknown>>(who: Who, query: string, variables: Record<string, unknown> = {}) =>
  server.gql<T>(query, variables, { token: tokens[who] ?? '', purpose: 'CASE-2026-014' });
const codes = (r: GqlResponse<unknown>) => (r.body.errors ?? []).map((e) => e.extensions?.code);

const entity = (id: string) => ({ id, label: 'Person', name: id, properties: {}, sources: [] });
const VIEW = {
  format: 'maillon-workspace',
  nodes: [entity('person-lucien'), entity('person-nadia')],
  relationships: [],
  positions: { 'person-lucien': { x: 10, y: 20 } },
};

const OPEN = `query O($id: ID!) { investigation(id: $id) {
  id name caseNumber access members { username access } views { id name view } notes { id targetId author at text } } }`;
const CREATE = `mutation C($n: String!, $c: String!) { createInvestigation(name: $n, caseNumber: $c) { id } }`;
const SAVE = `mutation S($i: ID!, $n: String!, $v: JSON!) { saveView(investigationId: $i, name: $n, view: $v) { id } }`;
const SHARE = `mutation Sh($i: ID!, $u: String!, $a: Access!) { shareInvestigation(id: $i, username: $u, access: $a) { id } }`;
const NOTE = `mutation N($i: ID!, $t: ID!, $x: String!) { addNote(investigationId: $i, targetId: $t, text: $x) { id } }`;
const TOLD = `{ deconflictions { at entityId investigationId otherParty reason } }`;

interface Told {
  deconflictions: Array<{ entityId: string; investigationId: string | null; otherParty: string; reason: string }>;
}

async function create(who: Who, name: string): Promise<string> {
  const r = await as<{ createInvestigation: { id: string } }>(who, CREATE, { n: name, c: `CASE-${name}` });
  expect(r.body.errors).toBeUndefined();
  return r.body.data?.createInvestigation.id ?? '';
}

beforeAll(async () => {
  server = await startTestServer({ seed: [FIXTURES.smallGraph] });
  tokens.admin = await server.adminToken();
  for (const [username, spec] of Object.entries(USERS)) {
    await as(
      'admin',
      `mutation U($u: String!, $p: String!, $r: Role!, $c: Boolean) {
      createUser(username: $u, password: $p, role: $r, informantClearance: $c) { username } }`,
      { u: username, p: PASSWORD, r: spec.role, c: false },
    );
    // Clearance is never given by createUser: two cleared admins or the server-side CLI grant it.
    if (spec.informantClearance) await grantClearanceServerSide(server, username);
    tokens[username as Who] = await server.login(username, PASSWORD);
  }
}, 180_000);

afterAll(async () => {
  await server?.stop();
});

describe('an investigation shared between two investigators', () => {
  let id = '';
  beforeAll(async () => {
    id = await create('ana', 'Lulu network');
    expect(codes(await as('ana', SAVE, { i: id, n: 'main', v: VIEW }))).toEqual([]);
    expect(codes(await as('ana', SHARE, { i: id, u: 'ben', a: 'EDITOR' }))).toEqual([]);
    expect(codes(await as('ana', NOTE, { i: id, t: 'person-lucien', x: '@ben he met Nadia twice' }))).toEqual([]);
  });

  it('shows the second member the same view and note', async () => {
    const r = await as<{
      investigation: { name: string; views: Array<{ view: unknown }>; notes: Array<{ author: string; text: string }> };
    }>('ben', OPEN, { id });
    expect(r.body.errors).toBeUndefined();
    expect(r.body.data?.investigation.name).toBe('Lulu network');
    expect(r.body.data?.investigation.views.map((v) => v.view)).toEqual([VIEW]);
    expect(r.body.data?.investigation.notes).toMatchObject([{ author: 'ana', text: '@ben he met Nadia twice' }]);
    const mentions = await as<{ mentions: Array<{ otherParty: string }> }>(
      'ben',
      '{ mentions { otherParty investigationId } }',
    );
    expect(mentions.body.data?.mentions).toEqual([{ otherParty: 'ana', investigationId: id }]);
  });

  it('autosaving the view under its name keeps one view', async () => {
    const first = await as<{ saveView: { id: string } }>('ben', SAVE, { i: id, n: 'main', v: VIEW });
    const again = await as<{ saveView: { id: string } }>('ben', SAVE, { i: id, n: 'main', v: VIEW });
    expect(again.body.data?.saveView.id).toBe(first.body.data?.saveView.id);
  });

  it('leaves no trace of itself for an outsider: every answer as for a made-up id', async () => {
    const attempts: Array<[string, (i: string) => Record<string, unknown>]> = [
      [OPEN, (i) => ({ id: i })],
      [SAVE, (i) => ({ i, n: 'main', v: VIEW })],
      [NOTE, (i) => ({ i, t: 'person-lucien', x: 'hello' })],
      [SHARE, (i) => ({ i, u: 'carl', a: 'OWNER' })],
    ];
    for (const [query, variables] of attempts) {
      const real = await as('carl', query, variables(id));
      const fake = await as('carl', query, variables('inv-made-up'));
      expect(codes(real)).toEqual(['NOT_FOUND']);
      expect(JSON.stringify(real.body).replace(id, 'X')).toBe(JSON.stringify(fake.body).replace('inv-made-up', 'X'));
    }
    for (const listing of [await as('carl', '{ investigations { id name } }'), await as('carl', TOLD)]) {
      expect(JSON.stringify(listing.body)).not.toContain('Lulu');
      expect(JSON.stringify(listing.body)).not.toContain(id);
    }
  });

  it('shows an admin who is not a member that it exists and who its members are, not its content', async () => {
    const r = await as<{ investigation: Record<string, unknown> }>('admin', OPEN, { id });
    expect(r.body.data?.investigation).toMatchObject({
      id,
      name: null,
      caseNumber: null,
      access: null,
      views: [],
      notes: [],
    });
    expect(r.body.data?.investigation.members).toEqual([
      { username: 'ana', access: 'OWNER' },
      { username: 'ben', access: 'EDITOR' },
    ]);
    expect(codes(await as('admin', SAVE, { i: id, n: 'main', v: VIEW }))).toEqual(['FORBIDDEN']);
  });

  it('tells the owners who read their subject, and the reader whom to contact, without the content', async () => {
    const read = await as('carl', '{ entity(id: "person-nadia") { id name } }');
    expect(read.body.errors).toBeUndefined();
    const owner = await as<Told>('ana', TOLD);
    expect(owner.body.data?.deconflictions).toContainEqual(
      expect.objectContaining({ entityId: 'person-nadia', investigationId: id, otherParty: 'carl' }),
    );
    const reader = await as<Told>('carl', TOLD);
    expect(reader.body.data?.deconflictions).toEqual([
      expect.objectContaining({ entityId: 'person-nadia', investigationId: null, otherParty: 'ana' }),
    ]);
    expect(JSON.stringify(reader.body)).not.toContain('Lulu');
    expect(JSON.stringify(reader.body)).not.toContain(id);
  });

  it('tells two investigations with the same entity on their views of each other', async () => {
    const other = await create('carl', 'Clan finances');
    await as('carl', SAVE, { i: other, n: 'v', v: { nodes: [entity('person-lucien')] } });
    const ana = await as<Told>('ana', TOLD);
    expect(ana.body.data?.deconflictions).toContainEqual(
      expect.objectContaining({ entityId: 'person-lucien', investigationId: id, otherParty: 'carl' }),
    );
    const carl = await as<Told>('carl', TOLD);
    expect(carl.body.data?.deconflictions).toContainEqual(
      expect.objectContaining({ entityId: 'person-lucien', investigationId: other, otherParty: 'ana' }),
    );
  });

  it('records the investigation id in the audit trail of every read through it', async () => {
    await as('ben', OPEN, { id });
    const log = await as<{ auditLog: Array<{ user: string; operation: string }> }>(
      'admin',
      `query A($e: ID!) { auditLog(entityId: $e, limit: 50) { user operation } }`,
      { e: id },
    );
    // The operation is the request's own name (O for OPEN): the record is found by the investigation's id.
    expect(log.body.data?.auditLog).toContainEqual(expect.objectContaining({ user: 'ben', operation: 'O' }));
  });
});

describe('informant protection inside investigations', () => {
  const IDENTITY_VIEW = {
    nodes: [entity('informant-heron'), entity('person-marc')],
    relationships: [
      {
        id: 'rel-heron-marc',
        type: 'IDENTIFIES_AS',
        source: 'informant-heron',
        target: 'person-marc',
        properties: {},
        sources: [],
      },
    ],
    hidden: ['rel-heron-marc'],
    positions: { 'rel-heron-marc': { x: 0, y: 0 }, 'person-marc': { x: 1, y: 1 } },
  };
  let id = '';
  beforeAll(async () => {
    id = await create('cleo', 'Heron handling');
    expect(codes(await as('cleo', SAVE, { i: id, n: 'identity', v: IDENTITY_VIEW }))).toEqual([]);
    await as('cleo', NOTE, { i: id, t: 'rel-heron-marc', x: 'confirmed by the handler' });
    await as('cleo', SHARE, { i: id, u: 'ben', a: 'READER' });
  });

  it('opens a cleared member’s view for an uncleared one without the identity, and nothing counts it', async () => {
    const r = await as<{ investigation: { views: Array<{ view: unknown }>; notes: unknown[] } }>('ben', OPEN, { id });
    const text = JSON.stringify(r.body);
    expect(text).not.toContain('rel-heron-marc');
    expect(text).not.toContain('IDENTIFIES_AS');
    // The person is on the view only through the identity: it goes with it.
    expect(text).not.toContain('person-marc');
    expect(r.body.data?.investigation.views[0]?.view).toEqual({
      nodes: [entity('informant-heron')],
      relationships: [],
      hidden: [],
      positions: {},
    });
    expect(r.body.data?.investigation.notes).toEqual([]);
  });

  it('never points an uncleared reader at an informant’s identity through a deconfliction', async () => {
    await as('carl', '{ entity(id: "person-marc") { id } }');
    const carl = await as<Told>('carl', TOLD);
    expect(carl.body.data?.deconflictions.filter((d) => d.entityId === 'person-marc')).toEqual([]);
    const cleo = await as<Told>('cleo', TOLD);
    expect(cleo.body.data?.deconflictions).toContainEqual(
      expect.objectContaining({ entityId: 'person-marc', otherParty: 'carl' }),
    );
  });
});

describe('facts proposed with a source and a grading', () => {
  const PROPOSE = `mutation P($c: JSON!, $s: [ID!]!, $g: String!, $d: JSON) {
    proposeChange(change: $c, sources: $s, grading: $g, documents: $d) { id status } }`;
  const REVIEW = `mutation R($id: ID!, $a: Boolean!) { reviewChange(id: $id, approve: $a) { id status reviewer } }`;
  const REL = {
    op: 'createRelationship',
    type: 'ASSOCIATE_OF',
    id: 'rel-nadia-lucien-proposed',
    source: 'person-nadia',
    target: 'person-lucien',
    properties: { context: 'seen together at the port' },
  };
  const DOC = [
    { id: 'doc-surveillance-log', title: 'Surveillance log 14', publisher: 'Brigade', url: 'file://logs/14' },
  ];

  it('is a proposal until an admin approves it, and its history shows both steps', async () => {
    const proposed = await as<{ proposeChange: { id: string; status: string } }>('ben', PROPOSE, {
      c: REL,
      s: ['doc-surveillance-log'],
      g: 'B2',
      d: DOC,
    });
    expect(proposed.body.errors).toBeUndefined();
    expect(proposed.body.data?.proposeChange.status).toBe('PENDING');
    const changeId = proposed.body.data?.proposeChange.id ?? '';
    const around = `{ neighbourhood(ids: ["person-nadia"]) { relationships { id properties } } }`;
    const before = await as<{ neighbourhood: { relationships: Array<{ id: string }> } }>('ana', around);
    expect(before.body.data?.neighbourhood.relationships.map((r) => r.id)).not.toContain(REL.id);

    expect(codes(await as('ben', REVIEW, { id: changeId, a: true }))).toEqual(['FORBIDDEN']);
    expect(codes(await as('ana', REVIEW, { id: changeId, a: true }))).toEqual(['FORBIDDEN']);
    const approved = await as<{ reviewChange: { status: string } }>('admin', REVIEW, { id: changeId, a: true });
    expect(approved.body.data?.reviewChange).toMatchObject({ status: 'APPROVED', reviewer: 'admin' });

    const after = await as<{
      neighbourhood: { relationships: Array<{ id: string; properties: Record<string, unknown> }> };
    }>('ana', around);
    expect(after.body.data?.neighbourhood.relationships.find((r) => r.id === REL.id)?.properties).toMatchObject({
      grading: 'B2',
      context: 'seen together at the port',
    });
    const history = await as<{ history: unknown[] }>(
      'ana',
      `query H($id: ID!) { history(id: $id) { user action sources grading approver } }`,
      { id: REL.id },
    );
    expect(history.body.data?.history).toEqual([
      { user: 'ben', action: 'proposed', sources: ['doc-surveillance-log'], grading: 'B2', approver: null },
      { user: 'admin', action: 'approved', sources: ['doc-surveillance-log'], grading: 'B2', approver: 'admin' },
    ]);
  });

  it('lets an investigator with the reviewer right approve another’s change', async () => {
    await as('admin', `mutation { grantReviewer(username: "ana", reviewer: true) }`);
    const proposed = await as<{ proposeChange: { id: string } }>('ben', PROPOSE, {
      c: { op: 'createEntity', label: 'Person', id: 'person-new-courier', properties: { name: 'New courier' } },
      s: ['doc-fixture'],
      g: 'C3',
    });
    expect(proposed.body.errors).toBeUndefined();
    const r = await as<{ reviewChange: { status: string } }>('ana', REVIEW, {
      id: proposed.body.data?.proposeChange.id,
      a: true,
    });
    expect(r.body.data?.reviewChange.status).toBe('APPROVED');
    const found = await as<{ entity: { properties: Record<string, unknown> } | null }>(
      'carl',
      '{ entity(id: "person-new-courier") { properties } }',
    );
    expect(found.body.data?.entity?.properties).toMatchObject({ grading: 'C3' });
  });

  it.each([
    ['a grading off the 6×6 scale', { c: REL, s: ['doc-fixture'], g: 'G7' }],
    ['no source', { c: { ...REL, id: 'rel-x1' }, s: [], g: 'B2' }],
    ['a source that is not a Document', { c: { ...REL, id: 'rel-x2' }, s: ['person-lucien'], g: 'B2' }],
    [
      'a property the model does not know',
      { c: { ...REL, id: 'rel-x3', properties: { colour: 'red' } }, s: ['doc-fixture'], g: 'B2' },
    ],
    ['ends the model does not allow', { c: { ...REL, id: 'rel-x4', type: 'MEMBER_OF' }, s: ['doc-fixture'], g: 'B2' }],
    [
      'an end that does not exist',
      { c: { ...REL, id: 'rel-x5', target: 'person-nobody' }, s: ['doc-fixture'], g: 'B2' },
    ],
  ])('refuses %s with BAD_USER_INPUT and keeps nothing', async (_what, variables) => {
    const r = await as('ben', PROPOSE, variables);
    expect(codes(r)).toEqual(['BAD_USER_INPUT']);
    const pending = await as<{ pendingChanges: Array<{ change: { id: string } }> }>(
      'ben',
      '{ pendingChanges { change } }',
    );
    expect(pending.body.data?.pendingChanges.map((p) => p.change.id)).not.toContain((variables.c as { id: string }).id);
  });
});
