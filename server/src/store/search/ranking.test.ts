import { describe, expect, it } from 'vitest';
import { Random } from '../../generator/random.ts';
import { familyName, personName } from '../../generator/names.ts';
import { NameIndex, type IndexedNode } from './NameIndex.ts';
import { compareRanked, foldTexts, rankOf, typedText, withinOneEdit } from './ranking.ts';

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

/** A description of a few words, some that Lucene keeps whole ("monde's", "l'enquête") and some it drops ("the"). */
const DESCRIPTION_WORDS = ['police', 'reservist', 'the', "Le Monde's", 'dock', 'foreman', "l'enquête", 'of', 'Barard'];
function someDescription(rng: Random): string {
  return Array.from({ length: 4 }, () => rng.pick(DESCRIPTION_WORDS)).join(' ');
}

describe('the index ranks as rankOf does (what the Neo4j store applies to its candidates)', () => {
  it('gives the same hits in the same order as ranking every node one by one', () => {
    const rng = new Random(11);
    const nodes: IndexedNode[] = Array.from({ length: 3000 }, (_, i) => ({
      id: `p-${i}`,
      label: i % 7 === 0 ? 'Organization' : 'Person',
      name: personName(rng),
      aliases: rng.chance(0.2) ? [familyName(rng)] : null,
      description: rng.chance(0.3) ? someDescription(rng) : null,
    }));
    const index = new NameIndex();
    index.upsert(nodes);
    const typed = ['m', 'mar', 'cor', 'al barard', 'barrard', 'kelete', 'ros ga', nodes[5]?.name ?? '', 'zz'];
    const described = ['reserv', 'dock fore', 'monde', 'the police', 'barard reservist', "l'enquete", 'enquete', 'in'];
    for (const text of [...typed, ...described]) {
      const words = typedText(text);
      const expected = nodes
        .flatMap((node) => {
          const rank = rankOf(words, foldTexts(node));
          return rank ? [{ ...rank, id: node.id }] : [];
        })
        .sort(compareRanked)
        .slice(0, 25)
        .map((hit) => [hit.id, hit.score]);
      expect(
        index.search({ ...words, limit: 25 }).map((hit) => [hit.id, hit.score]),
        text,
      ).toEqual(expected);
    }
  });
});
