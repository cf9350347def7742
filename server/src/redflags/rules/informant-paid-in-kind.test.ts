import { describe, expect, it } from 'vitest';
import { RuleGraph } from '../RuleGraph.ts';
import { evaluateRules } from '../evaluate.ts';
import {
  CAST,
  EMPLOYED,
  flagsOf,
  graphOf,
  type NodeLiteral,
  type RelLiteral,
} from '../../../../tests/support/test-graph.ts';

const nodes: NodeLiteral[] = [...CAST, ['source', 'Informant', { name: 'CASTOR', codename: 'CASTOR' }]];
const run = (rels: readonly RelLiteral[]) => flagsOf('informant-paid-in-kind', nodes, rels);

describe('informant-paid-in-kind', () => {
  it('flags drugs paid to an informant, with the kilos', () => {
    const flags = run([EMPLOYED, ['officer', 'PAID', 'source', { method: 'drugs', kg: 5, at: '2023-06-01' }]]);
    expect(flags).toHaveLength(1);
    expect(flags[0]?.summary).toBe('Odile Parvenche allegedly paid informant CASTOR 5 kg of drugs on 2023-06-01.');
  });

  it('words a payment of unknown kilos without repeating the label', () => {
    const flags = flagsOf(
      'informant-paid-in-kind',
      [...CAST, ['m1', 'Informant', { name: 'Informant M-1' }]],
      [['agency', 'PAID', 'm1', { method: 'drugs' }]],
    );
    expect(flags[0]?.summary).toBe('Brigade Nord allegedly paid Informant M-1 in drugs on an unknown date.');
  });

  it('does not flag a cash payment to an informant, or drugs paid to someone who is no informant', () => {
    expect(run([['officer', 'PAID', 'source', { method: 'cash', amount: 300 }]])).toEqual([]);
    expect(run([['officer', 'PAID', 'civilian', { method: 'drugs', kg: 2 }]])).toEqual([]);
  });

  it('flags drugs paid to the person an informant identifies as, for cleared users', () => {
    const rels: RelLiteral[] = [
      ['officer', 'PAID', 'civilian', { method: 'drugs', kg: 2 }],
      ['source', 'IDENTIFIES_AS', 'civilian'],
    ];
    const flags = run(rels);
    expect(flags).toHaveLength(1);
    expect(flags[0]?.relationships.map((r) => r.type)).toEqual(['PAID', 'IDENTIFIES_AS']);
    expect(flags[0]?.summary).toBe(
      'Odile Parvenche allegedly paid Lucie Tambrel, who is informant CASTOR, 2 kg of drugs on an unknown date.',
    );
  });

  it('without the identity link (uncleared scope) flags only what it can see, revealing nothing', () => {
    const full = graphOf(nodes, [
      ['officer', 'PAID', 'civilian', { method: 'drugs', kg: 2 }],
      ['officer', 'PAID', 'source', { method: 'drugs', kg: 3 }],
      ['source', 'IDENTIFIES_AS', 'civilian'],
    ]);
    const visible = new RuleGraph(
      full.ofType('PAID'),
      nodes.map(([id]) => full.entity(id)).filter((e) => e !== undefined),
    );
    const flags = evaluateRules(visible, ['informant-paid-in-kind']);
    expect(flags).toHaveLength(1);
    expect(flags[0]?.nodes.map((n) => n.id).sort()).toEqual(['officer', 'source']);
    expect(JSON.stringify(flags)).not.toContain('civilian');
  });
});
