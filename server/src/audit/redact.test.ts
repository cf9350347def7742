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

const clearedSearch = record(3, ['person-marc'], { fields: ['search'], restricted: true });

describe('redactAuditRecords', () => {
  it('shows everything to a cleared admin', () => {
    expect(redactAuditRecords([identityRead, ordinary], { informantClearance: true })).toEqual([
      { ...identityRead, restricted: true },
      { ...ordinary, restricted: false },
    ]);
  });

  it('shows an uncleared admin a restricted record without ids or details, and no filter matches it', () => {
    const [redacted, search, plain] = redactAuditRecords([identityRead, clearedSearch, ordinary], {
      informantClearance: false,
    });
    expect(redacted).toMatchObject({ user: 'carol', operation: 'neighbourhood', purpose: 'CASE-1', outcome: 'OK' });
    expect(redacted).toMatchObject({ entityIds: [], details: '', restricted: true });
    // Restricted because it was made under clearance, whatever it returned.
    expect(search).toMatchObject({ entityIds: [], details: '', restricted: true });
    expect(plain).toEqual({ ...ordinary, restricted: false });
    const filtered = redactAuditRecords([identityRead, clearedSearch, ordinary], {
      informantClearance: false,
      entityId: 'person-marc',
    });
    expect(filtered.map((r) => r.seq)).toEqual([1]);
  });
});
