/**
 * What people type into the search box, drawn from the dataset's own names: a
 * whole name, its first letters, a given name and the start of the family name,
 * and a family name with two neighbouring letters swapped (one edit).
 */
import { pick, seededRandom } from './stats.ts';

export interface TypedQuery {
  readonly kind: 'name' | 'prefix' | 'words' | 'typo';
  readonly text: string;
}

function swapped(word: string): string | undefined {
  if (word.length < 5) return undefined;
  const at = Math.floor(word.length / 2);
  const typo = word.slice(0, at) + (word[at + 1] ?? '') + (word[at] ?? '') + word.slice(at + 2);
  return typo === word ? undefined : typo;
}

export function typedQueries(names: readonly string[], count: number, seed: number): TypedQuery[] {
  const queries: TypedQuery[] = [];
  for (const name of pick(names, count, seededRandom(seed))) {
    const [given = name, family = ''] = name.split(' ');
    queries.push({ kind: 'name', text: name });
    queries.push({ kind: 'prefix', text: name.slice(0, 3) });
    if (family) queries.push({ kind: 'words', text: `${given} ${family.slice(0, 2)}` });
    const typo = swapped(family);
    if (typo) queries.push({ kind: 'typo', text: typo });
  }
  return queries;
}
