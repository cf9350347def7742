import { describe, expect, it } from 'vitest';
import { flagsOf, type NodeLiteral } from '../../../../tests/support/test-graph.ts';

const agency: NodeLiteral = ['ofast', 'Agency', { name: 'Ofast Marseille', kind: 'police' }];
const run = (shipment: Record<string, unknown>, monitored: Record<string, unknown>) =>
  flagsOf(
    'shipment-discrepancy',
    [agency, ['ship', 'Shipment', { name: 'Banana containers', ...shipment }]],
    [['ofast', 'MONITORED', 'ship', monitored]],
  );

describe('shipment-discrepancy', () => {
  it('flags 360 kg against 180–200 kg declared as +80 %', () => {
    const [flag] = run({ actualKg: 360 }, { declaredKg: 180, declaredKgMax: 200 });
    expect(flag?.summary).toBe(
      'Ofast Marseille monitored Banana containers, a delivery declared at 180–200 kg; 360 kg arrived (+80 %).',
    );
    expect(flag?.severity).toBe('high');
  });

  it('compares with the top of a declared range', () => {
    expect(run({ actualKg: 215 }, { declaredKg: 180, declaredKgMax: 200 })).toEqual([]);
    expect(run({ actualKg: 221 }, { declaredKg: 180, declaredKgMax: 200 })).toHaveLength(1);
  });

  it('needs more than 10 %: exactly 10 % is not flagged', () => {
    expect(run({ actualKg: 110 }, { declaredKg: 100 })).toEqual([]);
    expect(run({ actualKg: 110.5 }, { declaredKg: 100 })).toHaveLength(1);
  });

  it('uses seizedKg too, and the shipment declaration when the monitoring states none', () => {
    expect(run({ seizedKg: 150 }, { declaredKg: 100 })[0]?.summary).toContain('150 kg were seized');
    expect(run({ actualKg: 150, declaredKg: 100 }, {})).toHaveLength(1);
    expect(run({ actualKg: 150 }, {})).toEqual([]);
  });
});
