/**
 * toString() of a number an UNWIND row holds (`toString(row.kg)`, `'kg ' + row.kg`): the row
 * is a literal, so Neo4j's text for each value is known before the statement runs, and is
 * written into the row under a key of its own. Java's digits computed in Kùzu (java-double.ts)
 * are off at the ends of the range (1.7976931348623157E308, 4.9E-324), and a list that also
 * holds floats would make 10 read "10.0"; the text computed here is exact for every value.
 */
import type { Literal } from '../../cypher/literals.ts';
import type { RowSources } from '../../cypher/rows.ts';
import { isPunct, nameOf, type Token } from '../../cypher/tokens.ts';
import { neo4jText } from './neo4j-to-string.ts';

/** Per row list (by identity) the text key of each number key whose text the statement reads. */
export type RowTexts = ReadonlyMap<readonly Literal[], ReadonlyMap<string, string>>;

export function rowTexts(tokens: readonly Token[], rows: RowSources): RowTexts {
  const texts = new Map<readonly Literal[], Map<string, string>>();
  for (let i = 0; i + 2 < tokens.length; i++) {
    const items = rows.get(nameOf(tokens[i]) ?? '');
    const key = nameOf(tokens[i + 2]);
    if (items === undefined || key === undefined || !isPunct(tokens[i + 1], '.') || isPunct(tokens[i - 1], '.'))
      continue;
    if (!readAsText(tokens, i, i + 2) || !holdsNumbers(items, key)) continue;
    const keys = texts.get(items) ?? new Map<string, string>();
    texts.set(items, keys);
    if (!keys.has(key)) keys.set(key, textKey(items, key));
  }
  return texts;
}

/** `toString(v.k)` or `v.k` beside a `+` (string-concat.ts decides whether it concatenates). */
function readAsText(tokens: readonly Token[], first: number, last: number): boolean {
  const call = tokens[first - 2];
  const inToString =
    call?.kind === 'word' &&
    call.value.toLowerCase() === 'tostring' &&
    isPunct(tokens[first - 1], '(') &&
    isPunct(tokens[last + 1], ')');
  return inToString || isPunct(tokens[first - 1], '+') || isPunct(tokens[last + 1], '+');
}

const valueAt = (item: Literal, key: string): Literal | undefined =>
  item.kind === 'map' ? item.entries.find((e) => e.key === key)?.value : undefined;

function holdsNumbers(items: readonly Literal[], key: string): boolean {
  const values = items.map((item) => valueAt(item, key)).filter((v) => v !== undefined && v.kind !== 'null');
  return values.length > 0 && values.every((v) => v?.kind === 'integer' || v?.kind === 'float');
}

function textKey(items: readonly Literal[], key: string): string {
  const taken = new Set(items.flatMap((item) => (item.kind === 'map' ? item.entries.map((e) => e.key) : [])));
  let name = `maillon_text_${key}`;
  while (taken.has(name)) name = `_${name}`;
  return name;
}

/** The key holding the text of `v.k` at tokens first..last, if the rows carry one. */
export function rowTextKey(input: {
  tokens: readonly Token[];
  rows: RowSources;
  texts: RowTexts;
  first: number;
  last: number;
}): string | undefined {
  const { tokens, rows, texts, first, last } = input;
  if (last !== first + 2 || !isPunct(tokens[first + 1], '.')) return undefined;
  const items = rows.get(nameOf(tokens[first]) ?? '');
  const key = nameOf(tokens[last]);
  return items === undefined || key === undefined ? undefined : texts.get(items)?.get(key);
}

/** The list with each map given the texts of its numbers (null where the row holds none); `keys` from rowTexts. */
export function withTexts(list: Literal, keys: ReadonlyMap<string, string> | undefined): Literal {
  if (list.kind !== 'list' || keys === undefined) return list;
  const items = list.items.map((item): Literal => {
    if (item.kind !== 'map') return item;
    const span = { firstToken: item.firstToken, lastToken: item.firstToken, offset: item.offset };
    const added = [...keys].map(([key, text]) => {
      const value = valueAt(item, key);
      const number = value?.kind === 'integer' || value?.kind === 'float' ? value : undefined;
      return {
        key: text,
        keyOffset: item.offset,
        value:
          number === undefined
            ? { ...span, kind: 'null' as const }
            : { ...span, kind: 'string' as const, value: neo4jText(number) },
      };
    });
    return { ...item, entries: [...item.entries, ...added] };
  });
  return { ...list, items };
}
