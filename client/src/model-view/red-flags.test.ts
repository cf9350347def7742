import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/errors.ts';
import type { RedFlag } from '../api/types.ts';
import { evidenceIds, flagDates, flagsForRule, redFlagsError, rulesIn, ruleTitle } from './red-flags.ts';

const entity = (id: string) => ({ id, label: 'Person', name: id, properties: {}, sources: [] });
const flag = (rule: string, summary: string, extra: Partial<RedFlag> = {}): RedFlag => ({
  rule,
  severity: 'high',
  summary,
  firstDate: null,
  lastDate: null,
  nodes: [entity('a'), entity('b')],
  relationships: [{ id: 'r1', type: 'PAID', source: 'a', target: 'b', properties: {}, sources: [] }],
  ...extra,
});

const flags = [flag('paid-lookup', 'one'), flag('shipment-discrepancy', 'two'), flag('paid-lookup', 'three')];

describe('red flags in the panel', () => {
  it('lists each rule once, in the order the server ranked the flags', () => {
    expect(rulesIn(flags)).toEqual(['paid-lookup', 'shipment-discrepancy']);
  });

  it('filters by rule and keeps the server order', () => {
    expect(flagsForRule(flags, 'paid-lookup').map((f) => f.summary)).toEqual(['one', 'three']);
    expect(flagsForRule(flags, 'all').map((f) => f.summary)).toEqual(['one', 'two', 'three']);
    expect(flagsForRule(flags, 'unknown')).toEqual([]);
  });

  it('names the evidence: entities then relationships, without repeats', () => {
    const repeated = flag('x', 's', { nodes: [entity('a'), entity('a')] });
    expect(evidenceIds(repeated)).toEqual(['a', 'r1']);
  });

  it('reads rule ids and dates as words', () => {
    expect(ruleTitle('informant-paid-in-kind')).toBe('Informant paid in kind');
    expect(flagDates(flag('x', 's'))).toBe('');
    expect(flagDates(flag('x', 's', { firstDate: '2024-01-02T00:00:00Z', lastDate: '2024-01-02' }))).toBe('2024-01-02');
    expect(flagDates(flag('x', 's', { firstDate: '2024-01-02', lastDate: '2024-03-04' }))).toBe(
      '2024-01-02 – 2024-03-04',
    );
    expect(flagDates(flag('x', 's', { lastDate: '2024-03-04' }))).toBe('2024-03-04');
  });

  it('tells a viewer the investigator role is needed', () => {
    expect(redFlagsError(new ApiError('FORBIDDEN', 'no'))).toBe('Red flags need the investigator role.');
    expect(redFlagsError(new ApiError('NETWORK', ''))).toMatch(/cannot be reached/);
  });
});
