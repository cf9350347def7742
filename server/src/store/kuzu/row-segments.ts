/**
 * An UNWIND list whose rows give one key values of kinds Kùzu cannot hold in one list
 * (`{x: 1}` then `{x: 'a'}`, a number then a list, a map then a string): Neo4j takes it,
 * Kùzu refuses the whole list ("Implicit cast is not supported"), since a list there has
 * one type (kuzu-literal.ts merges what it can: absent keys, nulls, integers among floats).
 * A statement that treats each row on its own (no aggregation, ordering or paging after the
 * UNWIND) means the same run once per stretch of consecutive rows of one shape, in order,
 * so it is run that way; any other statement is refused with the row that differs, rather
 * than answered with Kùzu's error about types it never wrote.
 * Integers among floats fit one list as floats, which is what a number property stores
 * anyway; but where the statement computes with the value (`toString(row.kg)`, `row.kg / 4`,
 * `'kg ' + x`) Neo4j keeps each value's own type ("10", not "10.0"), so such rows are run
 * in stretches of one number type too.
 */
import { parseLiteral, type Literal } from '../../cypher/literals.ts';
import { isKeyword, isPunct, nameOf, tokenize, type Token } from '../../cypher/tokens.ts';
import { mergeShapes, shapeOf, type Shape } from './kuzu-literal.ts';

export type RowSegments =
  | { readonly kind: 'whole'; readonly tokens: readonly Token[] }
  | { readonly kind: 'segments'; readonly statements: readonly string[] }
  | { readonly kind: 'refused'; readonly message: string; readonly offset: number };

/** Reads across the rows: after any of these, a row's result depends on the other rows. */
const ACROSS_ROWS_FUNCTIONS = new Set(['count', 'collect', 'sum', 'min', 'max', 'avg']);
const ACROSS_ROWS_KEYWORDS = ['DISTINCT', 'ORDER', 'SKIP', 'LIMIT', 'UNION'];

export function rowSegments(cypher: string): RowSegments {
  const tokens = tokenize(cypher);
  const list = leadingRows(tokens);
  if (list === undefined || list.items.length < 2) return { kind: 'whole', tokens };
  const { runs, clash } = shapeRuns(list.items, observed(tokens, list.variable));
  if (runs.length === 1) return { kind: 'whole', tokens };
  if (combinesRows(tokens)) {
    // Integers among floats: one list still holds them (as floats), as it did before.
    if (clash === undefined) return { kind: 'whole', tokens };
    return {
      kind: 'refused',
      offset: clash.offset,
      message:
        `Row ${list.items.indexOf(clash) + 1} of the UNWIND list gives a key a value of another kind than the rows ` +
        'before it (a string, a number, a list, a map), and the statement combines rows (count, collect, ORDER BY, ' +
        'LIMIT, DISTINCT, ...): the embedded store holds one kind per key in such a list. Give the key one kind in ' +
        'every row, or split the statement.',
    };
  }
  const open = tokens[list.firstToken] as Token;
  const close = tokens[list.lastToken] as Token;
  const textOf = (item: Literal): string =>
    cypher.slice((tokens[item.firstToken] as Token).start, (tokens[item.lastToken] as Token).end);
  return {
    kind: 'segments',
    statements: runs.map(
      (run) => `${cypher.slice(0, open.start)}[${run.map(textOf).join(', ')}]${cypher.slice(close.end)}`,
    ),
  };
}

type RowList = Extract<Literal, { kind: 'list' }> & { readonly variable: string };

/** `UNWIND [...] AS row` or `WITH [...] AS rows UNWIND rows AS row`, opening the statement. */
function leadingRows(tokens: readonly Token[]): RowList | undefined {
  if (!isKeyword(tokens[0], 'UNWIND') && !isKeyword(tokens[0], 'WITH')) return undefined;
  const list = parseLiteral(tokens, 1);
  if (list?.kind !== 'list' || !isKeyword(tokens[list.lastToken + 1], 'AS')) return undefined;
  const name = nameOf(tokens[list.lastToken + 2]);
  if (name === undefined) return undefined;
  if (isKeyword(tokens[0], 'UNWIND')) return { ...list, variable: name };
  const next = list.lastToken + 3;
  const variable = nameOf(tokens[next + 3]);
  const unwound = isKeyword(tokens[next], 'UNWIND') && nameOf(tokens[next + 1]) === name;
  return unwound && isKeyword(tokens[next + 2], 'AS') && variable !== undefined ? { ...list, variable } : undefined;
}

/** Which row values the statement computes with: every key ('row'), some keys, or none. */
type Observed = { readonly whole: boolean; readonly keys: ReadonlySet<string> };

/** Around a value that is only stored or compared (where 10 and 10.0 behave alike). */
const BEFORE_STORED = new Set([':', '=', '<>', '<', '>', '<=', '>=', '+=']);
const AFTER_STORED = new Set([',', '}', '=', '<>', '<', '>', '<=', '>=', ';']);

function observed(tokens: readonly Token[], variable: string): Observed {
  const keys = new Set<string>();
  let whole = false;
  const stored = (first: number, last: number): boolean => {
    const before = tokens[first - 1];
    const after = tokens[last + 1];
    const ends = after === undefined || (after.kind === 'punct' ? AFTER_STORED.has(after.text) : after.kind === 'word');
    return before?.kind === 'punct' && BEFORE_STORED.has(before.text) && ends;
  };
  tokens.forEach((token, i) => {
    if (nameOf(token) !== variable || isPunct(tokens[i - 1], '.') || isKeyword(tokens[i - 1], 'AS')) return;
    const key = isPunct(tokens[i + 1], '.') ? nameOf(tokens[i + 2]) : undefined;
    if (key !== undefined) {
      if (!stored(i, i + 2)) keys.add(key);
    } else if (!stored(i, i)) whole = true;
  });
  return { whole, keys };
}

/** 'integer' or 'float' for each number the statement computes with, in one row. */
function numberTypes(item: Literal, seen: Observed): Map<string, 'integer' | 'float'> {
  const types = new Map<string, 'integer' | 'float'>();
  const note = (key: string, value: Literal): void => {
    if (value.kind === 'integer' || value.kind === 'float') types.set(key, value.kind);
  };
  if (item.kind !== 'map') {
    if (seen.whole) note('', item);
    return types;
  }
  for (const entry of item.entries) if (seen.whole || seen.keys.has(entry.key)) note(entry.key, entry.value);
  return types;
}

/**
 * Consecutive rows whose shapes Kùzu can hold in one list, and whose observed numbers keep
 * their type; `clash`, the first row that no list could hold with the rows before it.
 */
function shapeRuns(items: readonly Literal[], seen: Observed): { runs: Literal[][]; clash?: Literal } {
  const runs: Literal[][] = [];
  let clash: Literal | undefined;
  let shape: Shape | undefined;
  const numbers = new Map<string, 'integer' | 'float'>();
  for (const item of items) {
    const merged = shape === undefined ? undefined : mergeShapes(shape, shapeOf(item));
    if (shape !== undefined && merged === undefined) clash ??= item;
    const own = numberTypes(item, seen);
    const flips = [...own].some(([key, type]) => (numbers.get(key) ?? type) !== type);
    const run = runs[runs.length - 1];
    if (merged === undefined || flips || run === undefined) {
      runs.push([item]);
      shape = shapeOf(item);
      numbers.clear();
    } else {
      run.push(item);
      shape = merged;
    }
    for (const [key, type] of own) numbers.set(key, type);
  }
  return clash === undefined ? { runs } : { runs, clash };
}

function combinesRows(tokens: readonly Token[]): boolean {
  return tokens.some(
    (t, i) =>
      ACROSS_ROWS_KEYWORDS.some((k) => isKeyword(t, k)) ||
      (t.kind === 'word' && ACROSS_ROWS_FUNCTIONS.has(t.value.toLowerCase()) && isPunct(tokens[i + 1], '(')),
  );
}
