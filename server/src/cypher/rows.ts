/**
 * Values knowable before running: a literal, or `row.key` where `row` is bound by
 * `UNWIND [ ...literals... ] AS row` in the same statement. The batched files
 * Neo4j users write (`UNWIND [{id: 'p1', ...}, ...] AS row CREATE ...`) are
 * checked row by row this way, so a bad value in row 4,711 is found before the
 * transaction starts and reported at its own line and column.
 */
import { parseLiteral, TEMPORAL_FUNCTIONS, type Literal } from './literals.ts';
import { isKeyword, isPunct, nameOf, type Token } from './tokens.ts';

/** Rows of each `UNWIND <literal list> AS name`, by name. */
export type RowSources = ReadonlyMap<string, readonly Literal[]>;

export interface ResolvedValue {
  readonly literal: Literal;
  /** 1-based row of the UNWIND list it came from, when it came from one. */
  readonly row?: number;
}

export function unwindRows(tokens: readonly Token[]): RowSources {
  const rows = new Map<string, readonly Literal[]>();
  /** `WITH [ ...literals... ] AS rows`, later unwound by name: `UNWIND rows AS row`. */
  const lists = new Map<string, readonly Literal[]>();
  for (let i = 0; i < tokens.length; i++) {
    const unwind = isKeyword(tokens[i], 'UNWIND');
    if (!unwind && !isKeyword(tokens[i], 'WITH')) continue;
    const named = nameOf(tokens[i + 1]);
    const unwound = unwind && named !== undefined ? lists.get(named) : undefined;
    if (unwound !== undefined && isKeyword(tokens[i + 2], 'AS')) {
      const name = nameOf(tokens[i + 3]);
      if (name !== undefined) rows.set(name, unwound);
      continue;
    }
    const list = parseLiteral(tokens, i + 1);
    if (list === undefined || list.kind !== 'list') continue;
    const name = nameOf(tokens[list.lastToken + 2]);
    if (isKeyword(tokens[list.lastToken + 1], 'AS') && name !== undefined)
      (unwind ? rows : lists).set(name, list.items);
    i = list.lastToken;
  }
  return rows;
}

export function resolveValues(
  tokens: readonly Token[],
  span: { first: number; last: number },
  rows: RowSources,
): ResolvedValue[] {
  const { first, last } = span;
  const literal = parseLiteral(tokens, first);
  if (literal !== undefined && literal.lastToken === last) return [{ literal }];
  const head = tokens[first];
  // date(row.x) and friends: the model stores the ISO string itself, so check what is inside.
  if (
    head?.kind === 'word' &&
    TEMPORAL_FUNCTIONS.has(head.value.toLowerCase()) &&
    isPunct(tokens[first + 1], '(') &&
    isPunct(tokens[last], ')')
  ) {
    return resolveValues(tokens, { first: first + 2, last: last - 1 }, rows);
  }
  const name = nameOf(head);
  const items = name === undefined ? undefined : rows.get(name);
  if (items === undefined) return [];
  if (first === last) return items.map((item, i) => ({ literal: item, row: i + 1 }));
  const key = nameOf(tokens[first + 2]);
  if (last !== first + 2 || !isPunct(tokens[first + 1], '.') || key === undefined) return [];
  const values: ResolvedValue[] = [];
  items.forEach((item, i) => {
    if (item.kind !== 'map') return;
    const entry = item.entries.find((e) => e.key === key);
    if (entry !== undefined) values.push({ literal: entry.value, row: i + 1 });
  });
  return values;
}
