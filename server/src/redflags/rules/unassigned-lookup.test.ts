import { describe, expect, it } from 'vitest';
import { CAST, EMPLOYED, flagsOf, type RelLiteral } from '../../../../tests/support/test-graph.ts';

const lookup: RelLiteral = ['officer', 'CONSULTED', 'record', { at: '2023-05-10' }];
const concerns: RelLiteral = ['record', 'CONCERNS', 'dealer', {}];
const subject: RelLiteral = ['dealer', 'SUBJECT_OF', 'case', { status: 'suspect' }];
const unassigned = (rels: readonly RelLiteral[]) => flagsOf('unassigned-lookup', [...CAST, ['case2', 'Case']], rels);

describe('unassigned-lookup', () => {
  it('flags a lookup on a case subject by an official not on the case', () => {
    const flags = unassigned([EMPLOYED, lookup, concerns, subject]);
    expect(flags).toHaveLength(1);
    expect(flags[0]?.summary).toContain('without being assigned');
  });

  it('does not flag an official assigned to the case at the time', () => {
    expect(
      unassigned([
        EMPLOYED,
        lookup,
        concerns,
        subject,
        ['officer', 'ASSIGNED_TO', 'case', { since: '2023-01-01', until: '2023-05-10' }],
      ]),
    ).toEqual([]);
  });

  it('flags a lookup made after the assignment ended or before it began', () => {
    expect(
      unassigned([EMPLOYED, lookup, concerns, subject, ['officer', 'ASSIGNED_TO', 'case', { until: '2023-05-09' }]]),
    ).toHaveLength(1);
    expect(
      unassigned([EMPLOYED, lookup, concerns, subject, ['officer', 'ASSIGNED_TO', 'case', { since: '2023-05-11' }]]),
    ).toHaveLength(1);
  });

  it('accepts an assignment to any of the subject cases', () => {
    const second: RelLiteral = ['dealer', 'SUBJECT_OF', 'case2', { status: 'witness' }];
    expect(unassigned([EMPLOYED, lookup, concerns, subject, second, ['officer', 'ASSIGNED_TO', 'case2', {}]])).toEqual(
      [],
    );
  });

  it('does not flag a lookup on someone who is subject of no case', () => {
    expect(unassigned([EMPLOYED, lookup, concerns])).toEqual([]);
  });
});
