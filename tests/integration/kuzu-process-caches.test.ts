/**
 * What the API process keeps in front of the embedded store's process (user records,
 * suspensions, neighbourhoods) is dropped by the writes that change it: each test
 * reads once (so the answer is kept), writes, and must see the write at the next read.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AuditTrail } from '../../server/src/audit/AuditTrail.ts';
import type { UserRecord } from '../../server/src/model/records.ts';
import { KuzuProcessStore } from '../../server/src/store/kuzu/process/KuzuProcessStore.ts';
import type { ReadScope, TxMeta } from '../../server/src/store/ports/read-scope.ts';
import { quietLogger } from '../support/quiet-logger.ts';

const meta: TxMeta = { user: 'test', operation: 'kuzu-process-caches-test' };
const statement = (index: number, cypher: string) => ({ index, cypher, line: index, column: 1 });
const uncleared: ReadScope = { hiddenRelTypes: ['IDENTIFIES_AS'] };
const cleared: ReadScope = { hiddenRelTypes: [] };

const vera = (tokenVersion: number, disabled = false): UserRecord => ({
  username: 'vera',
  passwordHash: 'x',
  role: 'VIEWER',
  informantClearance: false,
  disabled,
  tokenVersion,
  createdAt: '2026-12-07T00:00:00Z',
});

describe('the embedded store process behind the API process, read again after a write', () => {
  let dir: string;
  let store: KuzuProcessStore | undefined;

  afterEach(async () => {
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function open(): Promise<KuzuProcessStore> {
    dir = mkdtempSync(path.join(tmpdir(), 'maillon-caches-'));
    store = new KuzuProcessStore({ logger: quietLogger, dataDir: dir, queryTimeoutMs: 60_000 });
    await store.ensureSchema();
    return store;
  }

  it('checks the next token against the saved user record (a revocation holds at once)', async () => {
    const s = await open();
    expect(await s.findUser('vera')).toBeUndefined();
    await s.saveUser(vera(1));
    expect(await s.findUser('vera')).toEqual(vera(1));
    await s.saveUser(vera(2, true));
    expect(await s.findUser('vera')).toEqual(vera(2, true));
  });

  it('sees a suspension and its lifting at the next request', async () => {
    const s = await open();
    expect(await s.findSuspension('vera')).toBeUndefined();
    const suspension = { user: 'vera', at: '2026-12-07T00:00:00Z', reason: 'volume', requestId: 'r1' };
    expect(await s.suspend(suspension)).toBe(true);
    expect(await s.findSuspension('vera')).toEqual(suspension);
    expect(await s.liftSuspension('vera')).toBe(true);
    expect(await s.findSuspension('vera')).toBeUndefined();
  });

  it('answers a neighbourhood asked again after an import with what the import added, per read scope', async () => {
    const s = await open();
    await s.runImport(
      [
        statement(1, "CREATE (:Person {id: 'p1', name: 'Ada', sources: []})"),
        statement(2, "CREATE (:Informant {id: 'i1', name: 'Kite', sources: []})"),
        statement(
          3,
          "MATCH (i:Informant {id: 'i1'}), (p:Person {id: 'p1'}) CREATE (i)-[:IDENTIFIES_AS {id: 'r1'}]->(p)",
        ),
      ],
      { dryRun: false, meta },
    );
    const query = { seeds: ['p1'], depth: 1, limit: 50, perNodeLimit: 50 };
    const ids = async (scope: ReadScope) =>
      (await s.neighbourhood(query, scope, meta)).nodes.map((node) => node.id).sort();
    expect(await ids(uncleared)).toEqual(['p1']);
    expect(await ids(cleared)).toEqual(['i1', 'p1']);

    await s.runImport(
      [
        statement(1, "CREATE (:Person {id: 'p2', name: 'Bo', sources: []})"),
        statement(2, "MATCH (a:Person {id: 'p1'}), (b:Person {id: 'p2'}) CREATE (a)-[:ASSOCIATE_OF {id: 'r2'}]->(b)"),
      ],
      { dryRun: false, meta },
    );
    expect(await ids(uncleared)).toEqual(['p1', 'p2']);
    expect(await ids(cleared)).toEqual(['i1', 'p1', 'p2']);
  });

  it('writes a batch of audit records in one statement, ids as given, none included', async () => {
    const s = await open();
    const trail = new AuditTrail({ store: s, logger: quietLogger });
    const entry = (requestId: string, entityIds: string[]) => ({
      user: 'vera',
      role: 'VIEWER',
      operation: 'me',
      purpose: 'test',
      entityIds,
      outcome: 'ok',
      requestId,
      clientAddress: '127.0.0.1',
    });
    // The first is written alone; the others wait for it and go as one batch.
    const records = await Promise.all([
      trail.record(entry('a', ['p1'])),
      trail.record(entry('b', [])),
      trail.record(entry('c', ['p2', 'p3'])),
      trail.record(entry('d', [])),
    ]);
    expect(await s.readAuditChain(0, 10)).toEqual(records);
  });
});
