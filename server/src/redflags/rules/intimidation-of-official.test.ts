import { describe, expect, it } from 'vitest';
import { CAST, EMPLOYED, flagsOf, type RelLiteral } from '../../../../tests/support/test-graph.ts';

const run = (rels: readonly RelLiteral[]) => flagsOf('intimidation-of-official', CAST, rels);

describe('intimidation-of-official', () => {
  it('flags a threat against an official', () => {
    const flags = run([EMPLOYED, ['dealer', 'THREATENED', 'officer', { at: '2023-02-02', means: 'phone call' }]]);
    expect(flags).toHaveLength(1);
    expect(flags[0]?.summary).toBe(
      'Bastien Quorel allegedly threatened Odile Parvenche (Brigade Nord) on 2023-02-02 (phone call).',
    );
  });

  it("flags a threat against an official's relative, in either FAMILY_OF direction", () => {
    expect(
      run([
        EMPLOYED,
        ['officer', 'FAMILY_OF', 'civilian', {}],
        ['dealer', 'THREATENED', 'civilian', { at: '2023-02-02' }],
      ]),
    ).toHaveLength(1);
    const flags = run([EMPLOYED, ['civilian', 'FAMILY_OF', 'officer', {}], ['dealer', 'THREATENED', 'civilian', {}]]);
    expect(flags[0]?.summary).toContain('a relative of Odile Parvenche');
  });

  it('does not flag a threat against a civilian, or against a former official', () => {
    expect(run([EMPLOYED, ['dealer', 'THREATENED', 'civilian', { at: '2023-02-02' }]])).toEqual([]);
    const ended: RelLiteral = ['officer', 'EMPLOYED_BY', 'agency', { until: '2020-01-01' }];
    expect(run([ended, ['dealer', 'THREATENED', 'officer', { at: '2023-02-02' }]])).toEqual([]);
    expect(
      run([
        ended,
        ['officer', 'FAMILY_OF', 'civilian', {}],
        ['dealer', 'THREATENED', 'civilian', { at: '2023-02-02' }],
      ]),
    ).toEqual([]);
  });
});
