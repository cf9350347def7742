/**
 * What each name of a statement is: a variable (and of what kind), a label or
 * relationship type, a property of a node or relationship, or a key of a value
 * (a map, an UNWIND row). Kùzu reads names case-insensitively and reserves words
 * Neo4j does not (`end`, `order`, `desc`, `table`, `all`, `group`, `case`...), so
 * the translation for it renames every variable, quotes every other name, and
 * spells value keys so that `Name` and `name` stay two keys (see encodeKey).
 */
import { isKeyword, isPunct, type Token } from './tokens.ts';

type VariableKind = 'node' | 'relationship' | 'value';

type NameRole =
  | { readonly kind: 'variable'; readonly name: string }
  | { readonly kind: 'label' }
  /** A node's or relationship's property: in a pattern's map or after `n.`. */
  | { readonly kind: 'property' }
  /** A key of a map value or a field of an UNWIND row. */
  | { readonly kind: 'valueKey' };

export interface StatementNames {
  readonly variables: ReadonlyMap<string, VariableKind>;
  /** Role of each name token, by token index. */
  readonly roles: ReadonlyMap<number, NameRole>;
  /** Index of the innermost open bracket around each token (-1 at top level). */
  readonly openers: readonly number[];
}

const PATTERN_STARTERS = new Set(['MATCH', 'CREATE', 'MERGE']);

const isName = (t: Token | undefined): t is Token => t !== undefined && (t.kind === 'word' || t.kind === 'quoted');

export function analyseNames(tokens: readonly Token[]): StatementNames {
  const openers = innermostOpeners(tokens);
  const variables = declaredVariables(tokens, openers);
  const roles = new Map<number, NameRole>();
  for (let i = 0; i < tokens.length; i++) {
    const role = roleOf(tokens, i, { variables, openers });
    if (role !== undefined) roles.set(i, role);
  }
  return { variables, roles, openers };
}

/** Whether the bracket at `open` starts a node or relationship pattern rather than an expression. */
export function isPatternOpen(tokens: readonly Token[], open: number): boolean {
  const t = tokens[open];
  const prev = tokens[open - 1];
  if (isPunct(t, '[')) return isPunct(prev, '-') || isPunct(prev, '<-');
  if (!isPunct(t, '(')) return false;
  if (prev === undefined) return false;
  if (prev.kind === 'word') return PATTERN_STARTERS.has(prev.value.toUpperCase());
  return ['-', '->', '<-', ','].includes(prev.text) || (isPunct(prev, '=') && isName(tokens[open - 2]));
}

/** Whether the `{` at `open` is the property map of a node or relationship pattern. */
export function isPatternMap(tokens: readonly Token[], open: number, openers: readonly number[]): boolean {
  const owner = openers[open] ?? -1;
  return owner >= 0 && isPatternOpen(tokens, owner);
}

/**
 * Spells a key so that Kùzu, which folds case, keeps keys of different case apart:
 * `_` becomes `__` and an upper-case letter `_` and its lower case (`Name` -> `_name`).
 * One-to-one, and the same for every statement (prepared statements are shared).
 */
export function encodeKey(key: string): string {
  let out = '';
  for (const c of key) {
    const lower = c.toLowerCase();
    if (c === '_') out += '__';
    else if (lower !== c) out += `_${lower}`;
    else out += c;
  }
  return out;
}

function roleOf(
  tokens: readonly Token[],
  i: number,
  names: { variables: ReadonlyMap<string, VariableKind>; openers: readonly number[] },
): NameRole | undefined {
  const t = tokens[i];
  if (!isName(t)) return undefined;
  const prev = tokens[i - 1];
  if (isPunct(prev, '$')) return undefined;
  if (isPunct(prev, '.'))
    return { kind: ownerKind(tokens, i - 1, names.variables) === 'value' ? 'valueKey' : 'property' };
  if (isMapKey(tokens, i, names.openers)) {
    return { kind: isPatternMap(tokens, names.openers[i] ?? -1, names.openers) ? 'property' : 'valueKey' };
  }
  if (isPunct(prev, ':') && !isMapKeyColon(tokens, i - 1, names.openers)) return { kind: 'label' };
  if ((isPunct(prev, '|') || isPunct(prev, '&')) && isLabelContext(tokens, i - 1)) return { kind: 'label' };
  if (isPunct(tokens[i + 1], '(')) return undefined;
  return names.variables.has(t.value) ? { kind: 'variable', name: t.value } : undefined;
}

/** `:A|B` in a pattern, or `n:A|B` in WHERE: the bar separates labels, not a comprehension. */
function isLabelContext(tokens: readonly Token[], bar: number): boolean {
  for (let j = bar - 1; j >= 0 && j > bar - 8; j--) {
    const t = tokens[j] as Token;
    if (isPunct(t, ':')) return true;
    if (!isName(t) && !isPunct(t, '|') && !isPunct(t, '&')) return false;
  }
  return false;
}

function isMapKey(tokens: readonly Token[], i: number, openers: readonly number[]): boolean {
  const prev = tokens[i - 1];
  return (
    isPunct(tokens[i + 1], ':') && (isPunct(prev, '{') || isPunct(prev, ',')) && isPunct(tokens[openers[i] ?? -1], '{')
  );
}

function isMapKeyColon(tokens: readonly Token[], colon: number, openers: readonly number[]): boolean {
  return isMapKey(tokens, colon - 1, openers);
}

/** The kind of what `.key` is read from: the chain's root variable, or a value when it is itself a field. */
function ownerKind(tokens: readonly Token[], dot: number, variables: ReadonlyMap<string, VariableKind>): VariableKind {
  const owner = tokens[dot - 1];
  if (!isName(owner)) return 'node';
  if (isPunct(tokens[dot - 2], '.')) return 'value';
  return variables.get(owner.value) ?? 'node';
}

function innermostOpeners(tokens: readonly Token[]): number[] {
  const openers: number[] = [];
  const stack: number[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (t.kind === 'punct' && (t.text === ')' || t.text === ']' || t.text === '}')) stack.pop();
    openers.push(stack[stack.length - 1] ?? -1);
    if (t.kind === 'punct' && (t.text === '(' || t.text === '[' || t.text === '{')) stack.push(i);
  }
  return openers;
}

/** Names bound by patterns `(x`, `[x`, paths `p = (`, `AS x` and `x IN` of comprehensions. */
function declaredVariables(tokens: readonly Token[], openers: readonly number[]): Map<string, VariableKind> {
  const kinds = new Map<string, VariableKind>();
  const declare = (name: string, kind: VariableKind): void => {
    if (!kinds.has(name)) kinds.set(name, kind);
  };
  for (let i = 1; i < tokens.length; i++) {
    const t = tokens[i];
    if (!isName(t)) continue;
    const prev = tokens[i - 1];
    const next = tokens[i + 1];
    const opener = openers[i] ?? -1;
    if (opener === i - 1 && isPatternOpen(tokens, opener)) {
      const inNode = isPunct(prev, '(');
      const ends = inNode ? [':', ')', '{'] : [':', ']', '{', '*'];
      if (next !== undefined && next.kind === 'punct' && ends.includes(next.text)) {
        declare(t.value, inNode ? 'node' : 'relationship');
      }
    } else if (isKeyword(prev, 'AS')) {
      declare(t.value, aliasKind(tokens, i - 1, kinds));
    } else if (isPunct(next, '=') && isPunct(tokens[i + 2], '(') && isPatternOpen(tokens, i + 2)) {
      declare(t.value, 'value');
    } else if (isKeyword(next, 'IN') && (isPunct(prev, '[') || isPunct(prev, '('))) {
      declare(t.value, 'value');
    }
  }
  return kinds;
}

/** `WITH n AS m` keeps a node a node; any other expression gives a value. */
function aliasKind(tokens: readonly Token[], as: number, kinds: ReadonlyMap<string, VariableKind>): VariableKind {
  const source = tokens[as - 1];
  const before = tokens[as - 2];
  const simple = isName(source) && (isPunct(before, ',') || isKeyword(before, 'WITH') || isKeyword(before, 'DISTINCT'));
  return simple ? (kinds.get(source.value) ?? 'value') : 'value';
}
