/**
 * toString() of a literal as Neo4j 5 writes it, for the translation to fold: Kùzu's
 * to_string writes doubles as C's "%f" does (1.0 -> "1.000000", 2.5e-7 -> "0.000000")
 * and booleans as "True". Neo4j writes Java's Double.toString: plain digits with at
 * least one decimal between 10^-3 and 10^7 ("1.0", "1234567.0"), computerized
 * scientific notation outside ("2.5E-7", "1.2345678E7", "1.0E20"); measured on 5.26.
 */
import type { Literal } from '../../cypher/literals.ts';
import { renderString } from './kuzu-literal.ts';

export function neo4jToString(literal: Literal): string {
  switch (literal.kind) {
    case 'integer':
    case 'float':
      return renderString(neo4jText(literal));
    case 'boolean':
      return renderString(String(literal.value));
    case 'null':
      return 'CAST(NULL AS STRING)';
    case 'string':
    case 'temporal':
      return renderString(literal.value);
    case 'list':
    case 'map':
      throw new Error('toString() of a list or map is not folded');
  }
}

/**
 * toInteger('…') / toFloat('…') of a literal string, as Neo4j gives it: the number the text
 * reads as (toInteger truncating toward zero), or null when it
 * reads as none ('abc', ''), where Kùzu's cast would fail the statement.
 */
export function neo4jNumberOf(text: string, kind: 'integer' | 'float'): string {
  const read = kind === 'float' ? text.trim() : text;
  const value = NUMBER_TEXT.test(read) ? Number(read) : Number.NaN;
  if (!Number.isFinite(value)) return kind === 'integer' ? 'CAST(NULL AS INT64)' : 'CAST(NULL AS DOUBLE)';
  if (kind === 'float') return `to_double(${renderString(String(value))})`;
  const whole = Math.trunc(value);
  return Number.isSafeInteger(whole) ? String(whole) : `to_int64(${renderString(String(whole))})`;
}

/**
 * What Neo4j 5.26 reads as a number (no hex, no NaN, no 'd' suffix). toFloat reads spaces
 * around it, toInteger does not: toFloat(' 2.5 ') is 2.5, toInteger(' 12 ') null (measured).
 */
const NUMBER_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** Neo4j's toString() of a number literal, as plain text. */
export function neo4jText(literal: Extract<Literal, { kind: 'integer' | 'float' }>): string {
  return literal.kind === 'integer' ? String(literal.exact) : javaDouble(literal.value);
}

/**
 * Java's Double.toString (JDK 17, what Neo4j 5.26 runs on): the shortest digits that read back
 * as `x` (what JavaScript finds too), except that Java writes at least two: where one digit is
 * enough, the second is the value's next digit at that exponent, rounded (5e-324 is "4.9E-324",
 * 1e-323 "1.0E-323", 1e300 "1.0E300"; checked against java 17.0.15).
 */
function javaDouble(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (!Number.isFinite(x)) return x > 0 ? 'Infinity' : '-Infinity';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const magnitude = Math.abs(x);
  if (magnitude >= 1e-3 && magnitude < 1e7) {
    const plain = String(x);
    return plain.includes('.') ? plain : `${plain}.0`;
  }
  const [mantissa = '', exponent = ''] = x.toExponential().split('e');
  const digits = mantissa.includes('.') ? mantissa : twoDigits(magnitude, Number(exponent), x < 0);
  return `${digits}E${exponent.replace(/^\+/, '')}`;
}

/** `magnitude` written with two digits at decimal exponent `exponent` ("4.9", "1.0"). */
function twoDigits(magnitude: number, exponent: number, negative: boolean): string {
  // The exact digits (toExponential rounds correctly), at the value's own exponent.
  const [digits = '', own = ''] = magnitude.toExponential(16).split('e');
  const scaled = Number(digits) * 10 ** (Number(own) - exponent + 1);
  const rounded = Math.round(scaled);
  return `${negative ? '-' : ''}${Math.floor(rounded / 10)}.${rounded % 10}`;
}
