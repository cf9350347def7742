import { describe, expect, it } from 'vitest';
import { CAST, EMPLOYED, flagsOf, type NodeLiteral, type RelLiteral } from '../../../../tests/support/test-graph.ts';

const lookupAt = (at: string): RelLiteral => ['officer', 'CONSULTED', 'record', { at }];
const concerns: RelLiteral = ['record', 'CONCERNS', 'dealer', {}];
const involved: RelLiteral = ['dealer', 'INVOLVED_IN', 'event', { role: 'target' }];
const event = (at: string, outcome = 'evaded'): NodeLiteral => [
  'event',
  'Event',
  { name: 'Raid on Les Orgues', kind: 'raid', at, outcome },
];
const run = (lookup: string, eventAt: string, outcome?: string) =>
  flagsOf('lookup-before-escape', [...CAST, event(eventAt, outcome)], [EMPLOYED, lookupAt(lookup), concerns, involved]);

describe('lookup-before-escape', () => {
  it('flags a lookup two days before an escape, stating both dates', () => {
    const flags = run('2024-03-03', '2024-03-05');
    expect(flags).toHaveLength(1);
    expect(flags[0]?.summary).toContain('2 days before');
    expect(flags[0]).toMatchObject({ firstDate: '2024-03-03', lastDate: '2024-03-05' });
  });

  it('includes the 7th day and the same day, excludes the 8th', () => {
    expect(run('2024-03-01', '2024-03-08')).toHaveLength(1);
    expect(run('2024-03-05', '2024-03-05')).toHaveLength(1);
    expect(run('2024-03-01', '2024-03-09')).toEqual([]);
  });

  it('does not flag an escape 20 days later, a lookup after it, or an arrest', () => {
    expect(run('2024-03-01', '2024-03-21')).toEqual([]);
    expect(run('2024-03-06', '2024-03-05')).toEqual([]);
    expect(run('2024-03-03', '2024-03-05', 'arrested')).toEqual([]);
  });

  it('compares exact times when both are known', () => {
    expect(run('2024-03-05T10:00:00Z', '2024-03-05T09:00:00Z')).toEqual([]);
    expect(run('2024-03-05T08:00:00Z', '2024-03-05T09:00:00Z')).toHaveLength(1);
  });
});
