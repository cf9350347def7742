import { describe, expect, it } from 'vitest';
import { criminalGrounds, employmentsAt } from './roles.ts';
import { CAST, graphOf } from '../../../tests/support/test-graph.ts';

describe('who counts as an official', () => {
  const graph = graphOf(CAST, [['officer', 'EMPLOYED_BY', 'agency', { since: '2015-01-01', until: '2020-12-31' }]]);

  it('is employed when the period covers the date, ends included', () => {
    expect(employmentsAt(graph, 'officer', '2015-01-01')).toHaveLength(1);
    expect(employmentsAt(graph, 'officer', '2020-12-31T23:00:00Z')).toHaveLength(1);
  });

  it('is a former official after the employment ended and not one before it began', () => {
    expect(employmentsAt(graph, 'officer', '2021-01-01')).toHaveLength(0);
    expect(employmentsAt(graph, 'officer', '2014-12-31')).toHaveLength(0);
  });

  it('counts any recorded employment for an undated fact', () => {
    expect(employmentsAt(graph, 'officer', undefined)).toHaveLength(1);
    expect(employmentsAt(graph, 'civilian', undefined)).toHaveLength(0);
  });
});

describe('who counts as a criminal', () => {
  it('is a member of a criminal organization, not of a company', () => {
    const graph = graphOf(CAST, [
      ['dealer', 'MEMBER_OF', 'clan', {}],
      ['civilian', 'MEMBER_OF', 'company', {}],
    ]);
    expect(criminalGrounds(graph, 'dealer').map((r) => r.target)).toEqual(['clan']);
    expect(criminalGrounds(graph, 'civilian')).toEqual([]);
  });

  it('is a suspect, indicted or convicted subject of a case, not a witness or cleared', () => {
    const statuses = ['suspect', 'indicted', 'convicted', 'witness', 'cleared'];
    const graph = graphOf(
      [...CAST, ...statuses.map((s) => [s, 'Person'] as const)],
      statuses.map((status) => [status, 'SUBJECT_OF', 'case', { status }] as const),
    );
    expect(statuses.filter((s) => criminalGrounds(graph, s).length > 0)).toEqual(['suspect', 'indicted', 'convicted']);
  });
});
