import { describe, expect, it } from 'vitest';
import { AuditUnavailableError } from '../errors.ts';
import type { AuditRecord } from '../model/records.ts';
import { GENESIS_HASH } from './audit-hash.ts';
import { AuditTrail, type AuditEntry } from './AuditTrail.ts';
import { MemoryAuditStore } from '../../../tests/support/memory-audit-store.ts';
import { verifyAuditChain } from './verify-chain.ts';
import { quietLogger } from '../../../tests/support/quiet-logger.ts';

const entry = (overrides: Partial<AuditEntry> = {}): AuditEntry => ({
  user: 'alice',
  role: 'INVESTIGATOR',
  operation: 'search',
  purpose: 'CASE-2024-17',
  entityIds: ['p1', 'p2'],
  outcome: 'OK',
  requestId: 'r1',
  clientAddress: '127.0.0.1',
  ...overrides,
});

/** The real store logic with a switch that makes writes fail, as a full disk would. */
class FlakyStore extends MemoryAuditStore {
  broken = false;
  override appendAudit(records: readonly AuditRecord[]): Promise<void> {
    return this.broken ? Promise.reject(new Error('disk full')) : super.appendAudit(records);
  }
}

/** Remembers how many records each store write carried. */
class CountingStore extends MemoryAuditStore {
  readonly batchSizes: number[] = [];
  /** How many of the next writes fail. */
  failNext = 0;
  override appendAudit(records: readonly AuditRecord[]): Promise<void> {
    this.batchSizes.push(records.length);
    if (this.failNext > 0) {
      this.failNext -= 1;
      return Promise.reject(new Error('disk full'));
    }
    return super.appendAudit(records);
  }
}

const fixedClock = () => new Date('2026-01-02T03:04:05.000Z');

describe('AuditTrail', () => {
  it('chains records from the genesis hash with consecutive seq numbers', async () => {
    const store = new MemoryAuditStore();
    const trail = new AuditTrail({ logger: quietLogger, store, clock: fixedClock });
    const first = await trail.record(entry());
    const second = await trail.record(entry({ user: 'bob' }));
    expect(first.seq).toBe(1);
    expect(first.prevHash).toBe(GENESIS_HASH);
    expect(first.at).toBe('2026-01-02T03:04:05.000Z');
    expect(second.seq).toBe(2);
    expect(second.prevHash).toBe(first.hash);
    expect(await verifyAuditChain(store)).toEqual({ ok: true, records: 2, headHash: second.hash });
  });

  it('serialises concurrent appends so that no seq is taken twice', async () => {
    const store = new MemoryAuditStore();
    const trail = new AuditTrail({ logger: quietLogger, store });
    await Promise.all(Array.from({ length: 50 }, (_, i) => trail.record(entry({ requestId: `r${i}` }))));
    expect(store.records.map((r) => r.seq)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect((await verifyAuditChain(store, 7)).ok).toBe(true);
  });

  it('writes the records that arrive during a write together, in call order, one transaction each', async () => {
    const store = new CountingStore();
    const trail = new AuditTrail({ logger: quietLogger, store });
    const records = await Promise.all(
      Array.from({ length: 20 }, (_, i) => trail.record(entry({ requestId: `r${i}` }))),
    );
    expect(records.map((r) => r.requestId)).toEqual(Array.from({ length: 20 }, (_, i) => `r${i}`));
    // The first record is written alone; the 19 that queued behind it go in the next batch.
    expect(store.batchSizes).toEqual([1, 19]);
    expect((await verifyAuditChain(store)).ok).toBe(true);
  });

  it('fails every record of a batch that cannot be written, and only that batch', async () => {
    const store = new CountingStore();
    const trail = new AuditTrail({ logger: quietLogger, store });
    await trail.record(entry({ requestId: 'ok' }));
    await new Promise((resolve) => setImmediate(resolve)); // let the writer go idle
    store.failNext = 1;
    const outcomes = await Promise.allSettled(['a', 'b', 'c'].map((requestId) => trail.record(entry({ requestId }))));
    // 'a' went alone into the write that failed; 'b' and 'c' queued behind it and were written together.
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'fulfilled', 'fulfilled']);
    expect(outcomes[0]).toMatchObject({ reason: expect.any(AuditUnavailableError) });
    expect(store.batchSizes).toEqual([1, 1, 2]);
    expect(store.records.map((r) => [r.seq, r.requestId])).toEqual([
      [1, 'ok'],
      [2, 'b'],
      [3, 'c'],
    ]);
    expect((await verifyAuditChain(store)).ok).toBe(true);
  });

  it('continues an existing chain after a restart', async () => {
    const store = new MemoryAuditStore();
    await new AuditTrail({ logger: quietLogger, store }).record(entry());
    const next = await new AuditTrail({ logger: quietLogger, store }).record(entry());
    expect(next.seq).toBe(2);
    expect((await verifyAuditChain(store)).ok).toBe(true);
  });

  it('fails closed with AuditUnavailableError and recovers once the store works again', async () => {
    const store = new FlakyStore();
    const trail = new AuditTrail({ logger: quietLogger, store });
    await trail.record(entry());
    store.broken = true;
    await expect(trail.record(entry())).rejects.toBeInstanceOf(AuditUnavailableError);
    store.broken = false;
    expect((await trail.record(entry())).seq).toBe(2);
    expect((await verifyAuditChain(store)).ok).toBe(true);
  });

  it('keeps newlines and JSON in inputs inside their field (no forged records)', async () => {
    const store = new MemoryAuditStore();
    const trail = new AuditTrail({ logger: quietLogger, store });
    const forged = '","user":"admin","outcome":"OK"}\n{"seq":99,"user":"admin';
    const record = await trail.record(entry({ purpose: forged, operation: 'x\ny', details: { note: forged } }));
    expect(store.records).toHaveLength(1);
    expect(record.purpose).toBe(forged);
    expect(record.user).toBe('alice');
    expect(JSON.parse(record.details)).toEqual({ note: forged });
    // Moving text between fields changes the hash even when the concatenation is the same.
    const other = await new AuditTrail({ logger: quietLogger, store: new MemoryAuditStore() }).record(
      entry({ purpose: '', operation: `x\ny${forged}`, details: { note: forged } }),
    );
    expect(other.hash).not.toBe(record.hash);
  });
});

describe('verifyAuditChain', () => {
  const chainOf = async (n: number): Promise<MemoryAuditStore> => {
    const store = new MemoryAuditStore();
    const trail = new AuditTrail({ logger: quietLogger, store });
    for (let i = 0; i < n; i++) await trail.record(entry({ requestId: `r${i}`, entityIds: [`e${i}`] }));
    return store;
  };

  const tamper = (store: MemoryAuditStore, index: number, change: (record: AuditRecord) => AuditRecord) => {
    const record = store.records[index];
    if (!record) throw new Error(`the chain has no record at ${index}`);
    store.records[index] = change(record);
  };

  it('reports the first record whose content was changed by one character', async () => {
    const store = await chainOf(5);
    tamper(store, 2, (third) => ({ ...third, purpose: third.purpose.replace('7', '8') }));
    expect(await verifyAuditChain(store)).toMatchObject({ ok: false, brokenSeq: 3, records: 2 });
  });

  it('detects a removed record and a rewritten hash', async () => {
    const removed = await chainOf(5);
    removed.records.splice(1, 1);
    expect(await verifyAuditChain(removed)).toMatchObject({ ok: false, brokenSeq: 3 });

    const rehashed = await chainOf(5);
    tamper(rehashed, 3, (fourth) => ({ ...fourth, hash: 'f'.repeat(64) }));
    expect(await verifyAuditChain(rehashed)).toMatchObject({ ok: false, brokenSeq: 4 });
  });

  it('accepts an empty trail', async () => {
    expect(await verifyAuditChain(new MemoryAuditStore())).toEqual({ ok: true, records: 0, headHash: GENESIS_HASH });
  });
});
