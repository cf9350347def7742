import { describe, expect, it } from 'vitest';
import { ErrorCode, MaillonError } from '../errors.ts';
import { evaluateRules } from './evaluate.ts';
import { parseRules } from './find-red-flags.ts';
import { CAST, EMPLOYED, graphOf } from '../../../tests/support/test-graph.ts';
import { RULE_IDS } from './types.ts';

describe('ranking and rule selection', () => {
  it('ranks by severity, then the most recent first, undated last', () => {
    const graph = graphOf(
      [...CAST, ['ship', 'Shipment', { actualKg: 500 }], ['i', 'Informant', { name: 'ORION' }]],
      [
        EMPLOYED,
        ['dealer', 'THREATENED', 'officer', { at: '2024-01-01' }],
        ['agency', 'MONITORED', 'ship', { declaredKg: 100 }],
        ['dealer', 'PAID', 'i', { method: 'drugs', kg: 1, at: '2023-01-01' }],
        ['dealer', 'PAID', 'i', { method: 'drugs', kg: 2, at: '2024-06-01' }],
      ],
    );
    const flags = evaluateRules(graph, [...RULE_IDS]);
    expect(flags.map((f) => [f.severity, f.lastDate])).toEqual([
      ['high', '2024-06-01'],
      ['high', '2023-01-01'],
      ['high', undefined],
      ['medium', '2024-01-01'],
    ]);
  });

  it('refuses unknown rule ids and lists the valid ones', () => {
    expect(() => parseRules(['paid-lookup', 'made-up'])).toThrowError(/made-up.*Valid rules: official-criminal-tie/);
    try {
      parseRules(['nope']);
    } catch (error) {
      expect(error instanceof MaillonError && error.code).toBe(ErrorCode.BAD_USER_INPUT);
    }
    expect(parseRules(undefined)).toEqual([...RULE_IDS]);
  });
});
