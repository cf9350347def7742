import { describe, expect, it } from 'vitest';
import type { AuditRecord } from '../model/records.ts';
import { AuditTrail } from './AuditTrail.ts';
import { MemoryAuditStore } from '../../../tests/support/memory-audit-store.ts';
import { recordRefusal, refusedOperation } from './record-refusal.ts';
import { quietLogger } from '../../../tests/support/quiet-logger.ts';

const refusal = { requestId: 'r-1', clientAddress: '10.0.0.7', code: 'UNAUTHENTICATED', httpStatus: 401 };

describe('refusedOperation', () => {
  it('names a named operation and the root fields it asked for', () => {
    expect(refusedOperation({ query: 'query Who { users { username } me { role } }' })).toEqual({
      operation: 'Who',
      kind: 'query',
      fields: ['users', 'me'],
    });
  });

  it('describes an anonymous operation by its root fields', () => {
    expect(refusedOperation({ query: '{ stats { nodes } }' }).operation).toBe('query{stats}');
  });

  it('falls back to the claimed operation name, shortened, when the query does not parse', () => {
    expect(refusedOperation({ query: '{ stats', operationName: 'N'.repeat(500) }).operation).toBe('N'.repeat(100));
  });

  it('says "(not parsed)" for bodies that are not GraphQL requests', () => {
    for (const body of [undefined, 'text', 5, { query: 5 }, { query: 'x'.repeat(20_000) }]) {
      expect(refusedOperation(body).operation).toBe('(not parsed)');
    }
  });
});

describe('recordRefusal', () => {
  it('writes the refusal with its outcome, address and code, and no entity', async () => {
    const store = new MemoryAuditStore();
    await recordRefusal(
      { trail: new AuditTrail({ logger: quietLogger, store }), logger: quietLogger },
      { ...refusal, body: { query: '{ stats { nodes } }' } },
    );
    const [record] = await store.queryAudit({ limit: 1 });
    expect(record).toMatchObject({
      user: 'anonymous',
      outcome: 'UNAUTHENTICATED',
      requestId: 'r-1',
      clientAddress: '10.0.0.7',
      entityIds: [],
    });
    expect(JSON.parse(record?.details ?? '{}')).toMatchObject({ errorCodes: ['UNAUTHENTICATED'], httpStatus: 401 });
  });

  it('does not throw when the trail cannot be written: the refusal still goes out', async () => {
    const store = new MemoryAuditStore();
    store.appendAudit = (_records: readonly AuditRecord[]) => Promise.reject(new Error('disk full'));
    await expect(
      recordRefusal({ trail: new AuditTrail({ logger: quietLogger, store }), logger: quietLogger }, refusal),
    ).resolves.toBeUndefined();
  });
});
