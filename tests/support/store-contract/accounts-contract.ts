/** Contract: users and the audit trail, kept apart from the explorer graph. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GENESIS_HASH } from '../../../server/src/store/audit-head.ts';
import type { AuditRecord, UserRecord } from '../../../server/src/model/records.ts';
import type { GraphStore } from '../../../server/src/store/GraphStore.ts';
import { CLEARED, META } from './fixtures.ts';
import type { MakeStore, OpenedStore } from './types.ts';

const ALICE: UserRecord = {
  username: 'alice',
  passwordHash: '$argon2id$v=19$fake',
  role: 'INVESTIGATOR',
  informantClearance: false,
  disabled: false,
  tokenVersion: 0,
  createdAt: '2024-03-01T10:00:00.000Z',
};

const audit = (seq: number, changes: Partial<AuditRecord>): AuditRecord => ({
  seq,
  at: `2024-03-0${seq}T10:00:00.000Z`,
  user: 'alice',
  role: 'INVESTIGATOR',
  operation: 'search',
  purpose: 'case 2024-17',
  entityIds: [],
  outcome: 'OK',
  requestId: `req-${seq}`,
  clientAddress: '127.0.0.1',
  details: '{}',
  // A chain from the genesis hash: the store appends only behind its real head.
  prevHash: seq === 1 ? GENESIS_HASH : `hash-${seq - 1}`,
  hash: `hash-${seq}`,
  ...changes,
});

export function describeAccounts(makeStore: MakeStore): void {
  describe('users and audit', () => {
    let opened: OpenedStore;
    let store: GraphStore;
    beforeAll(async () => {
      opened = await makeStore();
      store = opened.store;
      await store.ensureSchema();
    });
    afterAll(async () => opened.cleanup());

    it('saves, finds, updates and lists users', async () => {
      expect(await store.findUser('alice')).toBeUndefined();
      await store.saveUser(ALICE);
      expect(await store.findUser('alice')).toEqual(ALICE);
      const revoked = { ...ALICE, disabled: true, tokenVersion: 3, role: 'ADMIN' as const, informantClearance: true };
      await store.saveUser(revoked);
      expect(await store.findUser('alice')).toEqual(revoked);
      await store.saveUser({ ...ALICE, username: 'bob' });
      const users = await store.listUsers();
      expect(users.map((u) => u.username).sort()).toEqual(['alice', 'bob']);
    });

    it('never shows users or audit records as graph entities', async () => {
      await store.appendAudit([audit(1, {})]);
      expect(await store.search({ text: 'alice', limit: 10 }, META)).toEqual([]);
      expect(await store.countNodes()).toBe(0);
      expect(await store.stats(CLEARED, META)).toEqual({ byLabel: [], byType: [] });
    });

    it('appends audit records and reads them newest first, with filters', async () => {
      await store.appendAudit([audit(2, { user: 'bob', entityIds: ['p-herve', 'p-djeha'] })]);
      await store.appendAudit([audit(3, { entityIds: ['p-djeha'], details: '{"file":"a.cypher"}' })]);
      expect((await store.lastAudit())?.seq).toBe(3);
      expect(await store.lastAudit()).toEqual(audit(3, { entityIds: ['p-djeha'], details: '{"file":"a.cypher"}' }));
      const seqs = async (filter: Parameters<GraphStore['queryAudit']>[0]): Promise<number[]> =>
        (await store.queryAudit(filter)).map((r) => r.seq);
      expect(await seqs({ limit: 10 })).toEqual([3, 2, 1]);
      expect(await seqs({ limit: 1 })).toEqual([3]);
      expect(await seqs({ limit: 10, user: 'alice' })).toEqual([3, 1]);
      expect(await seqs({ limit: 10, entityId: 'p-djeha' })).toEqual([3, 2]);
      expect(await seqs({ limit: 10, entityId: 'p-herve', user: 'alice' })).toEqual([]);
      expect(await seqs({ limit: 10, since: '2024-03-02T00:00:00.000Z' })).toEqual([3, 2]);
      expect((await store.queryAudit({ limit: 10 }))[2]?.entityIds).toEqual([]);
    });

    it('reads the chain oldest first, page by page', async () => {
      expect((await store.readAuditChain(0, 10)).map((r) => r.seq)).toEqual([1, 2, 3]);
      expect((await store.readAuditChain(1, 1)).map((r) => r.seq)).toEqual([2]);
      expect(await store.readAuditChain(3, 10)).toEqual([]);
    });

    it('appends a batch in order, in one transaction: a duplicate seq in it leaves none of it', async () => {
      await store.appendAudit([audit(4, {}), audit(5, { user: 'bob' })]);
      expect((await store.readAuditChain(3, 10)).map((r) => [r.seq, r.user])).toEqual([
        [4, 'alice'],
        [5, 'bob'],
      ]);
      await expect(store.appendAudit([audit(6, {}), audit(5, { user: 'mallory' })])).rejects.toThrow();
      expect(await store.readAuditChain(5, 10)).toEqual([]);
      expect((await store.lastAudit())?.seq).toBe(5);
      await store.appendAudit([]);
      expect((await store.lastAudit())?.seq).toBe(5);
    });
  });
}
