/**
 * `+` between a string and a number, as Neo4j reads it: `'kg: ' + row.kg`, `coalesce(x, 0) +
 * 'x'` and `1 + 2 + 'a'` ("3a") concatenate the number's toString(); Kùzu refuses them
 * ("Cannot match a built-in function +(STRING,INT64)"). Each `+` chain is folded left to
 * right as Neo4j evaluates it, and a number meeting a string is wrapped in its conversion:
 * to_string for an integer, Java's Double.toString for a float (java-double.ts). Only
 * insertions are made, so the names and functions inside keep their own translation.
 * Chains in which a side's type is not known from the statement are left as written.
 */
import { findClose, isPunct, type Token } from '../../cypher/tokens.ts';
import type { Edit } from '../../cypher/rewrite.ts';
import type { TypeOf, ValueType } from './expression-type.ts';
import { javaDoubleExpression } from './java-double.ts';

const OPEN = new Set(['(', '[', '{']);
/** What ends an operand: the tokens around an expression (a keyword, `,`, `:`, comparisons, `=`). */
const ENDS = new Set([',', ':', '=', '<>', '<', '>', '<=', '>=', '+=', ')', ']', '}', '|', ';']);

const HOLE = '\u0000';
const [FLOAT_OPEN = '', FLOAT_CLOSE = ''] = javaDoubleExpression(HOLE).split(HOLE);

/** The text around a float or integer expression that gives Neo4j's toString() of it. */
export function toStringWrap(type: ValueType): readonly [string, string] | undefined {
  if (type === 'float') return [FLOAT_OPEN, FLOAT_CLOSE];
  if (type === 'integer') return ['to_string(', ')'];
  return undefined;
}

/** What the chain knows of its operands: their types, and a text computed before running (row-texts.ts). */
export interface OperandReader {
  readonly typeOf: TypeOf;
  /** Kùzu's expression for the operand's Neo4j toString(), where one was computed beforehand. */
  readonly textOf: (first: number, last: number) => string | undefined;
  /**
   * The operand cast to the type its rows hold, where it is an UNWIND row's key: rows sent as a
   * parameter are typed ANY when the statement is prepared, and Kùzu 0.11.3 binds `r.a + r.b`
   * as a string, then refuses `+ r.c` ("+(STRING,ANY)"), as it refuses `'Mr ' + r.name`.
   */
  readonly castOf: (first: number, last: number) => string | undefined;
}

export function stringConcatEdits(tokens: readonly Token[], reader: OperandReader): Edit[] {
  const edits: Edit[] = [];
  const done = new Set<number>();
  for (let i = 0; i < tokens.length; i++) {
    if (!isPunct(tokens[i], '+') || done.has(i)) continue;
    const first = operandStart(tokens, i - 1);
    if (first === undefined) continue;
    const operands: Array<[number, number]> = [[first, i - 1]];
    let at = i;
    while (isPunct(tokens[at], '+')) {
      done.add(at);
      const last = operandEnd(tokens, at + 1);
      if (last < at + 1) break;
      operands.push([at + 1, last]);
      at = last + 1;
    }
    edits.push(...foldChain(tokens, operands, reader));
  }
  return edits;
}

function foldChain(
  tokens: readonly Token[],
  operands: ReadonlyArray<[number, number]>,
  { typeOf, textOf, castOf }: OperandReader,
): Edit[] {
  const edits: Edit[] = [];
  const [head] = operands;
  if (head === undefined) return edits;
  const wrapped = new Set<number>();
  const wrap = (first: number, last: number, type: ValueType): void => {
    const start = (tokens[first] as Token).start;
    const end = (tokens[last] as Token).end;
    const text = textOf(first, last);
    const around = toStringWrap(type);
    if (text !== undefined || around !== undefined) wrapped.add(first);
    if (text !== undefined) edits.push({ start, end, text });
    else if (around !== undefined)
      edits.push({ start, end: start, text: around[0] }, { start: end, end, text: around[1] });
  };
  let type = typeOf(head[0], head[1]);
  let last = head[1];
  for (const [a, b] of operands.slice(1)) {
    const next = typeOf(a, b);
    if (type === 'string' && (next === 'integer' || next === 'float')) wrap(a, b, next);
    else if (next === 'string' && (type === 'integer' || type === 'float')) wrap(head[0], last, type);
    if (type === 'list' || next === 'list') type = 'list';
    else if (type === 'string' || next === 'string') type = 'string';
    else if (type === 'integer' && next === 'integer') type = 'integer';
    else if ((type === 'integer' || type === 'float') && (next === 'integer' || next === 'float')) type = 'float';
    else type = 'unknown';
    last = b;
  }
  for (const [a, b] of operands) {
    const cast = wrapped.has(a) ? undefined : castOf(a, b);
    if (cast !== undefined)
      edits.push({ start: (tokens[a] as Token).start, end: (tokens[b] as Token).end, text: cast });
  }
  return edits;
}

/** Whether token i ends an operand; a word beside a `.` is a name (`row.end`, `end.id`), never a keyword. */
const isEnd = (tokens: readonly Token[], i: number): boolean => {
  const t = tokens[i];
  if (t === undefined) return true;
  if (t.kind === 'punct') return ENDS.has(t.text) || t.text === '+';
  return isClauseWord(t) && !isPunct(tokens[i - 1], '.') && !isPunct(tokens[i + 1], '.');
};

/** Keywords that bound an expression (a name is a word too, but never one of these). */
const isClauseWord = (t: Token): boolean =>
  t.kind === 'word' &&
  /^(AND|OR|XOR|NOT|WHERE|THEN|ELSE|WHEN|END|AS|SET|RETURN|WITH|IN|CONTAINS|STARTS|ENDS|IS|CREATE|MERGE|MATCH|UNWIND|DELETE|REMOVE|ON|CASE|ORDER|BY|SKIP|LIMIT|DISTINCT)$/i.test(
    t.value,
  );

/** First token of the operand that ends at `last`, or undefined when it is not an expression. */
function operandStart(tokens: readonly Token[], last: number): number | undefined {
  let i = last;
  while (i >= 0) {
    const t = tokens[i] as Token;
    if (t.kind === 'punct' && (t.text === ')' || t.text === ']' || t.text === '}')) {
      const open = openerOf(tokens, i);
      if (open < 0) return undefined;
      i = open - 1;
      continue;
    }
    if (isEnd(tokens, i) || (t.kind === 'punct' && OPEN.has(t.text))) break;
    i--;
  }
  return i + 1 <= last ? i + 1 : undefined;
}

function operandEnd(tokens: readonly Token[], first: number): number {
  let i = first;
  while (i < tokens.length) {
    const t = tokens[i] as Token;
    if (t.kind === 'punct' && OPEN.has(t.text)) {
      const close = findClose(tokens, i);
      if (close < 0) return first - 1;
      i = close + 1;
      continue;
    }
    if (isEnd(tokens, i) && !(i === first && t.kind === 'punct' && t.text === '-')) break;
    i++;
  }
  return i - 1;
}

function openerOf(tokens: readonly Token[], close: number): number {
  for (let i = close - 1; i >= 0; i--) {
    const t = tokens[i] as Token;
    if (t.kind === 'punct' && OPEN.has(t.text) && findClose(tokens, i) === close) return i;
  }
  return -1;
}
