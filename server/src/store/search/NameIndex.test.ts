import { describe, expect, it } from 'vitest';
import { NameIndex, type IndexedNode } from './NameIndex.ts';
import { typedText } from './ranking.ts';

const NODES: IndexedNode[] = [
  { id: 'p-herve', label: 'Person', name: 'Hervé Marchal', aliases: ['Mimo'], description: null },
  { id: 'p-djeha', label: 'Person', name: 'Mohamed Djeha', aliases: null, description: null },
  { id: 'p-mimosa', label: 'Person', name: 'Mimosa Dupont', aliases: [], description: null },
  { id: 'o-djeha', label: 'Organization', name: 'Djeha', aliases: null, description: null },
  { id: 'l-marseille', label: 'Location', name: 'Port of Marseille', aliases: ['Marseille-Fos'], description: null },
];

function indexOf(nodes: readonly IndexedNode[] = NODES): NameIndex {
  const index = new NameIndex();
  index.upsert(nodes);
  return index;
}

const find = (index: NameIndex, text: string, limit = 10): string[] =>
  index.search({ ...typedText(text), limit }).map((hit) => hit.id);

describe('NameIndex', () => {
  it('finds a name with a typo: "Djha" and "Djeah" find Djeha, "mimmo" finds Mimo', () => {
    const index = indexOf();
    expect(find(index, 'Djha')).toEqual(['o-djeha', 'p-djeha']);
    expect(find(index, 'Djeah')).toEqual(['o-djeha', 'p-djeha']);
    expect(find(index, 'mimmo')).toEqual(['p-herve']);
    expect(find(index, 'zzzzqq')).toEqual([]);
  });

  it('ranks exact name, exact alias, name prefix, alias prefix, word prefix, then typos', () => {
    const index = indexOf([
      ...NODES,
      { id: 'p-mim', label: 'Person', name: 'Mimo', aliases: null, description: null },
      { id: 'p-typo', label: 'Person', name: 'Mima Vale', aliases: null, description: null },
      { id: 'p-word', label: 'Person', name: 'Ana Mimolette', aliases: null, description: null },
    ]);
    const hits = index.search({ ...typedText('mimo'), limit: 10 });
    expect(hits.map((h) => [h.id, h.score])).toEqual([
      ['p-mim', 1],
      ['p-herve', 0.9],
      ['p-mimosa', 0.8],
      ['p-word', 0.5],
      ['p-typo', 0.3],
    ]);
  });

  it('folds accents and case and matches while the user types', () => {
    const index = indexOf();
    expect(find(index, 'HERVÉ marc')).toEqual(['p-herve']);
    expect(find(index, 'dje')).toEqual(['o-djeha', 'p-djeha']);
    expect(find(index, 'marseille fos')).toEqual(['l-marseille']);
  });

  it('keeps to the labels asked and to the limit', () => {
    const index = indexOf();
    expect(index.search({ ...typedText('djeha'), labels: new Set(['Person']), limit: 10 }).map((h) => h.id)).toEqual([
      'p-djeha',
    ]);
    expect(find(index, 'djeha', 1)).toEqual(['o-djeha']);
  });

  it('follows renames and removals without a rebuild', () => {
    const index = indexOf();
    index.upsert([{ id: 'p-mimosa', label: 'Person', name: 'Zoé Renamed', aliases: ['Zozo'], description: null }]);
    expect(find(index, 'mimosa')).toEqual([]);
    expect(find(index, 'zozo')).toEqual(['p-mimosa']);
    index.remove(['o-djeha']);
    expect(find(index, 'djeha')).toEqual(['p-djeha']);
    expect(index.size).toBe(NODES.length - 1);
  });

  it('stays right after many renames compact its word lists', () => {
    const index = indexOf();
    for (let round = 0; round < 5; round++) {
      index.upsert(NODES.map((node) => ({ ...node, name: `${node.name} r${round}` })));
    }
    expect(find(index, 'mohamed djeha r4')).toEqual(['p-djeha']);
    expect(find(index, 'r3')).toEqual([]);
  });

  it('finds words of a description, below every name and alias match', () => {
    const index = indexOf([
      ...NODES,
      {
        id: 'p-locksmith',
        label: 'Person',
        name: 'Hervé',
        aliases: null,
        description: "A locksmith and police reservist; Le Monde's source.",
      },
      { id: 'p-reserve', label: 'Person', name: 'Reservist Brun', aliases: null, description: null },
    ]);
    expect(index.search({ ...typedText('reservist'), limit: 10 }).map((h) => [h.id, h.score])).toEqual([
      ['p-reserve', 0.8],
      ['p-locksmith', 0.2],
    ]);
    // Words of the name and of the description together; a stop word typed is not asked of the description.
    expect(find(index, 'herve locksm')).toEqual(['p-locksmith']);
    expect(find(index, 'the locksmith')).toEqual(['p-locksmith']);
    expect(find(index, 'monde')).toEqual(['p-locksmith']);
    // No typos in descriptions, and a stop word alone is never looked for in one.
    expect(find(index, 'lcoksmith')).toEqual([]);
    expect(find(index, 'and')).toEqual([]);
  });

  it('follows a description an import changed, without a rebuild', () => {
    const index = indexOf([{ id: 'p-a', label: 'Person', name: 'Ana', aliases: null, description: 'dock foreman' }]);
    expect(find(index, 'foreman')).toEqual(['p-a']);
    index.upsert([{ id: 'p-a', label: 'Person', name: 'Ana', aliases: null, description: 'customs broker' }]);
    expect(find(index, 'foreman')).toEqual([]);
    expect(find(index, 'broker')).toEqual(['p-a']);
  });
});
