/**
 * `+` on lists, as Neo4j reads it: `p.aliases + 'x'` appends, `'x' + p.aliases` prepends,
 * `p.aliases + ['x', 'y']` concatenates, and a null on either side gives null. Kùzu's `+`
 * knows numbers and strings only ("Cannot match a built-in function +(STRING[],STRING)"),
 * so a chain `a + b + c` in which a list takes part becomes list_append / list_prepend /
 * list_concat, left to right as Neo4j evaluates it (Kùzu's list_append(l, NULL) is NULL too).
 * A side is known to be a list when it is a list literal, a list property of the model on a
 * variable of known label or type, or a key every UNWIND row holds as a list. Chains next to
 * an operator that binds tighter (`*`, `[i]`, a call) are left as written.
 */
import { parseLiteral } from '../../cypher/literals.ts';
import { parsePatternList } from '../../cypher/patterns.ts';
import type { RowSources } from '../../cypher/rows.ts';
import { isKeyword, isPunct, nameOf, type Token } from '../../cypher/tokens.ts';
import { isNodeLabel, isRelType, nodeProperties, relProperties } from '../../model/index.ts';
import type { Edit } from '../../cypher/rewrite.ts';

interface Operand {
  readonly first: number;
  readonly last: number;
  readonly list: boolean;
  /** A parenthesised chain `(a + b)`: rendered from its own operands. */
  readonly inner?: readonly Operand[];
}

export interface ListConcatInput {
  readonly tokens: readonly Token[];
  readonly rows: RowSources;
  /** The tokens first..last in Kùzu's dialect (names translated, literals rendered). */
  readonly render: (first: number, last: number) => string;
}

const TIGHTER = new Set(['*', '/', '%', '^', '[', '.', '(']);
const BEFORE_CHAIN = new Set(['+', '-', '*', '/', '%', '^', '.']);

export function listConcatEdits(input: ListConcatInput): Edit[] {
  const { tokens } = input;
  if (!tokens.some((t) => isPunct(t, '+'))) return [];
  const listProperties = listPropertiesOf(tokens);
  const edits: Edit[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const before = tokens[i - 1];
    if (before?.kind === 'punct' && BEFORE_CHAIN.has(before.text)) continue;
    const chain = chainAt(input, listProperties, i);
    if (chain === undefined) {
      // A literal holds no `+` of its own: skip a 1,000-row UNWIND list in one step.
      i = parseLiteral(tokens, i)?.lastToken ?? i;
      continue;
    }
    const last = chain[chain.length - 1] as Operand;
    if (chain.some((o) => o.list)) {
      edits.push({
        start: (tokens[i] as Token).start,
        end: (tokens[last.last] as Token).end,
        text: combine(input, chain),
      });
    }
    i = last.last;
  }
  return edits;
}

/** Operands joined by `+` from token i, or undefined when there is no such chain to judge. */
function chainAt(input: ListConcatInput, listProperties: ListProperties, i: number): Operand[] | undefined {
  const { tokens } = input;
  const chain: Operand[] = [];
  let at = i;
  for (;;) {
    const operand = operandAt(input, listProperties, at);
    if (operand === undefined) return undefined;
    chain.push(operand);
    const next = tokens[operand.last + 1];
    if (next?.kind === 'punct' && TIGHTER.has(next.text)) return undefined;
    if (!isPunct(next, '+')) break;
    at = operand.last + 2;
  }
  return chain.length > 1 ? chain : undefined;
}

function operandAt(input: ListConcatInput, listProperties: ListProperties, i: number): Operand | undefined {
  const { tokens, rows } = input;
  if (isPunct(tokens[i], '(')) {
    // After a name, `(` opens a call's arguments (or a keyword's), not a parenthesised operand.
    if (nameOf(tokens[i - 1]) !== undefined) return undefined;
    const inner = chainAt(input, listProperties, i + 1) ?? single(input, listProperties, i + 1);
    const close = (inner?.[inner.length - 1]?.last ?? -2) + 1;
    if (inner === undefined || !isPunct(tokens[close], ')')) return undefined;
    return { first: i, last: close, list: inner.some((o) => o.list), inner };
  }
  const literal = parseLiteral(tokens, i);
  if (literal !== undefined) return { first: i, last: literal.lastToken, list: literal.kind === 'list' };
  const name = nameOf(tokens[i]);
  if (name === undefined || tokens[i]?.kind === 'string') return undefined;
  if (!isPunct(tokens[i + 1], '.')) return isPunct(tokens[i + 1], '(') ? undefined : { first: i, last: i, list: false };
  const key = nameOf(tokens[i + 2]);
  if (key === undefined) return undefined;
  const rowItems = rows.get(name);
  const rowList =
    rowItems !== undefined &&
    rowItems.length > 0 &&
    rowItems.every((row) => row.kind === 'map' && row.entries.some((e) => e.key === key && e.value.kind === 'list'));
  return { first: i, last: i + 2, list: rowList || (listProperties.get(name)?.has(key) ?? false) };
}

function single(input: ListConcatInput, listProperties: ListProperties, i: number): Operand[] | undefined {
  const operand = operandAt(input, listProperties, i);
  return operand === undefined ? undefined : [operand];
}

const renderOperand = (input: ListConcatInput, operand: Operand): string =>
  operand.inner === undefined ? input.render(operand.first, operand.last) : `(${combine(input, operand.inner)})`;

function combine(input: ListConcatInput, chain: readonly Operand[]): string {
  const [head, ...rest] = chain as [Operand, ...Operand[]];
  let text = renderOperand(input, head);
  let list = head.list;
  for (const operand of rest) {
    const next = renderOperand(input, operand);
    if (list && operand.list) text = `list_concat(${text}, ${next})`;
    else if (list) text = `list_append(${text}, ${next})`;
    else if (operand.list) text = `list_prepend(${next}, ${text})`;
    else text = `(${text} + ${next})`;
    list ||= operand.list;
  }
  return text;
}

/** Per variable of a known label or type: its properties that hold lists in the model. */
type ListProperties = ReadonlyMap<string, ReadonlySet<string>>;

function listPropertiesOf(tokens: readonly Token[]): ListProperties {
  const out = new Map<string, Set<string>>();
  const add = (name: string | undefined, properties: Readonly<Record<string, { type: string }>>): void => {
    if (name === undefined || out.has(name)) return;
    out.set(name, new Set(Object.entries(properties).flatMap(([k, s]) => (s.type === 'string[]' ? [k] : []))));
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
