/**
 * Neo4jStore against a real Neo4j: the shared GraphStore contract, then the demo seed.
 * Run by `npm run test:neo4j` (scripts/neo4j-tier.mjs) only when NEO4J_URI is set, e.g. with
 *   docker compose up -d neo4j
 *   NEO4J_URI=bolt://localhost:7687 NEO4J_USER=neo4j NEO4J_PASSWORD=maillon-dev-password npm run test:neo4j
 * Each test starts from an empty graph, so the database must be a disposable one:
 * the suite refuses to start on a database that already holds nodes.
 * Without NEO4J_URI the adapter is still checked offline: its Cypher is linted in the
 * unit tier, and tests/integration/neo4j-{wire,outage}.test.ts drive it over Bolt.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runImport } from '../../server/src/import/run-import.ts';
import { defineGraphStoreContract } from '../support/store-contract/defineGraphStoreContract.ts';
import { Neo4jStore } from '../../server/src/store/neo4j/Neo4jStore.ts';
import { quietLogger } from '../support/quiet-logger.ts';
import { AuditTrail } from '../../server/src/audit/AuditTrail.ts';
import { verifyAuditChain } from '../../server/src/audit/verify-chain.ts';

const uri = process.env.NEO4J_URI ?? '';
const user = process.env.NEO4J_USER ?? 'neo4j';
const password = process.env.NEO4J_PASSWORD ?? '';
const database = process.env.NEO4J_DATABASE ?? 'neo4j';
const META = { user: 'neo4j-tier', operation: 'test' };

const admin = uri ? neo4j.driver(uri, neo4j.auth.basic(user, password)) : undefined;

async function nodeCount(): Promise<number> {
  if (!admin) return 0;
  const { records } = await admin.executeQuery('MATCH (n) RETURN count(n) AS n', {}, { database });
  return Number(records[0]?.get('n') ?? 0);
}

/** Deletes everything, in batches so that a large leftover graph cannot exhaust transaction memory. */
async function wipe(): Promise<void> {
  const session = admin?.session({ database });
  try {
    await session?.run('MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS');
  } finally {
    await session?.close();
  }
}

/** A fresh store on an empty graph (its schema left to the caller), and what to call when done with it. */
async function freshNeo4jStore(): Promise<{ store: Neo4jStore; cleanup: () => Promise<void> }> {
  await wipe();
  const store = new Neo4jStore({ logger: quietLogger, uri, user, password, database });
  return {
    store,
    cleanup: async () => {
      await store.close();
      await wipe();
    },
  };
}

const seedDir = fileURLToPath(new URL('../../cypher/seed/', import.meta.url));
const seedFiles = readdirSync(seedDir)
  .filter((f) => f.endsWith('.cypher'))
  .sort();

describe.skipIf(!uri)('Neo4jStore against a live Neo4j (needs NEO4J_URI)', () => {
  beforeAll(async () => {
    expect(await nodeCount(), `Point NEO4J_URI at an empty, disposable database: ${uri} holds data`).toBe(0);
  });

  afterAll(async () => {
    await wipe();
    await admin?.close();
  });

  defineGraphStoreContract('Neo4jStore', freshNeo4jStore);

  describe('sign-in attempts shared through the database', () => {
    // Concurrent sign-ins reach Neo4j out of clock order: a free attempt stamped at 1,000 ms
    // came after one stamped at 1,005 ms and was refused "Too many failed sign-ins".
    it('lets free attempts through out of clock order, and blocks past the free ones', async () => {
      const { store, cleanup } = await freshNeo4jStore();
      try {
        await store.ensureSchema();
        const rule = { freeAttempts: 3, baseDelayMs: 1000, maxDelayMs: 60_000 };
        const verdicts = [];
        for (const at of [1005, 1001, 1003, 1000]) verdicts.push(await store.takeAttempt({ key: 'k', at, rule }));
        expect(verdicts.map((v) => v.allowed)).toEqual([true, true, true, true]);
        expect(await store.takeAttempt({ key: 'k', at: 1010, rule })).toEqual({ allowed: false, retryAfterMs: 990 });
      } finally {
        await cleanup();
      }
    });
  });

  describe('per-request state written in batches (group-commit.ts)', () => {
    it('counts concurrent events exactly: the counts a sequence would give, one each', async () => {
      const { store, cleanup } = await freshNeo4jStore();
      try {
        await store.ensureSchema();
        const windowMs = 60_000;
        const counts = await Promise.all(
          Array.from({ length: 40 }, (_, i) =>
            store.countInWindow({ key: i % 4 === 0 ? 'b' : 'a', at: 1000, windowMs }),
          ),
        );
        const of = (key: string) => counts.filter((_, i) => (i % 4 === 0) === (key === 'b')).map((c) => c.count);
        expect(of('a')).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
        expect(of('b')).toEqual(Array.from({ length: 10 }, (_, i) => i + 1));
        // A new window starts again at one.
        expect(await store.countInWindow({ key: 'a', at: windowMs + 5, windowMs })).toEqual({
          count: 1,
          windowStart: windowMs,
        });
      } finally {
        await cleanup();
      }
    });

    it('tells each of concurrent readers the distinct persons it would have been told alone', async () => {
      const { store, cleanup } = await freshNeo4jStore();
      try {
        await store.ensureSchema();
        const reads = Array.from({ length: 12 }, (_, i) => ({
          user: i % 3 === 0 ? 'bob' : 'eve',
          personIds: [`p${i}`, `p${i + 1}`, 'p0'],
          at: 5000 + i,
          windowStart: 0,
        }));
        const counts = await Promise.all(reads.map((r) => store.recordPersonReads(r)));
        // In arrival order, per user: the persons read so far by that user.
        const seen = new Map<string, Set<string>>();
        const expected = reads.map((r) => {
          const persons = seen.get(r.user) ?? new Set<string>();
          r.personIds.forEach((p) => persons.add(p));
          seen.set(r.user, persons);
          return persons.size;
        });
        expect(counts).toEqual(expected);
        expect(await store.countPersonReads({ user: 'eve', personIds: ['p0', 'zz'], windowStart: 0 })).toEqual({
          distinct: seen.get('eve')?.size,
          unread: 1,
        });
      } finally {
        await cleanup();
      }
    });

    it('keeps one unbroken audit chain when two servers append concurrently', async () => {
      const { store, cleanup } = await freshNeo4jStore();
      const other = new Neo4jStore({ logger: quietLogger, uri, user, password, database });
      try {
        await store.ensureSchema();
        const trails = [store, other].map((s) => new AuditTrail({ store: s, logger: quietLogger }));
        const written = await Promise.all(
          Array.from({ length: 60 }, (_, i) =>
            trails[i % 2]?.record({
              user: `u${i}`,
              role: 'VIEWER',
              operation: 'me',
              purpose: '',
              entityIds: [],
              outcome: 'ok',
              requestId: `r${i}`,
              clientAddress: '127.0.0.1',
            }),
          ),
        );
        expect(new Set(written.map((r) => r?.seq)).size).toBe(60);
        expect(await verifyAuditChain(store)).toMatchObject({ ok: true, records: 60 });
      } finally {
        await other.close();
        await cleanup();
      }
    });
  });

  describe('the demo seed, through the import pipeline', () => {
    let fresh: Awaited<ReturnType<typeof freshNeo4jStore>>;
    beforeEach(async () => {
      fresh = await freshNeo4jStore();
      await fresh.store.ensureSchema();
      return () => fresh.cleanup();
    });

    it('changes nothing on a dry run, then loads every file and reads it back', async () => {
      const { store } = fresh;
      const first = seedFiles[0] ?? '';
      const dry = await runImport(store, {
        script: readFileSync(`${seedDir}${first}`, 'utf8'),
        dryRun: true,
        meta: META,
      });
      expect(dry.errors).toEqual([]);
      expect(dry.nodesCreated).toBeGreaterThan(0);
      expect(await store.countNodes()).toBe(0);

      for (const file of seedFiles) {
        const report = await runImport(store, {
          script: readFileSync(`${seedDir}${file}`, 'utf8'),
          dryRun: false,
          meta: META,
        });
        expect(report.errors, file).toEqual([]);
      }
      expect(await store.countNodes()).toBeGreaterThan(0);

      const [shipment] = await store.getEntities(['shipment-banana-containers-cocaine'], META);
      expect(shipment?.label).toBe('Shipment');
      expect(shipment?.properties.actualKg).toBe(360);

      const hits = await store.search({ text: 'marseille', limit: 10 }, META);
      expect(hits.length).toBeGreaterThan(0);
      const adjacency = await store.adjacent(
        { ids: ['shipment-banana-containers-cocaine'], perNodeLimit: 100 },
        { hiddenRelTypes: [] },
        META,
      );
      expect(adjacency.relationships.map((r) => r.type)).toContain('MONITORED');
      expect(adjacency.relationships.every((r) => r.id.length > 0)).toBe(true);
    });
  });
});
