/**
 * Whether a literal fits a property of the model. Dates are ISO strings in the
 * model (either store keeps them as such); date('…') / datetime('…') with a
 * literal ISO argument are accepted and stored as that string.
 */
import type { PropertySpec } from '../model/index.ts';
import { describeLiteral, type Literal } from '../cypher/literals.ts';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?$/;

export const isIsoDate = (value: string): boolean =>
  (ISO_DATE.test(value) || ISO_DATETIME.test(value)) && !Number.isNaN(Date.parse(value.slice(0, 10)));

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
      return literal.kind === 'integer' || literal.kind === 'float'
        ? undefined
        : `expects a number, got ${describeLiteral(literal)}`;
    case 'boolean':
      return literal.kind === 'boolean' ? undefined : `expects true or false, got ${describeLiteral(literal)}`;
    case 'date':
      if ((literal.kind === 'string' || literal.kind === 'temporal') && isIsoDate(literal.value)) return undefined;
      return `expects an ISO date such as '2024-03-22' or '2024-03-22T10:15:00Z' (or date('2024-03-22')), got ${describeLiteral(literal)}`;
  }
}
