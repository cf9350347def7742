import { describe, expect, it } from 'vitest';
import type { AuditRecord } from '../model/records.ts';
import { redactAuditRecords } from './redact.ts';

const record = (seq: number, entityIds: string[], details: object): AuditRecord => ({
  seq,
  at: '2026-01-01T00:00:00.000Z',
  user: 'carol',
  role: 'INVESTIGATOR',
  operation: 'neighbourhood',
  purpose: 'CASE-1',
  entityIds,
  outcome: 'OK',
  requestId: `r${seq}`,
  clientAddress: '::1',
  details: JSON.stringify(details),
  prevHash: '',
  hash: '',
});

const identityRead = record(2, ['informant-heron', 'person-marc', 'person-nadia'], {
  clearedIdentityRead: true,
  identityReads: [{ informant: 'informant-heron', person: 'person-marc' }],
  calls: [{ field: 'paths', arguments: { from: 'informant-heron', to: 'person-marc' } }],
});
const ordinary = record(1, ['person-marc'], { fields: ['entity'] });

describe('redactAuditRecords', () => {
  it('shows everything to a cleared admin', () => {
    expect(redactAuditRecords([identityRead, ordinary], { informantClearance: true })).toEqual([
      identityRead,
      ordinary,
    ]);
  });

  it('hides the identified person from an uncleared admin, in ids, details and filters', () => {
    const [redacted, plain] = redactAuditRecords([identityRead, ordinary], { informantClearance: false });
    expect(redacted?.entityIds).toEqual(['informant-heron', 'person-nadia']);
    expect(redacted?.details).not.toContain('person-marc');
    expect(plain).toEqual(ordinary);
    // Filtering on the person must not reveal that an identity read touched them.
    const filtered = redactAuditRecords([identityRead, ordinary], {
      informantClearance: false,
      entityId: 'person-marc',
    });
    expect(filtered.map((r) => r.seq)).toEqual([1]);
  });
});
