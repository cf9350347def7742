/**
 * Values written as Cypher literals that Neo4j (cypher-shell) and Maillon's import both read
 * back as the same value: strings double-quoted with backslash escapes (control characters as
 * \uXXXX, every other character as itself, in UTF-8), floats always with a decimal point or an
 * exponent so they stay floats, integers with every digit, temporals through their function.
 */
import type { StoredProperties, StoredValue } from '../store/ports/GraphExport.ts';

const PLAIN_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** A map key or name: as it is when it is a plain identifier, backticked otherwise. */
export const cypherName = (name: string): string =>
  PLAIN_NAME.test(name) ? name : `\`${name.replaceAll('`', '``')}\``;

const SHORT_ESCAPES: Readonly<Record<string, string>> = {
  '\\': '\\\\',
  '"': '\\"',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\b': '\\b',
  '\f': '\\f',
};

const hex4 = (code: number): string => `\\u${code.toString(16).padStart(4, '0')}`;

// Control characters, and surrogates standing alone (UTF-8 cannot carry them: they would be replaced).
// eslint-disable-next-line no-control-regex -- matching control characters is the point: they are escaped.
const NEEDS_ESCAPE = /[\\"\u0000-\u001f\u007f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export const cypherString = (text: string): string =>
  `"${text.replace(NEEDS_ESCAPE, (c) => SHORT_ESCAPES[c] ?? hex4(c.charCodeAt(0)))}"`;

class UnwritableValueError extends Error {}

function cypherFloat(value: number): string {
  if (!Number.isFinite(value)) {
    throw new UnwritableValueError(`${value} has no Cypher literal; Maillon's import could not read it back`);
  }
  if (Object.is(value, -0)) return '-0.0';
  const text = String(value);
  // JS writes 1e+21; Cypher's exponent takes no plus sign. 180 must stay a float: 180.0.
  if (/[.e]/.test(text)) return text.replace('e+', 'e');
  return `${text}.0`;
}

export function cypherValue(value: StoredValue): string {
  if (typeof value === 'string') return cypherString(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'number') return cypherFloat(value);
  if (Array.isArray(value)) return `[${value.map(cypherValue).join(', ')}]`;
  const temporal = value as Exclude<StoredValue, readonly StoredValue[]>;
  if (typeof temporal === 'object') return `${temporal.temporal}(${cypherString(temporal.iso)})`;
  throw new UnwritableValueError(`unexpected value ${String(value)}`);
}

/** Keys in code-unit order, so that the same graph always gives the same file. */
export function cypherMap(properties: StoredProperties): string {
  const keys = Object.keys(properties).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${keys.map((key) => `${cypherName(key)}:${cypherValue(properties[key] as StoredValue)}`).join(', ')}}`;
}
