import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorCode } from '../../server/src/errors.ts';
import { GENESIS_HASH } from '../../server/src/store/audit-head.ts';
import { createLogger } from '../../server/src/logger.ts';
import { defineGraphStoreContract } from '../support/store-contract/defineGraphStoreContract.ts';
import { CLEARED, META, statements } from '../support/store-contract/fixtures.ts';
import { KuzuStore } from '../../server/src/store/kuzu/KuzuStore.ts';

const logger = createLogger('store-kuzu-test');
logger.level = 'warn';

const openStore = (dataDir: string): KuzuStore => new KuzuStore({ dataDir, logger, bufferPoolMb: 256 });

defineGraphStoreContract('KuzuStore', async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'maillon-'));
  const store = openStore(dataDir);
  return {
    store,
    cleanup: async () => {
      await store.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
});

describe('KuzuStore specifics', () => {
  let dataDir: string;
  let store: KuzuStore;
  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'maillon-'));
    store = openStore(dataDir);
    await store.ensureSchema();
  });
  afterAll(async () => {
    await store.close().catch(() => undefined);
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('folds names inside Kùzu exactly as it folds the query', async () => {
    const names = [
      'Œuvre Ça-Va',
      'Łódź Straße',
      'He\u0301le\u0300ne Ñúñez',
      'Şükrü Çelik',
      'O’Brien-Smith',
      'محمد الجزائري',
    ];
    await store.runImport(
      statements(...names.map((name, i) => `CREATE (:Person {id: 'fold-${i}', name: '${name.replace(/'/g, "\\'")}'})`)),
      { dryRun: false, meta: META },
    );
    const plain = ['oeuvre ca va', 'lodz strasse', 'helene nunez', 'sukru celik', 'o brien smith', 'محمد الجزائري'];
    for (const [i, text] of plain.entries()) {
      for (const query of [text, names[i] ?? '']) {
        const [first] = await store.search({ text: query, limit: 3 }, META);
        expect({ query, id: first?.entity.id, score: first?.score }).toEqual({ query, id: `fold-${i}`, score: 1 });
      }
    }
  });

  it('serves reads and audit appends while an import runs, and loses none of them', async () => {
    const audit = (seq: number) => ({
      seq,
      at: new Date(Date.UTC(2024, 0, seq)).toISOString(),
      user: 'alice',
      role: 'ADMIN',
      operation: 'search',
      purpose: 'case 1',
      entityIds: ['fold-0'],
      outcome: 'OK',
      requestId: `r${seq}`,
      clientAddress: '::1',
      details: '{}',
      prevHash: seq === 1 ? GENESIS_HASH : `h${seq - 1}`,
      hash: `h${seq}`,
    });
    const spokes = Array.from({ length: 2000 }, (_, i) => `'busy-${i}'`).join(', ');
    const work = await Promise.allSettled([
      store.runImport(statements(`UNWIND [${spokes}] AS sid CREATE (:Person {id: sid, name: sid})`), {
        dryRun: false,
        meta: META,
      }),
      ...Array.from({ length: 10 }, () => store.search({ text: 'celik', limit: 5 }, META)),
      ...Array.from({ length: 5 }, (_, i) => store.appendAudit([audit(i + 1)])),
      store.getEntities(['fold-1'], META),
    ]);
    expect(work.filter((w) => w.status === 'rejected')).toEqual([]);
    expect((await store.readAuditChain(0, 10)).map((a) => a.seq)).toEqual([1, 2, 3, 4, 5]);
    expect((await store.search({ text: 'busy 1999', limit: 1 }, META))[0]?.entity.id).toBe('busy-1999');
  });

  it('keeps everything across a restart', async () => {
    await store.saveUser({
      username: 'admin',
      passwordHash: 'x',
      role: 'ADMIN',
      informantClearance: true,
      disabled: false,
      tokenVersion: 1,
      createdAt: '2024-01-01T00:00:00.000Z',
    });
    const before = await store.stats(CLEARED, META);
    await store.close();
    store = openStore(dataDir);
    await store.ensureSchema();
    expect(await store.stats(CLEARED, META)).toEqual(before);
    expect((await store.findUser('admin'))?.tokenVersion).toBe(1);
    expect((await store.search({ text: 'lodz', limit: 1 }, META))[0]?.entity.id).toBe('fold-1');
  });

  it('answers DB_UNAVAILABLE once closed', async () => {
    const other = openStore(fs.mkdtempSync(path.join(os.tmpdir(), 'maillon-')));
    await other.ensureSchema();
    await other.close();
    await expect(other.ping()).rejects.toMatchObject({ code: ErrorCode.DB_UNAVAILABLE });
    await expect(other.countNodes()).rejects.toMatchObject({ code: ErrorCode.DB_UNAVAILABLE });
  });
});

describe('KuzuStore with a 100 000-relationship hub', () => {
  let dataDir: string;
  let store: KuzuStore;
  const SPOKES = 100_000;
  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'maillon-'));
    store = openStore(dataDir);
    await store.ensureSchema();
    const outcome = await store.runImport(
      statements(
        "CREATE (:Person {id: 'p-hub', name: 'Hub'})",
        `UNWIND range(1, ${SPOKES}) AS i CREATE (:Person {id: 'spoke-' + toString(i), name: 'Spoke ' + toString(i)})`,
        "MATCH (h:Person {id: 'p-hub'}), (s:Person) WHERE s.id STARTS WITH 'spoke-' CREATE (h)-[:ASSOCIATE_OF]->(s)",
      ),
      { dryRun: false, meta: META },
    );
    expect(outcome).toEqual({ statements: 3, nodesCreated: SPOKES + 1, relationshipsCreated: SPOKES });
  }, 600_000);
  afterAll(async () => {
    await store.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('returns the capped slice and counts the rest, for one id and for many', async () => {
    const one = await store.adjacent({ ids: ['p-hub'], perNodeLimit: 50 }, CLEARED, META);
    expect(one.relationships).toHaveLength(50);
    expect(one.omitted).toEqual({ 'p-hub': SPOKES - 50 });
    const many = Array.from({ length: 40 }, (_, i) => `spoke-${SPOKES - i}`);
    const both = await store.adjacent({ ids: ['p-hub', ...many], perNodeLimit: 50 }, CLEARED, META);
    expect(both.omitted).toEqual({ 'p-hub': SPOKES - 50 });
    for (const id of many) expect(both.relationships.some((r) => r.target === id && r.source === 'p-hub')).toBe(true);
  });

  it('gives every generated relationship its own id', async () => {
    const scan = await store.scanRelationships({ types: ['ASSOCIATE_OF'], limit: SPOKES }, CLEARED, META);
    expect(scan.truncated).toBe(false);
    expect(new Set(scan.relationships.map((r) => r.id)).size).toBe(SPOKES);
  });
});
