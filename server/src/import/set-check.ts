/**
 * SET and REMOVE items: `n.key = value`, `n = map`, `n += map` are checked against
 * the model (keys and literal value types, row by row for UNWIND rows); adding or
 * removing labels is refused because a node keeps the one label it was created with.
 */
import { nodeProperties, relProperties, type PropertySpec } from '../model/index.ts';
import { checkValue } from './value-check.ts';
import { resolveValues } from '../cypher/rows.ts';
import { checkResolvedValue, report, unknownProperty, type StatementScope } from './model-scope.ts';
import { itemEnd } from '../cypher/patterns.ts';
import { isKeyword, isPunct, nameOf, type Token } from '../cypher/tokens.ts';

/**
 * A write needs to know what it writes to: the model check cannot judge `b.reliability`
 * or `DETACH DELETE n` when nothing in the statement says what b or n is.
 */
function unlabelledWrite(name: string): string {
  return `${name} has no label or type in this statement, so an import cannot write to it: name it in a pattern, e.g. MATCH (${name}:Person {id: '...'}) or -[${name}:PAID]->.`;
}

/** `DELETE a, b` and `DETACH DELETE n`: each deleted variable must have a label or type. */
function checkDeletes(tokens: readonly Token[], scope: StatementScope, i: number): void {
  let at = i + 1;
  for (;;) {
    const end = itemEnd(tokens, at);
    if (end < at) return;
    const name = nameOf(tokens[at]);
    // After another finding (a lone unlabelled MATCH, say) this one would only repeat it.
    const unknown = name !== undefined && scope.nodes.get(name) === undefined && scope.rels.get(name) === undefined;
    if (name !== undefined && unknown && scope.findings.length === 0) {
      report(scope, tokens[at]?.start ?? 0, unlabelledWrite(name));
    }
    if (!isPunct(tokens[end + 1], ',')) return;
    at = end + 2;
  }
}

export function checkSetAndRemove(tokens: readonly Token[], scope: StatementScope): void {
  for (let i = 0; i < tokens.length; i++) {
    if (isKeyword(tokens[i], 'DELETE')) checkDeletes(tokens, scope, i);
    const setting = isKeyword(tokens[i], 'SET');
    if (!setting && !isKeyword(tokens[i], 'REMOVE')) continue;
    let at = i + 1;
    for (;;) {
      const end = itemEnd(tokens, at);
      if (end < at) break;
      checkItem({ tokens, scope, first: at, last: end, setting });
      if (!isPunct(tokens[end + 1], ',')) break;
      at = end + 2;
    }
  }
}

function checkItem(input: {
  tokens: readonly Token[];
  scope: StatementScope;
  first: number;
  last: number;
  setting: boolean;
}): void {
  const { tokens, scope, first, last, setting } = input;
  const name = nameOf(tokens[first]);
  if (name === undefined) return;
  const op = tokens[first + 1];
  if (isPunct(op, ':')) {
    const verb = setting ? 'add' : 'remove';
    report(scope, op?.start ?? 0, `An import cannot ${verb} labels: a node keeps the one label it is created with.`);
    return;
  }
  const label = scope.nodes.get(name);
  const type = scope.rels.get(name);
  const allowed = label !== undefined ? nodeProperties(label) : type !== undefined ? relProperties(type) : undefined;
  const owner = label ?? type ?? '';
  if (allowed === undefined) {
    if (scope.findings.length === 0) report(scope, tokens[first]?.start ?? 0, unlabelledWrite(name));
    return;
  }
  if (!setting) return;
  if (isPunct(op, '.') && isPunct(tokens[first + 3], '=')) {
    const key = nameOf(tokens[first + 2]) ?? '';
    const spec = allowed[key];
    if (spec !== undefined) {
      checkResolvedValue({ scope, tokens, entry: { key, first: first + 4, last }, spec, owner });
    }
    return;
  }
  if (isPunct(op, '=') || isPunct(op, '+=')) {
    checkWholeMap({ tokens, scope, span: { first: first + 2, last }, allowed, owner });
  }
}

function checkWholeMap(input: {
  tokens: readonly Token[];
  scope: StatementScope;
  span: { first: number; last: number };
  allowed: Readonly<Record<string, PropertySpec>>;
  owner: string;
}): void {
  const { tokens, scope, span, allowed, owner } = input;
  for (const value of resolveValues(tokens, span, scope.rows)) {
    if (value.literal.kind !== 'map') continue;
    const where = value.row === undefined ? '' : ` (row ${value.row} of the UNWIND list)`;
    for (const entry of value.literal.entries) {
      const spec = allowed[entry.key];
      const problem = spec === undefined ? unknownProperty(entry.key, owner, allowed) : checkValue(spec, entry.value);
      if (problem === undefined) continue;
      const message =
        spec === undefined ? problem.replace(/\.$/, `${where}.`) : `${owner}.${entry.key} ${problem}${where}.`;
      report(scope, spec === undefined ? entry.keyOffset : entry.value.offset, message);
    }
  }
}
