import { describe, expect, it } from 'vitest';
import { Random } from '../../generator/random.ts';
import { familyName, personName } from '../../generator/names.ts';
import { searchTokens } from './fold.ts';
import { NameIndex, type IndexedNode } from './NameIndex.ts';
import { compareRanked, foldNames, rankOf, withinOneEdit } from './ranking.ts';

describe('withinOneEdit', () => {
  it('counts an added, dropped or changed letter, or a swap of neighbours, as one edit', () => {
    expect(withinOneEdit('djha', 'djeha')).toBe(true);
    expect(withinOneEdit('djeah', 'djeha')).toBe(true);
    expect(withinOneEdit('mimmo', 'mimo')).toBe(true);
    expect(withinOneEdit('djexa', 'djeha')).toBe(true);
    expect(withinOneEdit('dhea', 'djeha')).toBe(false);
    expect(withinOneEdit('ejdha', 'djeha')).toBe(false);
  });
});

describe('the index ranks as rankOf does (what the Neo4j store applies to its candidates)', () => {
  it('gives the same hits in the same order as ranking every node one by one', () => {
    const rng = new Random(11);
    const nodes: IndexedNode[] = Array.from({ length: 3000 }, (_, i) => ({
      id: `p-${i}`,
      label: i % 7 === 0 ? 'Organization' : 'Person',
      name: personName(rng),
      aliases: rng.chance(0.2) ? [familyName(rng)] : null,
    }));
    const index = new NameIndex();
    index.upsert(nodes);
    const typed = ['m', 'mar', 'cor', 'al barard', 'barrard', 'kelete', 'ros ga', nodes[5]?.name ?? '', 'zz'];
    for (const text of typed) {
      const words = searchTokens(text);
      const expected = nodes
        .flatMap((node) => {
          const rank = rankOf(words, foldNames(node.name, node.aliases));
          return rank ? [{ ...rank, id: node.id }] : [];
        })
        .sort(compareRanked)
        .slice(0, 25)
        .map((hit) => [hit.id, hit.score]);
      expect(
        index.search({ words, limit: 25 }).map((hit) => [hit.id, hit.score]),
        text,
      ).toEqual(expected);
    }
  });
});
