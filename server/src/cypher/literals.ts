/**
 * Literal values written in a statement: strings, numbers, booleans, null, lists,
 * maps, and date('…') / datetime('…') calls with a literal argument. They are what
 * the model check can type-check before anything runs, and what the linter may
 * skip once proven well-formed.
 */
import { nestedTemporalOf, temporalOf, type TemporalFunction, type TemporalResult } from './temporal.ts';
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
    | { readonly kind: 'float'; readonly value: number }
    | {
        readonly kind: 'integer';
        /** The nearest double: exact only within ±2^53 (see `exact`). */
        readonly value: number;
        /** The integer as written, exactly (Neo4j keeps 64 bits; a double does not). */
        readonly exact: bigint;
      }
    | { readonly kind: 'boolean'; readonly value: boolean }
    | { readonly kind: 'null' }
    | {
        readonly kind: 'temporal';
        readonly fn: string;
        /** What Neo4j's toString() gives for the call (see temporal.ts): the ISO string the model stores. */
        readonly value: string;
        /** Why Neo4j refuses the call (February 30, hour 25, ...), when it does. */
        readonly problem?: string;
      }
    | { readonly kind: 'list'; readonly items: readonly Literal[] }
    | { readonly kind: 'map'; readonly entries: readonly MapEntry[] }
  );

interface MapEntry {
  readonly key: string;
  readonly keyOffset: number;
  readonly value: Literal;
}

export const TEMPORAL_FUNCTIONS: ReadonlySet<string> = new Set<TemporalFunction>(['date', 'datetime', 'localdatetime']);

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
  if (isFloat) return { firstToken, lastToken, offset, kind: 'float', value: sign * value };
  const exact = BigInt(sign) * BigInt(clean.startsWith('0o') ? `0o${clean.slice(2)}` : clean);
  return { firstToken, lastToken, offset, kind: 'integer', value: sign * value, exact };
}

/** `fn('…')` or `outer(inner('…'))` with fn one of TEMPORAL_FUNCTIONS: what Neo4j makes of it. */
function temporal(tokens: readonly Token[], i: number): Literal | undefined {
  const fn = temporalName(tokens, i);
  if (fn === undefined) return undefined;
  const arg = tokens[i + 2];
  let result: TemporalResult;
  let lastToken: number;
  if (arg?.kind === 'string' && isPunct(tokens[i + 3], ')')) {
    result = temporalOf(fn, arg.value);
    lastToken = i + 3;
  } else {
    const inner = temporalName(tokens, i + 2);
    const innerArg = tokens[i + 4];
    if (inner === undefined || innerArg?.kind !== 'string') return undefined;
    if (!isPunct(tokens[i + 5], ')') || !isPunct(tokens[i + 6], ')')) return undefined;
    result = nestedTemporalOf(fn, inner, innerArg.value);
    lastToken = i + 6;
  }
  const offset = (tokens[i] as Token).start;
  const base = { firstToken: i, lastToken, offset, kind: 'temporal', fn } as const;
  return 'error' in result ? { ...base, value: '', problem: result.error } : { ...base, value: result.value };
}

function temporalName(tokens: readonly Token[], i: number): TemporalFunction | undefined {
  const t = tokens[i];
  if (t?.kind !== 'word' || !isPunct(tokens[i + 1], '(') || isPunct(tokens[i - 1], '.')) return undefined;
  const fn = t.value.toLowerCase();
  return TEMPORAL_FUNCTIONS.has(fn) ? (fn as TemporalFunction) : undefined;
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
      return literal.problem === undefined ? `${literal.fn}('${literal.value}')` : `${literal.fn}(…)`;
    case 'list':
      return 'a list';
    case 'map':
      return 'a map';
  }
}
