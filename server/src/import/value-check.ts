/**
 * Whether a literal fits a property of the model. Dates are ISO strings in the
 * model (either store keeps them as such); date('…') / datetime('…') with a
 * literal argument are accepted where Neo4j accepts them and stored as the string
 * Neo4j's toString() gives (cypher/temporal.ts). Integers past ±2^53 are refused:
 * the embedded store keeps numbers as 64-bit floats, which would round them.
 */
import type { PropertySpec } from '../model/index.ts';
import { describeLiteral, type Literal } from '../cypher/literals.ts';
import { isIsoDateString } from '../cypher/temporal.ts';

/** Returns what is wrong with `literal` as a value of `spec`, or undefined when it fits. */
export function checkValue(spec: PropertySpec, literal: Literal): string | undefined {
  if (literal.kind === 'null') return undefined;
  switch (spec.type) {
    case 'string':
      if (literal.kind !== 'string') return `expects a string, got ${describeLiteral(literal)}`;
      if (spec.values !== undefined && !spec.values.includes(literal.value)) {
        return `expects one of ${spec.values.map((v) => `'${v}'`).join(', ')}, got ${describeLiteral(literal)}`;
      }
      return undefined;
    case 'string[]':
      if (literal.kind !== 'list' || literal.items.some((item) => item.kind !== 'string')) {
        return `expects a list of strings, got ${describeLiteral(literal)}`;
      }
      return undefined;
    case 'number':
      if (literal.kind === 'integer' && !Number.isSafeInteger(literal.value)) return inexactInteger(literal);
      return literal.kind === 'integer' || literal.kind === 'float'
        ? undefined
        : `expects a number, got ${describeLiteral(literal)}`;
    case 'boolean':
      return literal.kind === 'boolean' ? undefined : `expects true or false, got ${describeLiteral(literal)}`;
    case 'date':
      if (literal.kind === 'temporal' && literal.problem !== undefined)
        return `expects a valid date: ${literal.problem}`;
      if (literal.kind === 'temporal' || (literal.kind === 'string' && isIsoDateString(literal.value)))
        return undefined;
      return `expects an ISO date such as '2024-03-22' or '2024-03-22T10:15:00Z' (or date('2024-03-22')), got ${describeLiteral(literal)}`;
  }
}

/**
 * Neo4j keeps 9007199254740993 as a 64-bit integer; the embedded store keeps every number
 * as a 64-bit float, which would store 9007199254740992. Refused on both stores, so that a
 * file gives the same graph on either and no number is ever rounded without a word.
 */
function inexactInteger(literal: Extract<Literal, { kind: 'integer' }>): string {
  return `expects a number that can be stored exactly: ${literal.exact} is past ±9007199254740991 (2^53 - 1), where the embedded store would round it; write it as a string in a string property, or as a float such as ${literal.value.toExponential()} if rounding is acceptable`;
}
