/**
 * Java's Double.toString as a Kùzu expression, for toString() of a float known only when
 * the statement runs (`toString(x * 1.0)`, `'kg: ' + row.kg`): Kùzu's to_string writes C's
 * "%f" (1.0 -> "1.000000", 2.5e-7 -> "0.000000"); Neo4j writes "1.0" and "2.5E-7" (see
 * neo4j-to-string.ts for the rules). The shortest digits that read back as the value are
 * found by rounding to 15, 16, then 17 significant digits and keeping the first that reads
 * back (a double never needs more than 17). Kùzu 0.11 has no nested lambdas ("Lambda
 * paramName x cannot found"), so each stage is a list_transform over the one before.
 * 16 and 17 digits are exact for values from about 10^-6 to 10^16 (Dekker's product, stage 2);
 * beyond, the last digit can still be off (1.7976931348623157E308 is written ...158E308).
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
  // Stage 2: p significant digits as an integer, for p = 15, 16, 17. Up to 15 digits the product
  // a * 10^k is below 2^53 and rounds to the right integer. Beyond, it is not even an integer
  // any more (999.9999999999999 gave "999.99999999999984"): while 10^k is exact (0 <= k <= 22),
  // the product is taken exactly as the sum of two doubles (Dekker's product, below) and the
  // digits summed as integers (below 10^17, exact in INT64); further out the rounded product is kept, as before.
  // An integer, not a boolean: `CASE WHEN s.x` of a boolean field fails in Kùzu 0.11.3 (bad_function_call).
  const exact = `CASE WHEN 15 - s.e >= 0 AND 16 - s.e <= 22 THEN 1 ELSE 0 END`;
  const stage1b = `list_transform(${stage1}, s -> {v: s.v, a: s.a, e: s.e, x: ${exact}, u: ${ulp('s.a')}, b16: pow(10, 15 - s.e), b17: pow(10, 16 - s.e)})`;
  const stage1c = `list_transform(${stage1b}, s -> {v: s.v, a: s.a, e: s.e, x: s.x, u: s.u, b16: s.b16, b17: s.b17, ${split('s.a', 'a')}, ${split('s.b16', 'b16')}, ${split('s.b17', 'b17')}})`;
  const stage1d = `list_transform(${stage1c}, s -> {v: s.v, a: s.a, e: s.e, x: s.x, u: s.u, b16: s.b16, b17: s.b17, ${product(16)}, ${product(17)}})`;
  const scaled = (p: number): string => {
    const k = `(${p - 1} - s.e)`;
    // In two factors: 10^k alone overflows for the smallest doubles (k up to 340).
    const half = `to_int64(floor(${k} / 2))`;
    return `round(s.a * pow(10, ${half}) * pow(10, ${k} - ${half}), 0)`;
  };
  const readsBackRounded = (p: number): string => {
    const k = `(${p - 1} - s.e)`;
    // Division by an exact power of ten rounds once, as reading the digits back does.
    return `(CASE WHEN ${k} >= 0 THEN ${scaled(p)} / pow(10, ${k}) ELSE ${scaled(p)} * pow(10, -${k}) END) = s.a`;
  };
  // Exactly: the digits N = floor(h) + round(r), r = (h - floor(h)) + l, read back as a when they
  // are within half of a's ulp (scaled by 10^k) of a * 10^k, that is when |round(r) - r| is.
  const fraction = (p: number): string => `((s.h${p} - floor(s.h${p})) + s.l${p})`;
  const readsBack = (p: 16 | 17): string =>
    `((s.x = 1 AND abs(round(${fraction(p)}, 0) - ${fraction(p)}) < 0.5 * s.u * s.b${p}) OR (s.x = 0 AND ${readsBackRounded(p)}))`;
  const whole = (x: string): string => `to_int64(CASE WHEN s.x = 1 THEN ${x} ELSE 0.0 END)`;
  const exactDigits = (p: 16 | 17): string =>
    `to_string(${whole(`floor(s.h${p})`)} + ${whole(`round(${fraction(p)}, 0)`)})`;
  const digitsOf = (p: 16 | 17): string =>
    `CASE WHEN s.x = 1 THEN ${exactDigits(p)} ELSE to_string(to_int64(${scaled(p)})) END`;
  const digits = `CASE WHEN ${readsBackRounded(15)} THEN to_string(to_int64(${scaled(15)})) WHEN ${readsBack(16)} THEN ${digitsOf(16)} ELSE ${digitsOf(17)} END`;
  const width = `CASE WHEN ${readsBackRounded(15)} THEN 15 WHEN ${readsBack(16)} THEN 16 ELSE 17 END`;
  const stage2 = `list_transform(${stage1d}, s -> {v: s.v, e: s.e, d: ${digits}, w: ${width}})`;
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
  // -0.0 is written "-0.0" (its sign shows in 1 / v); NaN has none, though Kùzu's 0.0 / 0.0 is below 0.
  const sign = `CASE WHEN s.v <> s.v THEN '' WHEN s.v < 0 OR 1.0 / s.v < 0 THEN '-' ELSE '' END`;
  return `list_transform(${stage3}, s -> ${sign} + ${text})[1]`;
}

/** The distance from `a` (positive, finite) to the next double: 2^(floor(log2 a) - 52), log2 corrected by one either way. */
function ulp(a: string): string {
  const e2 = `floor(log2(${a}))`;
  const exponent = `(${e2} - CASE WHEN pow(2, ${e2}) > ${a} THEN 1 ELSE 0 END + CASE WHEN pow(2, ${e2} + 1) <= ${a} THEN 1 ELSE 0 END)`;
  return `pow(2, ${exponent} - 52)`;
}

/** Veltkamp's split of `x` into two halves of 26 bits, each product of two halves exact: fields `<name>h`, `<name>l`. */
function split(x: string, name: string): string {
  const c = `(134217729.0 * ${x})`;
  return `${name}h: ${c} - (${c} - ${x}), ${name}l: ${x} - (${c} - (${c} - ${x}))`;
}

/** Dekker's product of s.a and s.b<p>: h the rounded product, l what rounding left out (fields h<p>, l<p>). */
function product(p: 16 | 17): string {
  const [ah, al, bh, bl] = ['s.ah', 's.al', `s.b${p}h`, `s.b${p}l`];
  const h = `(s.a * s.b${p})`;
  return `h${p}: ${h}, l${p}: ((${ah} * ${bh} - ${h}) + ${ah} * ${bl} + ${al} * ${bh}) + ${al} * ${bl}`;
}
