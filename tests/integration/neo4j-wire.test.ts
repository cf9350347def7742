/**
 * What Neo4jStore puts on the wire, checked against a fake Bolt endpoint (no Neo4j
 * here): every transaction names the database and carries the caller's metadata
 * and a timeout, reads go out as reads, numbers that must be integers are sent as
 * integers, and an import is one transaction that a dry run rolls back.
 */
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GET_ENTITIES, SAVE_USER } from '../../server/src/store/neo4j/queries.ts';
import { Neo4jStore } from '../../server/src/store/neo4j/Neo4jStore.ts';
import { FakeBoltServer, PackedFloat, SIGNATURE, type BoltMessage } from '../neo4j/fake-bolt-server.ts';

const QUERY_TIMEOUT_MS = 4000;
let bolt: FakeBoltServer;
let store: Neo4jStore;

beforeEach(async () => {
  bolt = new FakeBoltServer();
  await bolt.start();
  store = new Neo4jStore({
    uri: bolt.uri,
    user: 'neo4j',
    password: 'secret-password',
    database: 'maillon',
    queryTimeoutMs: QUERY_TIMEOUT_MS,
    logger: pino({ level: 'silent' }),
  });
});

afterEach(async () => {
  await store.close();
  await bolt.stop();
});

const messages = (signature: number): BoltMessage[] => bolt.received.filter((m) => m.signature === signature);
const extra = (message: BoltMessage | undefined, index: number): Record<string, unknown> =>
  (message?.fields[index] ?? {}) as Record<string, unknown>;

describe('Neo4jStore on the wire', () => {
  it('tags a read with the database, the caller, a timeout and read mode', async () => {
    await store.getEntities(['p-1'], { user: 'ana', operation: 'entity', requestId: 'req-7' });
    const run = messages(SIGNATURE.RUN).at(-1);
    // A one-statement read runs auto-commit (runner.readOnce): its transaction's settings travel with the RUN.
    expect(extra(run, 2)).toMatchObject({
      db: 'maillon',
      mode: 'r',
      tx_timeout: QUERY_TIMEOUT_MS,
      tx_metadata: { user: 'ana', operation: 'entity', requestId: 'req-7' },
    });
    expect(run?.fields[0]).toBe(GET_ENTITIES.text);
    expect(run?.fields[1]).toEqual({ ids: ['p-1'] });
  });

  it('sends a user as a write, with its token version as an integer', async () => {
    await store.saveUser({
      username: 'ana',
      passwordHash: 'h',
      role: 'INVESTIGATOR',
      informantClearance: false,
      disabled: false,
      tokenVersion: 2,
      createdAt: '2026-01-01T00:00:00.000Z',
    });
    const begin = extra(messages(SIGNATURE.BEGIN).at(-1), 0);
    expect(begin.mode).toBeUndefined();
    expect(begin.tx_metadata).toEqual({ user: 'system', operation: 'saveUser' });
    const run = messages(SIGNATURE.RUN).at(-1);
    expect(run?.fields[0]).toBe(SAVE_USER.text);
    const user = (run?.fields[1] as { user: Record<string, unknown> }).user;
    expect(user.tokenVersion).toBe(2);
    expect(user.tokenVersion).not.toBeInstanceOf(PackedFloat);
  });

  it('sends the search as folded words with one typo allowed, and a window of candidates as an integer', async () => {
    await store.search({ text: 'Élodie', limit: 5 }, { user: 'ana', operation: 'search' });
    const params = messages(SIGNATURE.RUN).at(-1)?.fields[1] as Record<string, unknown>;
    // Lucene finds at least 100 candidates; the ranking shared with the embedded store picks the 5.
    // Name and alias matches are boosted above description prefixes, so those never crowd them out.
    expect(params).toEqual({
      lucene:
        '((name:(elodie^2 OR elodie* OR elodie~1) OR aliases:(elodie^2 OR elodie* OR elodie~1))^8 OR description:elodie*)',
      labels: null,
      limit: 100,
    });
  });

  it('runs an import as one transaction, committed, or rolled back on a dry run', async () => {
    const statements = [
      { index: 1, cypher: "CREATE (:Person {id: 'p1', name: 'A'})", line: 1, column: 1 },
      { index: 2, cypher: "CREATE (:Person {id: 'p2', name: 'B'})", line: 2, column: 1 },
    ];
    const meta = { user: 'admin', operation: 'importCypher' };
    await store.runImport(statements, { dryRun: true, meta });
    expect(messages(SIGNATURE.BEGIN)).toHaveLength(1);
    expect(messages(SIGNATURE.ROLLBACK)).toHaveLength(1);
    expect(messages(SIGNATURE.COMMIT)).toHaveLength(0);
    const texts = messages(SIGNATURE.RUN).map((m) => m.fields[0]);
    expect(texts.slice(0, 2)).toEqual(statements.map((s) => s.cypher));

    await store.runImport(statements, { dryRun: false, meta });
    expect(messages(SIGNATURE.BEGIN)).toHaveLength(2);
    expect(messages(SIGNATURE.COMMIT)).toHaveLength(1);
    expect(extra(messages(SIGNATURE.BEGIN).at(-1), 0).tx_metadata).toEqual(meta);
  });
});
