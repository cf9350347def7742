import { describe, expect, it } from 'vitest';
import { CAST, EMPLOYED, MEMBER, flagsOf, type RelLiteral } from '../../../../tests/support/test-graph.ts';

const lookup: RelLiteral = ['officer', 'CONSULTED', 'record', { at: '2023-05-10' }];
const concerns: RelLiteral = ['record', 'CONCERNS', 'dealer', {}];
const paid = (rels: readonly RelLiteral[]) => flagsOf('paid-lookup', CAST, rels);

describe('paid-lookup', () => {
  it('flags a lookup on someone who paid the official, with the amount and dates', () => {
    const flags = paid([
      EMPLOYED,
      lookup,
      concerns,
      ['dealer', 'PAID', 'officer', { at: '2023-05-12', amount: 100, currency: 'EUR', method: 'cash' }],
    ]);
    expect(flags).toHaveLength(1);
    expect(flags[0]?.summary).toContain('EUR 100');
    expect(flags[0]?.summary).toContain('2023-05-10');
    expect(flags[0]).toMatchObject({ severity: 'high', firstDate: '2023-05-10', lastDate: '2023-05-12' });
  });

  it('flags a payment by an organization the subject is a member of', () => {
    const flags = paid([
      EMPLOYED,
      lookup,
      concerns,
      MEMBER,
      ['clan', 'PAID', 'officer', { amount: 50, currency: 'EUR' }],
    ]);
    expect(flags).toHaveLength(1);
    expect(flags[0]?.nodes.map((n) => n.id)).toContain('clan');
  });

  it('does not flag when the payer is someone else', () => {
    expect(paid([EMPLOYED, lookup, concerns, ['civilian', 'PAID', 'officer', { amount: 50 }]])).toEqual([]);
  });

  it('does not flag a lookup made by a former official', () => {
    const ended: RelLiteral = ['officer', 'EMPLOYED_BY', 'agency', { until: '2020-01-01' }];
    expect(paid([ended, lookup, concerns, ['dealer', 'PAID', 'officer', { amount: 50 }]])).toEqual([]);
  });
});
