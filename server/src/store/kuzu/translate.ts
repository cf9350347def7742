/**
 * Translates one import statement from the Neo4j dialect (as validated and
 * normalised by server/src/import) into Kùzu's dialect, so that the same file
 * gives the same graph on both stores. Measured differences handled here:
 * - literal lists of maps must be uniform in Kùzu (see kuzu-literal.ts);
 * - strings: Kùzu has no `\n` or `\uXXXX` escapes, so strings are re-escaped;
 * - hex, octal and `1_000` numbers are written in decimal;
 * - labels(n) -> [label(n)], type(r) -> label(r), toFloat/toString -> to_double/to_string;
 * - toInteger truncates as Neo4j's does; toString of a literal is Neo4j's text ("1.0", "2.5E-7"),
 *   of a float known only when it runs too (java-double.ts); toInteger/toFloat of a string that
 *   reads as no number is null, as on Neo4j, where Kùzu's cast fails the statement;
 * - `+` of a string and a number concatenates (string-concat.ts), as on Neo4j;
 * - `+` with a list on either side becomes list_append / list_prepend / list_concat (list-concat.ts);
 * - `SET n = map` / `SET n += map` (not in Kùzu) become one `n.key = value` per key, with
 *   `id` moved into the CREATE pattern (Kùzu cannot SET a primary key);
 * - `REMOVE n.key` (not in Kùzu) becomes `SET n.key = NULL`.
 * With `parameters`, the literal list of an `UNWIND` travels as a parameter where
 * that keeps every value (kuzu-parameter.ts): much faster for batched files.
 * The batched relationship statement (UNWIND rows MATCH (a {id: row.a}), (b {id:
 * row.b}) CREATE ...) stays as written although Kùzu plans it as a cross product
 * (1.6 s per 500 rows among 10,000 people): a COPY from the same rows was 60 times
 * faster and gave the same graph, but after a rolled-back COPY into a relationship
 * table (a dry run, a failed import) Kùzu 0.11.3 segfaults when the database closes.
 */
import { parseLiteral, type Literal } from '../../cypher/literals.ts';
import { itemEnd, parsePatternList, type NodePattern } from '../../cypher/patterns.ts';
import { applyEdits, type Edit } from '../../cypher/rewrite.ts';
import { resolveValues, unwindRows, type RowSources } from '../../cypher/rows.ts';
import { analyseNames, isPatternMap, type StatementNames } from '../../cypher/names.ts';
import { findClose, isKeyword, isPunct, nameOf, tokenize, type Token } from '../../cypher/tokens.ts';
import { nodeProperties, isNodeLabel } from '../../model/index.ts';
import type { KuzuValue } from 'kuzu';
import { quoteName, renderLiteral, renderString, valueKey } from './kuzu-literal.ts';
import { toParameter } from './kuzu-parameter.ts';
import { listConcatEdits } from './list-concat.ts';
import { presenceFlags, withFlags, type PresenceFlags } from './presence-flags.ts';
import { neo4jNumberOf, neo4jToString } from './neo4j-to-string.ts';
import { expressionTypes, type TypeOf, type ValueType } from './expression-type.ts';
import { stringConcatEdits, toStringWrap } from './string-concat.ts';
import { rowTextKey, rowTexts, withTexts, type RowTexts } from './row-texts.ts';

const RENAMED_FUNCTIONS: Readonly<Record<string, string>> = {
  type: 'label',
  tofloat: 'to_double',
  tostring: 'to_string',
};

/**
 * Neo4j's toInteger truncates toward zero (3.9 -> 3, -3.9 -> -3, '3.9' -> 3); Kùzu's to_int64
 * rounds (4, -4) and has no trunc(). The argument is evaluated once, through a one-item
 * list_transform, then truncated as sign(x) * floor(abs(x)).
 */
const TRUNCATE_OPEN = 'list_transform([to_double';
const TRUNCATE_CLOSE = '], maillon_x -> to_int64(sign(maillon_x) * floor(abs(maillon_x))))[1]';

/**
 * Neo4j's toInteger('abc') and toFloat('abc') are null; Kùzu's to_double fails the statement
 * ("Cast failed"). A string argument is passed on only when it reads as a number, null
 * otherwise; Kùzu evaluates every branch of a CASE, so the guard is on the argument, not
 * around the cast. toFloat reads spaces around the number, toInteger does not (Neo4j 5.26:
 * toFloat(' 2.5 ') is 2.5, toInteger(' 12 ') null, measured).
 */
const NUMBER_GUARD_OPEN = 'list_transform([';
const numberGuardClose = (spaces: string): string =>
  `], maillon_s -> CASE WHEN regexp_matches(maillon_s, '^${spaces}[+-]?([0-9]+[.]?[0-9]*|[.][0-9]+)([eE][+-]?[0-9]+)?${spaces}$') THEN maillon_s ELSE NULL END)[1]`;
const INTEGER_GUARD_CLOSE = numberGuardClose('');
const FLOAT_GUARD_CLOSE = numberGuardClose('[[:space:]]*');

export interface KuzuStatement {
  readonly cypher: string;
  /** Empty unless `parameters` was asked for and an UNWIND list could travel as one. */
  readonly params: Record<string, KuzuValue>;
}

export function translateToKuzu(cypher: string): string {
  return translateStatement(cypher, { parameters: false }).cypher;
}

export function translateStatement(
  cypher: string,
  options: {
    parameters: boolean;
    /** The statement's tokens when the caller has them already (their literals are parsed once). */
    tokens?: readonly Token[];
  },
): KuzuStatement {
  const tokens = options.tokens ?? tokenize(cypher);
  const names = analyseNames(tokens);
  const rows = unwindRows(tokens);
  const context: Context = {
    cypher,
    tokens,
    edits: [],
    rows,
    nodes: nodePatterns(tokens),
    names,
    renamed: renamedVariables(names),
    flags: presenceFlags(tokens, rows),
    typeOf: expressionTypes(tokens, rows),
    texts: rowTexts(tokens, rows),
  };
  const params: Record<string, KuzuValue> = {};
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    const name = nameText(context, i);
    if (name !== undefined) {
      replace(context, i, i, name);
    } else if (isPunct(t, '[') || isPunct(t, '{')) {
      const parsed = parseLiteral(tokens, i);
      if (parsed !== undefined) {
        const texts = parsed.kind === 'list' ? context.texts.get(parsed.items) : undefined;
        const literal = withTexts(withFlags(parsed, context.flags), texts);
        const rows = options.parameters && isKeyword(tokens[i - 1], 'UNWIND') ? toParameter(literal) : undefined;
        const keys = isPunct(t, '{') && isPatternMap(tokens, i, names.openers) ? 'property' : 'value';
        if (rows === undefined) replace(context, i, literal.lastToken, renderLiteral(literal, keys));
        else {
          // Import statements carry no parameters of their own (validation refuses them): no clash.
          const name = `maillonRows${Object.keys(params).length + 1}`;
          params[name] = rows;
          replace(context, i, literal.lastToken, `$${name}`);
        }
        i = literal.lastToken;
      }
    } else if (t.kind === 'string') {
      replace(context, i, i, renderString(t.value));
    } else if (t.kind === 'number' && /^0[xo]|_/i.test(t.text)) {
      replace(
        context,
        i,
        i,
        String(parseLiteral(tokens, i)?.kind === 'integer' ? Number(t.text.replace(/_/g, '')) : t.text),
      );
    } else if (t.kind === 'word' && isPunct(tokens[i + 1], '(') && !isPunct(tokens[i - 1], '.')) {
      renameFunction(context, i);
    } else if (isKeyword(t, 'SET')) {
      // Items that are not whole maps still need their strings and functions translated:
      // keep scanning inside; a whole-map rewrite overrides the edits within its span.
      translateSet(context, i);
    } else if (isKeyword(t, 'REMOVE')) {
      translateRemove(context, i);
    }
  }
  context.edits.push(
    ...stringConcatEdits(tokens, {
      typeOf: context.typeOf,
      textOf: (first, last) => rowText(context, first, last),
      castOf: (first, last) => rowKeyCast(context, first, last),
    }),
  );
  context.edits.push(
    ...listConcatEdits({ tokens, rows: context.rows, render: (first, last) => renderOperand(context, first, last) }),
  );
  return { cypher: applyEdits(cypher, context.edits), params };
}

/** One side of a `+` in Kùzu's dialect: a literal rendered, anything else with its names translated. */
function renderOperand(context: Context, first: number, last: number): string {
  const literal = parseLiteral(context.tokens, first);
  if (literal?.lastToken === last)
    return literal.kind === 'string' ? renderString(literal.value) : renderLiteral(literal);
  return renderSpan(context, first, last);
}

interface Context {
  readonly cypher: string;
  readonly tokens: readonly Token[];
  readonly names: StatementNames;
  /** Every variable's name in Kùzu: `_v1`, `_v2`, ... (Kùzu folds case and reserves more words). */
  readonly renamed: ReadonlyMap<string, string>;
  readonly edits: Edit[];
  readonly rows: RowSources;
  readonly flags: PresenceFlags;
  readonly typeOf: TypeOf;
  readonly texts: RowTexts;
  /** Node patterns by variable, from MATCH / CREATE / MERGE clauses. */
  readonly nodes: ReadonlyMap<string, { pattern: NodePattern; created: boolean; close: number }>;
}

function renamedVariables(names: StatementNames): Map<string, string> {
  return new Map([...names.variables.keys()].map((name, i) => [name, `_v${i + 1}`]));
}

/** The token's text in Kùzu when it is a name: variables renamed, every other name quoted. */
function nameText(context: Context, i: number): string | undefined {
  const role = context.names.roles.get(i);
  const token = context.tokens[i] as Token;
  switch (role?.kind) {
    case undefined:
      return undefined;
    case 'variable':
      return context.renamed.get(role.name);
    case 'label':
    case 'property':
      return quoteName(token.value);
    case 'valueKey':
      return valueKey(token.value);
  }
}

/** The tokens first..last as Kùzu will read them (names translated), spacing as written. */
function renderSpan(context: Context, first: number, last: number): string {
  let out = '';
  for (let i = first; i <= last; i++) {
    const token = context.tokens[i] as Token;
    if (i > first) out += context.cypher.slice((context.tokens[i - 1] as Token).end, token.start);
    out += nameText(context, i) ?? token.text;
  }
  return out;
}

/** `row.key`'s Neo4j toString(), computed for each row before running, when the rows carry it. */
function rowText(context: Context, first: number, last: number): string | undefined {
  const { tokens, rows, texts } = context;
  const key = rowTextKey({ tokens, rows, texts, first, last });
  // Cast: a prepared statement run again binds a parameter's field as ANY, and `'kg ' + ANY` is refused.
  return key === undefined ? undefined : `CAST(${renderSpan(context, first, first)}.${valueKey(key)} AS STRING)`;
}

const KUZU_TYPES: Partial<Record<ValueType, string>> = { string: 'STRING', integer: 'INT64', float: 'DOUBLE' };

/** `row.key` cast to the one type its rows hold (see string-concat.ts for why). */
function rowKeyCast(context: Context, first: number, last: number): string | undefined {
  const { tokens } = context;
  const isRowKey =
    last === first + 2 && isPunct(tokens[first + 1], '.') && context.rows.has(nameOf(tokens[first]) ?? '');
  const type = isRowKey ? KUZU_TYPES[context.typeOf(first, last)] : undefined;
  return type === undefined ? undefined : `CAST(${renderSpan(context, first, last)} AS ${type})`;
}

function replace(context: Context, first: number, last: number, text: string): void {
  const { tokens } = context;
  context.edits.push({ start: (tokens[first] as Token).start, end: (tokens[last] as Token).end, text });
}

function renameFunction(context: Context, i: number): void {
  const t = context.tokens[i] as Token;
  const name = t.value.toLowerCase();
  if (name === 'labels') {
    const close = findClose(context.tokens, i + 1);
    if (close < 0) return;
    replace(context, i, i, '[label');
    const end = (context.tokens[close] as Token).end;
    context.edits.push({ start: end, end, text: ']' });
    return;
  }
  if (name === 'tointeger' || name === 'tostring' || name === 'tofloat') {
    const close = findClose(context.tokens, i + 1);
    if (close < 0) return;
    const argument = parseLiteral(context.tokens, i + 2);
    const literal = argument?.lastToken === close - 1 && argument.kind !== 'list' && argument.kind !== 'map';
    if (name === 'tostring' && literal) {
      // Kùzu writes 1.0 as "1.000000" and 2.5e-7 as "0.000000": a literal is converted here, as Neo4j does.
      replace(context, i, close, neo4jToString(argument));
      return;
    }
    if (name !== 'tostring' && literal && argument.kind === 'string') {
      // toInteger('abc') is null on Neo4j, toInteger('3.9') is 3: known now, so written as the value.
      replace(context, i, close, neo4jNumberOf(argument.value, name === 'tointeger' ? 'integer' : 'float'));
      return;
    }
    const type = context.typeOf(i + 2, close - 1);
    const text = name === 'tostring' ? rowText(context, i + 2, close - 1) : undefined;
    if (text !== undefined) {
      replace(context, i, close, text);
      return;
    }
    if (name === 'tostring') {
      // A float known only when the statement runs is written by Java's rules too (java-double.ts).
      const around =
        type === 'float' ? toStringWrap(type) : type === 'boolean' ? ['lower(to_string(', '))'] : undefined;
      if (around === undefined) replace(context, i, i, 'to_string');
      else {
        replace(context, i, i + 1, around[0]);
        replace(context, close, close, around[1]);
      }
      return;
    }
    if (type === 'string') {
      const open = (context.tokens[i + 1] as Token).end;
      const end = (context.tokens[close] as Token).start;
      context.edits.push(
        { start: open, end: open, text: NUMBER_GUARD_OPEN },
        { start: end, end, text: name === 'tointeger' ? INTEGER_GUARD_CLOSE : FLOAT_GUARD_CLOSE },
      );
    }
    if (name === 'tointeger') {
      replace(context, i, i, TRUNCATE_OPEN);
      const end = (context.tokens[close] as Token).end;
      context.edits.push({ start: end, end, text: TRUNCATE_CLOSE });
      return;
    }
  }
  const renamed = RENAMED_FUNCTIONS[name];
  if (renamed !== undefined) replace(context, i, i, renamed);
}

/** Rewrites the whole-map items of one SET clause. */
function translateSet(context: Context, setIndex: number): void {
  const { tokens } = context;
  let at = setIndex + 1;
  for (;;) {
    const end = itemEnd(tokens, at);
    if (end < at) return;
    const variable = nameOf(tokens[at]);
    const op = tokens[at + 1];
    if (variable !== undefined && (isPunct(op, '=') || isPunct(op, '+='))) {
      const expansion = expandWholeMap({
        context,
        variable,
        replaceAll: isPunct(op, '='),
        span: { first: at + 2, last: end },
      });
      if (expansion !== undefined) replace(context, at, end, expansion);
    }
    if (!isPunct(tokens[end + 1], ',')) return;
    at = end + 2;
  }
}

/** `REMOVE a.x, b.y` -> `SET a.x = NULL, b.y = NULL` (label removal was refused by validation). */
function translateRemove(context: Context, removeIndex: number): void {
  const { tokens } = context;
  replace(context, removeIndex, removeIndex, 'SET');
  let at = removeIndex + 1;
  for (;;) {
    const end = itemEnd(tokens, at);
    if (end < at) return;
    const close = (tokens[end] as Token).end;
    context.edits.push({ start: close, end: close, text: ' = NULL' });
    if (!isPunct(tokens[end + 1], ',')) return;
    at = end + 2;
  }
}

function expandWholeMap(input: {
  context: Context;
  variable: string;
  replaceAll: boolean;
  span: { first: number; last: number };
}): string | undefined {
  const { context, variable, replaceAll, span } = input;
  const { tokens } = context;
  const resolved = resolveValues(tokens, span, context.rows).map((v) => v.literal);
  const maps = resolved.filter((l): l is Extract<Literal, { kind: 'map' }> => l.kind === 'map');
  if (maps.length === 0) return undefined;
  const keys = [...new Set(maps.flatMap((m) => m.entries.map((e) => e.key)))];
  const literalMap = maps.length === 1 && maps[0]?.firstToken === span.first ? maps[0] : undefined;
  const source = renderSpan(context, span.first, span.last);
  const rowList = span.first === span.last ? context.rows.get(nameOf(tokens[span.first]) ?? '') : undefined;
  const valueOf = (key: string): string => {
    if (literalMap === undefined) return `${source}.${valueKey(key)}`;
    const entry = literalMap.entries.find((e) => e.key === key);
    return entry === undefined ? 'NULL' : renderLiteral(entry.value);
  };
  const node = context.nodes.get(variable);
  if (node !== undefined && keys.includes('id')) moveIdIntoCreate(context, node, valueOf('id'));
  const v = context.renamed.get(variable) ?? quoteName(variable);
  // A node's id is its primary key in Kùzu (set when created); a relationship's id is a property like any other.
  const isRelationship = context.names.variables.get(variable) === 'relationship';
  const items = keys
    .filter((key) => isRelationship || key !== 'id')
    .map((key) => {
      const value = valueOf(key);
      // Neo4j's `+=` removes a property given as null and keeps one left out. Rows made uniform
      // for Kùzu hold null for both: a flag in each row tells them apart (presence-flags.ts);
      // rows reached through a key (`row.properties`) have none, so a null there keeps the old value.
      const inEveryRow = maps.every((m) => m.entries.some((e) => e.key === key));
      const old = `${v}.${quoteName(key)}`;
      const flag = rowList === undefined ? undefined : context.flags.get(rowList)?.get(key);
      const keep =
        replaceAll || inEveryRow
          ? value
          : flag !== undefined
            ? `CASE WHEN ${source}.${valueKey(flag)} = 1 THEN ${value} ELSE ${old} END`
            : `coalesce(${value}, ${old})`;
      return `${v}.${quoteName(key)} = ${keep}`;
    });
  const label = node?.pattern.labels[0]?.name;
  if (replaceAll && label !== undefined && isNodeLabel(label)) {
    for (const key of Object.keys(nodeProperties(label))) {
      if (key !== 'id' && !keys.includes(key)) items.push(`${v}.${quoteName(key)} = NULL`);
    }
  }
  return items.length > 0 ? items.join(', ') : `${v}.name = ${v}.name`;
}

/** Kùzu needs the primary key when the node is created: `CREATE (n:L) SET n = row` -> `CREATE (n:L {id: row.id})`. */
function moveIdIntoCreate(
  context: Context,
  node: { pattern: NodePattern; created: boolean; close: number },
  id: string,
): void {
  if (!node.created || node.pattern.properties.length > 0) return;
  const close = context.tokens[node.close] as Token;
  if (!isPunct(close, ')')) return;
  context.edits.push({ start: close.start, end: close.start, text: ` {\`id\`: ${id}}` });
}

function nodePatterns(
  tokens: readonly Token[],
): Map<string, { pattern: NodePattern; created: boolean; close: number }> {
  const nodes = new Map<string, { pattern: NodePattern; created: boolean; close: number }>();
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (!isKeyword(t, 'MATCH') && !isKeyword(t, 'CREATE') && !isKeyword(t, 'MERGE')) continue;
    const { chains } = parsePatternList(tokens, i + 1);
    for (const node of chains.flatMap((c) => c.nodes)) {
      const name = node.variable?.name;
      if (name === undefined || nodes.has(name) || node.labels.length === 0) continue;
      const open = tokens.findIndex((tok) => tok.start === node.offset);
      nodes.set(name, { pattern: node, created: isKeyword(t, 'CREATE'), close: findClose(tokens, open) });
    }
  }
  return nodes;
}
