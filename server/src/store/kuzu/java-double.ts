/**
 * Java's Double.toString as a Kùzu expression, for toString() of a float known only when
 * the statement runs (`toString(x * 1.0)`, `'kg: ' + row.kg`): Kùzu's to_string writes C's
 * "%f" (1.0 -> "1.000000", 2.5e-7 -> "0.000000"); Neo4j writes "1.0" and "2.5E-7" (see
 * neo4j-to-string.ts for the rules). The shortest digits that read back as the value are
 * found by rounding to 15, 16, then 17 significant digits and keeping the first that reads
 * back (a double never needs more than 17). Kùzu 0.11 has no nested lambdas ("Lambda
 * paramName x cannot found"), so each stage is a list_transform over the one before.
 */

/** `value` is any Kùzu expression of type DOUBLE; it is evaluated once. */
export function javaDoubleExpression(value: string): string {
  // Stage 1: the value and its decimal exponent (log10 can be one off near a power of ten).
  // Kùzu evaluates every branch of a CASE: zero, NaN and infinities are given a stand-in (1.0)
  // for the arithmetic, so that nothing overflows, and written by name in stage 4.
  const a = 'CASE WHEN v = 0 OR v <> v OR abs(v) > 1.7976931348623157e308 THEN 1.0 ELSE abs(v) END';
  const e0 = `floor(log10(${a}))`;
  const exponent = `to_int64(${e0} - CASE WHEN ${a} < pow(10, ${e0}) THEN 1 ELSE 0 END + CASE WHEN ${a} >= pow(10, ${e0} + 1) THEN 1 ELSE 0 END)`;
  const stage1 = `list_transform([to_double(${value})], v -> {v: v, a: ${a}, e: ${exponent}})`;
  // Stage 2: p significant digits as an integer, for p = 15, 16, 17.
  const scaled = (p: number): string => {
    const k = `(${p - 1} - s.e)`;
    // In two factors: 10^k alone overflows for the smallest doubles (k up to 340).
    const half = `to_int64(floor(${k} / 2))`;
    return `round(s.a * pow(10, ${half}) * pow(10, ${k} - ${half}), 0)`;
  };
  const readsBack = (p: number): string => {
    const k = `(${p - 1} - s.e)`;
    // Division by an exact power of ten rounds once, as reading the digits back does.
    return `(CASE WHEN ${k} >= 0 THEN ${scaled(p)} / pow(10, ${k}) ELSE ${scaled(p)} * pow(10, -${k}) END) = s.a`;
  };
  const digits = `to_string(to_int64(CASE WHEN ${readsBack(15)} THEN ${scaled(15)} WHEN ${readsBack(16)} THEN ${scaled(16)} ELSE ${scaled(17)} END))`;
  const width = `CASE WHEN ${readsBack(15)} THEN 15 WHEN ${readsBack(16)} THEN 16 ELSE 17 END`;
  const stage2 = `list_transform(${stage1}, s -> {v: s.v, e: s.e, d: ${digits}, w: ${width}})`;
  // Stage 3: a rounding up to 10^p adds a digit (and one to the exponent); trailing zeros go.
  const stage3 = `list_transform(${stage2}, s -> {v: s.v, e: s.e + CASE WHEN size(s.d) > s.w THEN 1 ELSE 0 END, d: regexp_replace(s.d, '0+$', '')})`;
  // Stage 4: plain between 10^-3 and 10^7, computerized scientific notation outside.
  const n = 'size(s.d)';
  const plain =
    `CASE WHEN s.e >= 0 THEN ` +
    `(CASE WHEN ${n} <= s.e + 1 THEN rpad(s.d, s.e + 1, '0') ELSE substring(s.d, 1, s.e + 1) END) + '.' + ` +
    `(CASE WHEN ${n} > s.e + 1 THEN substring(s.d, s.e + 2, ${n}) ELSE '0' END) ` +
    `ELSE '0.' + repeat('0', -s.e - 1) + s.d END`;
  const scientific = `substring(s.d, 1, 1) + '.' + (CASE WHEN ${n} > 1 THEN substring(s.d, 2, ${n}) ELSE '0' END) + 'E' + to_string(s.e)`;
  const text =
    `CASE WHEN s.v <> s.v THEN 'NaN' WHEN s.v = 0 THEN '0.0' WHEN abs(s.v) > 1.7976931348623157e308 THEN 'Infinity' ` +
    `WHEN abs(s.v) >= 0.001 AND abs(s.v) < 10000000 THEN ${plain} ELSE ${scientific} END`;
  const sign = `CASE WHEN s.v < 0 THEN '-' ELSE '' END`;
  return `list_transform(${stage3}, s -> ${sign} + ${text})[1]`;
}
