/**
 * Literal values written in a statement: strings, numbers, booleans, null, lists,
 * maps, and date('…') / datetime('…') calls with a literal argument. They are what
 * the model check can type-check before anything runs, and what the linter may
 * skip once proven well-formed.
 */
import { isPunct, nameOf, type Token } from './tokens.ts';

interface Span {
  readonly firstToken: number;
  readonly lastToken: number;
  /** Offset of the first character in the statement text. */
  readonly offset: number;
}

export type Literal = Span &
  (
    | { readonly kind: 'string'; readonly value: string }
    | { readonly kind: 'integer' | 'float'; readonly value: number }
    | { readonly kind: 'boolean'; readonly value: boolean }
    | { readonly kind: 'null' }
    | { readonly kind: 'temporal'; readonly fn: string; readonly value: string }
    | { readonly kind: 'list'; readonly items: readonly Literal[] }
    | { readonly kind: 'map'; readonly entries: readonly MapEntry[] }
  );

interface MapEntry {
  readonly key: string;
  readonly keyOffset: number;
  readonly value: Literal;
}

export const TEMPORAL_FUNCTIONS = new Set(['date', 'datetime', 'localdatetime']);

/**
 * Parses the literal starting at token `i`, or returns undefined if it is not a pure literal.
 * Memoised per token list: the sandbox, the linter's skeleton, the model check and the
 * translation all ask for the same 1,000-row UNWIND list.
 */
export function parseLiteral(tokens: readonly Token[], i: number): Literal | undefined {
  let memo = parsed.get(tokens);
  if (memo === undefined) {
    memo = new Map();
    parsed.set(tokens, memo);
  }
  const known = memo.get(i);
  if (known !== undefined) return known ?? undefined;
  const literal = parse(tokens, i);
  // Only lists and maps are worth remembering; scalars are cheaper to parse again.
  if (literal === undefined || literal.kind === 'list' || literal.kind === 'map') memo.set(i, literal ?? null);
  return literal;
}

const parsed = new WeakMap<readonly Token[], Map<number, Literal | null>>();

function parse(tokens: readonly Token[], i: number): Literal | undefined {
  const t = tokens[i];
  if (t === undefined) return undefined;
  // Plain object literals (no spreads): a 1,000-row list makes tens of thousands of these.
  switch (t.kind) {
    case 'string':
      return { firstToken: i, lastToken: i, offset: t.start, kind: 'string', value: t.value };
    case 'number':
      return number(t.text, i, i, t.start, 1);
    case 'word': {
      const upper = t.value.toUpperCase();
      if (upper === 'TRUE' || upper === 'FALSE') {
        return { firstToken: i, lastToken: i, offset: t.start, kind: 'boolean', value: upper === 'TRUE' };
      }
      if (upper === 'NULL') return { firstToken: i, lastToken: i, offset: t.start, kind: 'null' };
      return temporal(tokens, i);
    }
    case 'punct':
      if (t.text === '-' && tokens[i + 1]?.kind === 'number') {
        return number((tokens[i + 1] as Token).text, i, i + 1, t.start, -1);
      }
      if (t.text === '[') return list(tokens, i);
      if (t.text === '{') return map(tokens, i);
      return undefined;
    default:
      return undefined;
  }
}

function number(
  text: string,
  firstToken: number,
  lastToken: number,
  offset: number,
  sign: 1 | -1,
): Literal | undefined {
  const clean = text.includes('_') ? text.replace(/_/g, '') : text;
  const isFloat = /[.eE]/.test(clean) && !/^0x/i.test(clean);
  const value = isFloat ? Number(clean) : Number(clean.startsWith('0o') ? parseInt(clean.slice(2), 8) : clean);
  if (!Number.isFinite(value)) return undefined;
  return { firstToken, lastToken, offset, kind: isFloat ? 'float' : 'integer', value: sign * value };
}

function temporal(tokens: readonly Token[], i: number): Literal | undefined {
  const fn = (tokens[i] as Token).value.toLowerCase();
  const arg = tokens[i + 2];
  if (!TEMPORAL_FUNCTIONS.has(fn) || !isPunct(tokens[i + 1], '(') || arg?.kind !== 'string') return undefined;
  if (!isPunct(tokens[i + 3], ')')) return undefined;
  return {
    firstToken: i,
    lastToken: i + 3,
    offset: (tokens[i] as Token).start,
    kind: 'temporal',
    fn,
    value: arg.value,
  };
}

function list(tokens: readonly Token[], open: number): Literal | undefined {
  const items: Literal[] = [];
  let i = open + 1;
  if (isPunct(tokens[i], ']')) return listOf(tokens, open, i, items);
  for (;;) {
    const item = parse(tokens, i);
    if (item === undefined) return undefined;
    items.push(item);
    i = item.lastToken + 1;
    if (isPunct(tokens[i], ']')) return listOf(tokens, open, i, items);
    if (!isPunct(tokens[i], ',')) return undefined;
    i++;
  }
}

function listOf(tokens: readonly Token[], open: number, close: number, items: Literal[]): Literal {
  return { firstToken: open, lastToken: close, offset: (tokens[open] as Token).start, kind: 'list', items };
}

function map(tokens: readonly Token[], open: number): Literal | undefined {
  const entries: MapEntry[] = [];
  let i = open + 1;
  const done = (close: number): Literal => ({
    firstToken: open,
    lastToken: close,
    offset: (tokens[open] as Token).start,
    kind: 'map',
    entries,
  });
  if (isPunct(tokens[i], '}')) return done(i);
  for (;;) {
    const keyToken = tokens[i];
    const key = nameOf(keyToken);
    if (key === undefined || keyToken === undefined || !isPunct(tokens[i + 1], ':')) return undefined;
    const value = parse(tokens, i + 2);
    if (value === undefined) return undefined;
    entries.push({ key, keyOffset: keyToken.start, value });
    i = value.lastToken + 1;
    if (isPunct(tokens[i], '}')) return done(i);
    if (!isPunct(tokens[i], ',')) return undefined;
    i++;
  }
}

/** A readable name for a literal's type, for messages. */
export function describeLiteral(literal: Literal): string {
  switch (literal.kind) {
    case 'string':
      return `the string ${JSON.stringify(literal.value)}`;
    case 'integer':
    case 'float':
      return `the number ${literal.value}`;
    case 'boolean':
      return `the boolean ${literal.value}`;
    case 'null':
      return 'null';
    case 'temporal':
      return `${literal.fn}('${literal.value}')`;
    case 'list':
      return 'a list';
    case 'map':
      return 'a map';
  }
}
