/**
 * Renders literals in Kùzu's dialect. Kùzu types a list literal by its first
 * element and refuses lists whose maps differ in keys or value types
 * (`[{id: 'a', name: 'x'}, {id: 'b'}]`, an `amount` of 50 then 75.5, a `null`
 * among numbers, an empty list among string lists), all of which Neo4j accepts.
 * So every map of a list gets the union of keys in one order, numbers of a key
 * that holds any float become floats, and nulls and empty lists carry a type.
 * Strings are re-escaped: Kùzu knows `\\` and `\'` but not `\n` or `\u00e9`.
 */
import type { Literal } from '../../cypher/literals.ts';
import { encodeKey } from '../../cypher/names.ts';

export type Shape =
  | { readonly kind: 'unknown' }
  | { readonly kind: 'scalar'; readonly type: 'STRING' | 'INT64' | 'DOUBLE' | 'BOOLEAN' }
  | { readonly kind: 'list'; readonly item: Shape }
  | { readonly kind: 'map'; readonly keys: ReadonlyMap<string, Shape> };

const UNKNOWN: Shape = { kind: 'unknown' };

export function renderString(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/**
 * Renders a literal so that Kùzu accepts it with the same values Neo4j would store.
 * The keys of a pattern's property map are property names (`keys: 'property'`); every
 * other map is a value, whose keys are spelled by encodeKey so that case is kept.
 */
export function renderLiteral(literal: Literal, keys: 'property' | 'value' = 'value'): string {
  return render(literal, shapeOf(literal), keys === 'property' ? quoteName : valueKey);
}

/** A map value's key as Kùzu reads it. */
export const valueKey = (key: string): string => quoteName(encodeKey(key));

export function shapeOf(literal: Literal): Shape {
  switch (literal.kind) {
    case 'string':
    case 'temporal':
      return { kind: 'scalar', type: 'STRING' };
    case 'integer':
      return { kind: 'scalar', type: 'INT64' };
    case 'float':
      return { kind: 'scalar', type: 'DOUBLE' };
    case 'boolean':
      return { kind: 'scalar', type: 'BOOLEAN' };
    case 'null':
      return UNKNOWN;
    case 'list':
      return { kind: 'list', item: literal.items.map(shapeOf).reduce(merge, UNKNOWN) };
    case 'map':
      return { kind: 'map', keys: new Map(literal.entries.map((e) => [e.key, shapeOf(e.value)])) };
  }
}

/** The shape that holds values of both shapes (a key that is 50 in one row and 75.5 in another is DOUBLE). */
function merge(a: Shape, b: Shape): Shape {
  return combine(a, b, false) ?? a;
}

/**
 * The shape that holds values of both, or undefined where Kùzu holds them in no one list
 * (a string and a number, a list and a map): see row-segments.ts.
 */
export function mergeShapes(a: Shape, b: Shape): Shape | undefined {
  return combine(a, b, true);
}

/** Not strict: where the kinds differ, the first one's is kept (and Kùzu will refuse the list). */
function combine(a: Shape, b: Shape, strict: boolean): Shape | undefined {
  const clash = strict ? undefined : a;
  if (a.kind === 'unknown') return b;
  if (b.kind === 'unknown') return a;
  if (a.kind === 'scalar' && b.kind === 'scalar') {
    if (a.type === b.type) return a;
    const numeric = new Set([a.type, b.type]);
    if (numeric.has('INT64') && numeric.has('DOUBLE') && numeric.size === 2) return { kind: 'scalar', type: 'DOUBLE' };
    return clash;
  }
  if (a.kind === 'list' && b.kind === 'list') {
    const item = combine(a.item, b.item, strict);
    return item === undefined ? undefined : { kind: 'list', item };
  }
  if (a.kind === 'map' && b.kind === 'map') {
    const keys = new Map(a.keys);
    for (const [key, shape] of b.keys) {
      const merged = combine(keys.get(key) ?? UNKNOWN, shape, strict);
      if (merged === undefined) return undefined;
      keys.set(key, merged);
    }
    return { kind: 'map', keys };
  }
  return clash;
}

function typeName(shape: Shape): string {
  switch (shape.kind) {
    case 'unknown':
      return 'STRING';
    case 'scalar':
      return shape.type;
    case 'list':
      return `${typeName(shape.item)}[]`;
    case 'map':
      if (shape.keys.size === 0) return `STRUCT(${EMPTY_MAP_KEY} STRING)`;
      return `STRUCT(${[...shape.keys].map(([k, s]) => `${valueKey(k)} ${typeName(s)}`).join(', ')})`;
  }
}

function render(literal: Literal, shape: Shape, keyName: (key: string) => string = valueKey): string {
  switch (literal.kind) {
    case 'string':
    case 'temporal':
      return renderString(literal.value);
    case 'integer':
      return shape.kind === 'scalar' && shape.type === 'DOUBLE' ? floatText(literal.value) : String(literal.exact);
    case 'float':
      return floatText(literal.value);
    case 'boolean':
      return literal.value ? 'true' : 'false';
    case 'null':
      return shape.kind === 'unknown' || (shape.kind === 'scalar' && shape.type === 'STRING')
        ? 'NULL'
        : `CAST(NULL AS ${typeName(shape)})`;
    case 'list': {
      const item = shape.kind === 'list' ? shape.item : UNKNOWN;
      // Kùzu types a bare [] as INT64[]: say which list it is (strings when nothing tells).
      if (literal.items.length === 0) return `CAST([] AS ${typeName({ kind: 'list', item })})`;
      return `[${literal.items.map((i) => render(i, item)).join(', ')}]`;
    }
    case 'map': {
      // Kùzu has no empty map (`{}` is a syntax error there): a pattern's `{}` says nothing, and
      // an empty map value (`properties: {}`, what APOC writes for a node without properties)
      // gets one null key no statement names (the keys a SET reads come from the statement).
      if (shape.kind !== 'map' || shape.keys.size === 0) return keyName === quoteName ? '' : `{${EMPTY_MAP_KEY}: NULL}`;
      const values = new Map(literal.entries.map((e) => [e.key, e.value]));
      const parts = [...shape.keys].map(([key, keyShape]) => {
        const value = values.get(key);
        const text = value === undefined ? renderNull(keyShape) : render(value, keyShape);
        return `${keyName(key)}: ${text}`;
      });
      return `{${parts.join(', ')}}`;
    }
  }
}

function renderNull(shape: Shape): string {
  return shape.kind === 'unknown' || (shape.kind === 'scalar' && shape.type === 'STRING')
    ? 'NULL'
    : `CAST(NULL AS ${typeName(shape)})`;
}

/**
 * A double as Kùzu reads it back exactly: JavaScript's shortest digits, a decimal point where
 * there is no exponent (`50.0`, or Kùzu types it INT64), and no `+` in an exponent (Kùzu's
 * parser refuses `1e+21`; `1e+21.0` was written here before, which it refuses too); -0.0 keeps its sign.
 */
function floatText(value: number): string {
  if (Object.is(value, -0)) return '-0.0';
  const text = String(value);
  if (text.includes('e')) return text.replace('e+', 'e');
  return Number.isInteger(value) ? `${text}.0` : text;
}

/** The one key of a map value that has none (see render). */
const EMPTY_MAP_KEY = '`maillon_empty`';

/** Every name backticked: no name can then be read as one of Kùzu's keywords. */
export function quoteName(name: string): string {
  return `\`${name.replace(/`/g, '``')}\``;
}
