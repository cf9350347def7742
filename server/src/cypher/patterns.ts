/**
 * Reads graph patterns out of a token list: `(v:Label {k: expr})`, relationships
 * `-[r:TYPE {k: expr}]->` and chains of them. Only what the model check needs:
 * variables, labels, types, property entries with the token span of each value,
 * and direction. Anything unusual is left alone (Neo4j's linter judges syntax).
 */
import { findClose, isPunct, nameOf, type Token } from './tokens.ts';

interface Named {
  readonly name: string;
  readonly offset: number;
}

export interface PropertyEntry {
  readonly key: string;
  readonly keyOffset: number;
  /** Token span of the value expression. */
  readonly first: number;
  readonly last: number;
}

export interface NodePattern {
  readonly variable?: Named;
  readonly labels: readonly Named[];
  readonly properties: readonly PropertyEntry[];
  readonly offset: number;
}

export interface RelPattern {
  readonly variable?: Named;
  readonly types: readonly Named[];
  readonly properties: readonly PropertyEntry[];
  readonly direction: 'right' | 'left' | 'both';
  readonly variableLength: boolean;
  /** Most hops of a variable-length pattern; undefined when unbounded (`*`, `*2..`). */
  readonly maxHops?: number;
  readonly offset: number;
}

export interface Chain {
  readonly nodes: readonly NodePattern[];
  /** rels[i] joins nodes[i] and nodes[i + 1]. */
  readonly rels: readonly RelPattern[];
}

/** Parses a comma-separated pattern list starting at `i`; returns the chains and the index after them. */
export function parsePatternList(tokens: readonly Token[], i: number): { chains: Chain[]; next: number } {
  const chains: Chain[] = [];
  for (;;) {
    let at = i;
    if (nameOf(tokens[at]) !== undefined && isPunct(tokens[at + 1], '=')) at += 2;
    const chain = parseChain(tokens, at);
    if (chain === undefined) return { chains, next: i };
    chains.push(chain.chain);
    i = chain.next;
    if (!isPunct(tokens[i], ',')) return { chains, next: i };
    i++;
  }
}

function parseChain(tokens: readonly Token[], i: number): { chain: Chain; next: number } | undefined {
  const first = parseNode(tokens, i);
  if (first === undefined) return undefined;
  const nodes = [first.node];
  const rels: RelPattern[] = [];
  i = first.next;
  for (;;) {
    const rel = parseRel(tokens, i);
    if (rel === undefined) break;
    const node = parseNode(tokens, rel.next);
    if (node === undefined) break;
    rels.push(rel.rel);
    nodes.push(node.node);
    i = node.next;
  }
  return { chain: { nodes, rels }, next: i };
}

function parseNode(tokens: readonly Token[], open: number): { node: NodePattern; next: number } | undefined {
  if (!isPunct(tokens[open], '(')) return undefined;
  const close = findClose(tokens, open);
  if (close < 0) return undefined;
  let i = open + 1;
  const variable = named(tokens[i]);
  if (variable !== undefined) i++;
  const labels: Named[] = [];
  while (isPunct(tokens[i], ':') || isPunct(tokens[i], '&')) {
    const label = named(tokens[i + 1]);
    if (label === undefined) break;
    labels.push(label);
    i += 2;
  }
  const properties = isPunct(tokens[i], '{') ? parseEntries(tokens, i) : [];
  const offset = (tokens[open] as Token).start;
  return { node: { variable, labels, properties, offset }, next: close + 1 };
}

function parseRel(tokens: readonly Token[], i: number): { rel: RelPattern; next: number } | undefined {
  const start = tokens[i];
  if (start === undefined) return undefined;
  const leftArrow = isPunct(start, '<-');
  if (!leftArrow && !isPunct(start, '-')) return undefined;
  let at = i + 1;
  let variable: Named | undefined;
  const types: Named[] = [];
  let properties: PropertyEntry[] = [];
  let variableLength = false;
  let maxHops: number | undefined;
  if (isPunct(tokens[at], '[')) {
    const close = findClose(tokens, at);
    if (close < 0) return undefined;
    let j = at + 1;
    variable = named(tokens[j]);
    if (variable !== undefined) j++;
    if (isPunct(tokens[j], ':')) {
      do {
        const type = named(tokens[j + 1]);
        if (type === undefined) break;
        types.push(type);
        j += 2;
      } while (isPunct(tokens[j], '|') || isPunct(tokens[j], ':'));
    }
    for (let k = j; k < close; k++) {
      if (!isPunct(tokens[k], '*')) continue;
      variableLength = true;
      maxHops = hopsBound(tokens, k, close);
    }
    const brace = tokens.slice(j, close).findIndex((t) => isPunct(t, '{'));
    if (brace >= 0) properties = parseEntries(tokens, j + brace);
    at = close + 1;
  }
  const end = tokens[at];
  const rightArrow = isPunct(end, '->');
  if (!rightArrow && !isPunct(end, '-')) return undefined;
  const direction: RelPattern['direction'] =
    leftArrow && !rightArrow ? 'left' : rightArrow && !leftArrow ? 'right' : 'both';
  const rel = { variable, types, properties, direction, variableLength, offset: start.start };
  return { rel: maxHops === undefined ? rel : { ...rel, maxHops }, next: at + 1 };
}

/** The upper bound written after `*`: `*3`, `*1..3`, `*..3`; undefined for `*` and `*2..`. */
function hopsBound(tokens: readonly Token[], star: number, close: number): number | undefined {
  let text = '';
  for (let k = star + 1; k < close && !isPunct(tokens[k], '{'); k++) text += (tokens[k] as Token).text;
  const bounds = /^(\d*)(?:\.\.(\d*))?$/.exec(text);
  if (bounds === null) return undefined;
  const upper = text.includes('..') ? bounds[2] : bounds[1];
  return upper === undefined || upper === '' ? undefined : Number(upper);
}

/** Entries of a `{key: expr, ...}` map whose values may be any expression. */
function parseEntries(tokens: readonly Token[], open: number): PropertyEntry[] {
  const close = findClose(tokens, open);
  const entries: PropertyEntry[] = [];
  if (close < 0) return entries;
  let i = open + 1;
  while (i < close) {
    const keyToken = tokens[i];
    const key = nameOf(keyToken);
    if (key === undefined || keyToken === undefined || !isPunct(tokens[i + 1], ':')) return entries;
    const first = i + 2;
    const last = expressionEnd(tokens, first, close);
    entries.push({ key, keyOffset: keyToken.start, first, last });
    i = last + 2;
  }
  return entries;
}

/** Last token of the expression starting at `first`, stopping before a top-level `,` or `limit`. */
function expressionEnd(tokens: readonly Token[], first: number, limit: number): number {
  let i = first;
  while (i < limit) {
    const t = tokens[i] as Token;
    if (isPunct(t, ',')) break;
    if (isPunct(t, '(') || isPunct(t, '[') || isPunct(t, '{')) {
      const close = findClose(tokens, i);
      if (close < 0 || close >= limit) return limit - 1;
      i = close + 1;
      continue;
    }
    i++;
  }
  return i - 1;
}

function named(token: Token | undefined): Named | undefined {
  const name = nameOf(token);
  return name === undefined || token === undefined ? undefined : { name, offset: token.start };
}

const CLAUSE_WORDS = new Set(
  'SET RETURN WITH CREATE MERGE MATCH UNWIND ON DELETE DETACH REMOVE WHERE OPTIONAL ORDER SKIP LIMIT'.split(' '),
);

/** Last token of the SET/REMOVE item starting at `first` (before a top-level `,` or the next clause). */
export function itemEnd(tokens: readonly Token[], first: number): number {
  let depth = 0;
  let i = first;
  for (; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (t.kind === 'punct') {
      if (t.text === '(' || t.text === '[' || t.text === '{') depth++;
      else if (t.text === ')' || t.text === ']' || t.text === '}') depth--;
      else if (t.text === ',' && depth === 0) break;
      if (depth < 0) break;
    } else if (depth === 0 && t.kind === 'word' && i > first && CLAUSE_WORDS.has(t.value.toUpperCase())) {
      break;
    }
  }
  return i - 1;
}
