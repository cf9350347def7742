import { describe, expect, it } from 'vitest';
import { CAST, EMPLOYED, MEMBER, flagsOf, type RelLiteral } from '../../../../tests/support/test-graph.ts';

const tie = (rels: readonly RelLiteral[]) => flagsOf('official-criminal-tie', CAST, rels);

describe('official-criminal-tie', () => {
  it('flags an official associated with a clan member, naming both', () => {
    const [flag, ...rest] = tie([EMPLOYED, MEMBER, ['officer', 'ASSOCIATE_OF', 'dealer', {}]]);
    expect(rest).toEqual([]);
    expect(flag?.summary).toContain('Odile Parvenche');
    expect(flag?.summary).toContain('alleged member of Clan Varosse');
    expect(flag?.nodes.map((n) => n.id).sort()).toEqual(['agency', 'clan', 'dealer', 'officer']);
  });

  it('flags a 2-hop tie through family and through payments, in either direction', () => {
    expect(
      tie([EMPLOYED, MEMBER, ['civilian', 'FAMILY_OF', 'officer', {}], ['dealer', 'FAMILY_OF', 'civilian', {}]]),
    ).toHaveLength(1);
    expect(
      tie([
        EMPLOYED,
        MEMBER,
        ['dealer', 'PAID', 'civilian', { at: '2022-01-01' }],
        ['civilian', 'PAID', 'officer', { at: '2022-02-01' }],
      ]),
    ).toHaveLength(1);
  });

  it('does not reach 3 hops', () => {
    const extra = [['civilian2', 'Person'], ...CAST] as const;
    const rels: RelLiteral[] = [
      EMPLOYED,
      MEMBER,
      ['officer', 'FAMILY_OF', 'civilian', {}],
      ['civilian', 'ASSOCIATE_OF', 'civilian2', {}],
      ['civilian2', 'ASSOCIATE_OF', 'dealer', {}],
    ];
    expect(flagsOf('official-criminal-tie', extra, rels)).toEqual([]);
  });

  it('treats a suspect in a case as a criminal, a witness not', () => {
    const asSuspect = tie([
      EMPLOYED,
      ['officer', 'ASSOCIATE_OF', 'civilian', {}],
      ['civilian', 'SUBJECT_OF', 'case', { status: 'suspect' }],
    ]);
    const asWitness = tie([
      EMPLOYED,
      ['officer', 'ASSOCIATE_OF', 'civilian', {}],
      ['civilian', 'SUBJECT_OF', 'case', { status: 'witness' }],
    ]);
    expect(asSuspect).toHaveLength(1);
    expect(asWitness).toEqual([]);
  });

  it('excludes an official assigned to a case the criminal is subject of', () => {
    const rels: RelLiteral[] = [
      EMPLOYED,
      ['officer', 'ASSOCIATE_OF', 'civilian', {}],
      ['civilian', 'SUBJECT_OF', 'case', { status: 'indicted' }],
      ['officer', 'ASSIGNED_TO', 'case', { since: '2020-01-01' }],
    ];
    expect(tie(rels)).toEqual([]);
  });

  it('does not flag a payment made after the employment ended', () => {
    const ended: RelLiteral = ['officer', 'EMPLOYED_BY', 'agency', { since: '2010-01-01', until: '2019-06-30' }];
    expect(tie([ended, MEMBER, ['dealer', 'PAID', 'officer', { at: '2022-03-01', amount: 500 }]])).toEqual([]);
    const during = tie([
      ended,
      MEMBER,
      ['dealer', 'PAID', 'officer', { at: '2019-03-01', amount: 500, currency: 'EUR' }],
    ]);
    expect(during).toHaveLength(1);
    expect(during[0]?.lastDate).toBe('2019-03-01');
  });

  it('does not count a civilian tied to a criminal', () => {
    expect(tie([MEMBER, ['civilian', 'ASSOCIATE_OF', 'dealer', {}]])).toEqual([]);
  });
});
