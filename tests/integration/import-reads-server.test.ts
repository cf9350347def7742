/**
 * Issue 11, through the server: "While a long import runs, every other request
 * waits: a read's audit append queues behind the import, reaches its deadline, and
 * the store process is killed, so the read gets a 503 after 15 s and the import
 * fails too." An admin's importCypher loads a generated network of several MB
 * while an analyst looks entities up one after another: every lookup must answer
 * with its entity, each must leave its audit record, the import must commit, and
 * the store process must be the one it was. The store's deadline is short here
 * (1 s query timeout: a call silent for 6 s is taken for a hung process), as it
 * would be long against a larger import; the import's commit alone keeps Kùzu
 * from beginning any read for seconds. What is timed is in the bench
 * (tests/bench/import-reads.bench.ts).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { KuzuProcessStore } from '../../server/src/store/kuzu/process/KuzuProcessStore.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';
import { prefixedNetwork } from './import-generate.ts';

const IMPORT = `mutation($s: String!) {
  importCypher(script: $s) { ok nodesCreated errors { statement message } }
}`;
const LOOKUP = 'query($id: ID!) { entity(id: $id) { id name } }';
const PURPOSE = 'case 2026-114';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({
    env: { MAILLON_QUERY_TIMEOUT_MS: '1000', MAILLON_MAX_BODY_BYTES: String(16 * 1_048_576) },
  });
}, 60_000);
afterAll(() => server?.stop());

it('entity lookups answer with data and are audited while a long import runs, and nothing is killed', async () => {
  const admin = await server.adminToken();
  const first = await server.gql(
    IMPORT,
    { s: prefixedNetwork({ people: 200, seed: 3, prefix: 'first' }) },
    { token: admin },
  );
  expect(first.body.data).toMatchObject({ importCypher: { ok: true } });
  await server.gql(
    'mutation { createUser(username: "reader", password: "reader-password-1", role: INVESTIGATOR) { username } }',
    {},
    { token: admin },
  );
  const reader = await server.login('reader', 'reader-password-1');
  const pid = (server.store as KuzuProcessStore).childPid;
  expect(pid).toBeDefined();

  // Distinct persons of the first network (the insider rule allows 200 an hour).
  const ids = Array.from({ length: 150 }, (_, i) => `first-p-${i + 1}`);
  let running = true;
  const importing = server
    .gql(IMPORT, { s: prefixedNetwork({ people: 10_000, seed: 4, prefix: 'long' }) }, { token: admin })
    .finally(() => (running = false));
  const answers: Array<{ id: string; status: number; entity: unknown; errors: unknown }> = [];
  for (const id of ids) {
    if (!running) break;
    const { status, body } = await server.gql<{ entity: unknown }>(LOOKUP, { id }, { token: reader, purpose: PURPOSE });
    answers.push({ id, status, entity: body.data?.entity, errors: body.errors });
  }
  const imported = await importing;

  expect(imported.body.errors).toBeUndefined();
  expect(imported.body.data).toMatchObject({ importCypher: { ok: true, errors: [] } });
  // Reads ran while the import did (a few at least), every one with its entity.
  expect(answers.length).toBeGreaterThan(3);
  for (const answer of answers) {
    expect(answer, answer.id).toMatchObject({ status: 200, errors: undefined, entity: { id: answer.id } });
  }
  expect((server.store as KuzuProcessStore).childPid).toBe(pid);

  const log = await server.gql<{ auditLog: Array<{ entityIds: string[]; outcome: string }> }>(
    'query { auditLog(user: "reader", limit: 1000) { operation entityIds outcome } }',
    {},
    { token: admin, purpose: PURPOSE },
  );
  const audited = new Set(
    (log.body.data?.auditLog ?? []).filter((r) => r.outcome === 'OK').flatMap((r) => r.entityIds),
  );
  for (const answer of answers) expect(audited.has(answer.id), answer.id).toBe(true);
}, 120_000);
