/**
 * What an expression of an import statement gives, as far as the statement itself says:
 * Kùzu binds types before running and refuses what Neo4j converts (`'a' + 1`,
 * "Cannot match a built-in function +(STRING,INT64)"), and its to_string writes doubles
 * as "%f" does. Knowing a side is a number or a string lets the translation say what
 * Neo4j does. Known: literals, names bound to one by `WITH 2.0 AS x`, UNWIND row keys whose every row holds one kind, model
 * properties of a variable of known label or type, the allowed functions' results and
 * arithmetic on known numbers. Anything else is 'unknown' and left as written.
 */
import { parseLiteral, type Literal } from '../../cypher/literals.ts';
import { parsePatternList } from '../../cypher/patterns.ts';
import type { RowSources } from '../../cypher/rows.ts';
import { findClose, isKeyword, isPunct, nameOf, type Token } from '../../cypher/tokens.ts';
import { isNodeLabel, isRelType, nodeProperties, relProperties } from '../../model/index.ts';

/** 'number': an integer or a float, which one not known (`x / 10` with x unknown). */
export type ValueType = 'string' | 'integer' | 'float' | 'number' | 'boolean' | 'list' | 'null' | 'unknown';

const RESULTS: Readonly<Record<string, ValueType>> = {
  tostring: 'string',
  tolower: 'string',
  toupper: 'string',
  trim: 'string',
  type: 'string',
  date: 'string',
  datetime: 'string',
  localdatetime: 'string',
  tointeger: 'integer',
  size: 'integer',
  count: 'integer',
  tofloat: 'float',
  avg: 'float',
  labels: 'list',
  collect: 'list',
  range: 'list',
};

/** Functions whose result has the type of their (first known) argument. */
const SAME_AS_ARGUMENT = new Set(['coalesce', 'abs', 'min', 'max', 'sum']);

const ARITHMETIC = new Set(['+', '-', '*', '/', '%', '^']);
const ADDITIVE = new Set(['+', '-']);
const MULTIPLICATIVE = new Set(['*', '/', '%', '^']);

export type TypeOf = (first: number, last: number) => ValueType;

export function expressionTypes(tokens: readonly Token[], rows: RowSources): TypeOf {
  const properties = propertyTypes(tokens);
  const bound = boundLiterals(tokens);
  const typeOf = (first: number, last: number): ValueType => {
    if (first > last) return 'unknown';
    const literal = parseLiteral(tokens, first);
    if (literal !== undefined && literal.lastToken === last) return literalType(literal);
    const head = tokens[first] as Token;
    if (isPunct(head, '(') && findClose(tokens, first) === last) return typeOf(first + 1, last - 1);
    // `+` and `-` bind looser than `*`, `/`, `%` and `^`: terms first, then their factors.
    const terms = splitTopLevel(tokens, { first, last }, ADDITIVE);
    if (terms.length > 1)
      return sumType(
        terms.map(([a, b]) => typeOf(a, b)),
        terms.ops,
      );
    const factors = splitTopLevel(tokens, { first, last }, MULTIPLICATIVE);
    if (factors.length > 1)
      return productType(
        factors.map(([a, b]) => typeOf(a, b)),
        factors.ops,
      );
    const name = nameOf(head);
    if (name === undefined) return 'unknown';
    if (isPunct(tokens[first + 1], '(') && findClose(tokens, first + 1) === last && head.kind === 'word') {
      const fn = name.toLowerCase();
      const known = RESULTS[fn];
      if (known !== undefined) return known;
      if (!SAME_AS_ARGUMENT.has(fn)) return 'unknown';
      for (const [a, b] of splitArguments(tokens, first + 2, last - 1)) {
        const type = typeOf(a, b);
        if (type !== 'unknown' && type !== 'null') return type;
      }
      return 'unknown';
    }
    if (first === last) return bound.get(name) ?? rowType(rows.get(name)?.map((item) => item));
    const key = nameOf(tokens[first + 2]);
    if (last !== first + 2 || !isPunct(tokens[first + 1], '.') || key === undefined) return 'unknown';
    const items = rows.get(name);
    if (items !== undefined) {
      return rowType(
        items.map((item) => (item.kind === 'map' ? item.entries.find((e) => e.key === key)?.value : undefined)),
      );
    }
    return properties.get(name)?.get(key) ?? 'unknown';
  };
  return typeOf;
}

/** `WITH 2.0 AS x` (or `..., 'a' AS y`): the literal's type for the name, unless bound twice. */
function boundLiterals(tokens: readonly Token[]): Map<string, ValueType> {
  const out = new Map<string, ValueType>();
  const twice = new Set<string>();
  for (let i = 0; i < tokens.length; i++) {
    if (!isKeyword(tokens[i], 'WITH') && !isPunct(tokens[i], ',')) continue;
    const literal = parseLiteral(tokens, i + 1);
    if (literal === undefined || !isKeyword(tokens[literal.lastToken + 1], 'AS')) continue;
    const name = nameOf(tokens[literal.lastToken + 2]);
    if (name === undefined) continue;
    if (out.has(name)) twice.add(name);
    out.set(name, literalType(literal));
  }
  for (const name of twice) out.delete(name);
  return out;
}

function literalType(literal: Literal): ValueType {
  switch (literal.kind) {
    case 'string':
    case 'temporal':
      return 'string';
    case 'map':
      return 'unknown';
    default:
      return literal.kind;
  }
}

/** One type for every row's value, or 'unknown' when rows differ (nulls and absent keys aside). */
function rowType(values: ReadonlyArray<Literal | undefined> | undefined): ValueType {
  if (values === undefined) return 'unknown';
  const types = new Set(values.flatMap((v) => (v === undefined || v.kind === 'null' ? [] : [literalType(v)])));
  if (types.size === 2 && types.has('integer') && types.has('float')) return 'float';
  return types.size === 1 ? ([...types][0] as ValueType) : 'unknown';
}

function sumType(types: readonly ValueType[], ops: readonly string[]): ValueType {
  if (types.includes('list')) return 'list';
  if (ops.every((op) => op === '+') && types.includes('string')) return 'string';
  if (types.every((t) => t === 'integer')) return 'integer';
  if (types.every((t) => t === 'integer' || t === 'float' || t === 'number'))
    return types.includes('float') ? 'float' : 'number';
  return 'unknown';
}

/** A product is a number whatever its factors are (a string there is Neo4j's own error). */
function productType(types: readonly ValueType[], ops: readonly string[]): ValueType {
  if (types.includes('list') || types.includes('string')) return 'unknown';
  // Neo4j's `^` is always a float; `/` of two integers is an integer division.
  if (types.includes('float') || ops.includes('^')) return 'float';
  return types.every((t) => t === 'integer') ? 'integer' : 'number';
}

/** The span split at the given operators outside brackets (a `-` after an operator, or first, is a sign). */
function splitTopLevel(
  tokens: readonly Token[],
  span: { first: number; last: number },
  operators: ReadonlySet<string>,
): Array<[number, number]> & { ops: string[] } {
  const { first, last } = span;
  const whole = (): Array<[number, number]> & { ops: string[] } =>
    Object.assign([[first, last]] as Array<[number, number]>, { ops: [] as string[] });
  const parts = Object.assign([] as Array<[number, number]>, { ops: [] as string[] });
  let start = first;
  for (let i = first; i <= last; i++) {
    const t = tokens[i] as Token;
    if (isPunct(t, '(') || isPunct(t, '[') || isPunct(t, '{')) {
      i = findClose(tokens, i);
      if (i < 0) return whole();
      continue;
    }
    const before = tokens[i - 1];
    const afterOperator = before?.kind === 'punct' && ARITHMETIC.has(before.text);
    if (t.kind === 'punct' && operators.has(t.text) && i > start && !afterOperator) {
      parts.push([start, i - 1]);
      parts.ops.push(t.text);
      start = i + 1;
    } else if (t.kind === 'word' && /^(AND|OR|XOR|NOT|IS|IN|CONTAINS|STARTS|ENDS|CASE)$/i.test(t.value)) {
      return whole();
    }
  }
  parts.push([start, last]);
  return parts;
}

function splitArguments(tokens: readonly Token[], first: number, last: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let start = first;
  for (let i = first; i <= last; i++) {
    const t = tokens[i] as Token;
    if (isPunct(t, '(') || isPunct(t, '[') || isPunct(t, '{')) {
      i = findClose(tokens, i);
      if (i < 0) return [];
    } else if (isPunct(t, ',')) {
      out.push([start, i - 1]);
      start = i + 1;
    }
  }
  if (start <= last) out.push([start, last]);
  return out;
}

const MODEL_TYPES: Readonly<Record<string, ValueType>> = {
  string: 'string',
  date: 'string',
  number: 'float',
  boolean: 'boolean',
  'string[]': 'list',
};

/** Per variable of a known label or type: its model properties' types (Kùzu stores numbers as DOUBLE). */
function propertyTypes(tokens: readonly Token[]): Map<string, Map<string, ValueType>> {
  const out = new Map<string, Map<string, ValueType>>();
  const add = (name: string | undefined, specs: Readonly<Record<string, { type: string }>>): void => {
    if (name === undefined || out.has(name)) return;
    out.set(name, new Map(Object.entries(specs).map(([k, s]) => [k, MODEL_TYPES[s.type] ?? 'unknown'])));
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (!isKeyword(t, 'MATCH') && !isKeyword(t, 'CREATE') && !isKeyword(t, 'MERGE')) continue;
    for (const chain of parsePatternList(tokens, i + 1).chains) {
      for (const node of chain.nodes) {
        const label = node.labels[0]?.name;
        if (label !== undefined && isNodeLabel(label)) add(node.variable?.name, nodeProperties(label));
      }
      for (const rel of chain.rels) {
        const type = rel.types[0]?.name;
        if (rel.types.length === 1 && type !== undefined && isRelType(type))
          add(rel.variable?.name, relProperties(type));
      }
    }
  }
  return out;
}
