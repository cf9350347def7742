import { describe, expect, it } from 'vitest';
import type { RelationshipKey } from '../traversal/snapshot-reads.ts';
import { coverByEnds } from './relationship-cover.ts';

const person = (id: string) => ({ id, label: 'Person' as const });
const tie = (ref: number, source: string, target: string): RelationshipKey => ({
  ref,
  type: 'ASSOCIATE_OF',
  source: person(source),
  target: person(target),
});
const fewTies = () => 5;

describe('which end each relationship record is read from', () => {
  it("reads a hub's kept ties with one lookup of the hub, not one per person tied to it (issue 13)", () => {
    const toHub = Array.from({ length: 50 }, (_, i) => tie(i, `p-${i}`, 'p-hub'));
    const lookups = coverByEnds(toHub, (node) => (node.id === 'p-hub' ? 312 : 5));
    expect(lookups.map((l) => [l.node.id, l.rels.length])).toEqual([['p-hub', 50]]);
  });

  it('leaves a node with far more relationships than it keeps to the other ends', () => {
    const toHub = Array.from({ length: 50 }, (_, i) => tie(i, `p-${i}`, 'p-hub'));
    const lookups = coverByEnds(toHub, (node) => (node.id === 'p-hub' ? 100_000 : 5));
    expect(lookups).toHaveLength(50);
    expect(lookups.every((l) => l.node.id !== 'p-hub' && l.rels.length === 1)).toBe(true);
  });

  it('reads every relationship exactly once, from one of its own ends', () => {
    const rels = [tie(1, 'a', 'b'), tie(2, 'b', 'c'), tie(3, 'c', 'a'), tie(4, 'd', 'b'), tie(5, 'e', 'e')];
    const lookups = coverByEnds(rels, fewTies);
    const read = lookups.flatMap((l) => l.rels.map((r) => r.ref)).sort();
    expect(read).toEqual([1, 2, 3, 4, 5]);
    for (const l of lookups) for (const r of l.rels) expect([r.source.id, r.target.id]).toContain(l.node.id);
    // b touches three of them: it is read once for all three.
    expect(lookups[0]?.node.id).toBe('b');
    expect(lookups[0]?.rels).toHaveLength(3);
  });
});
