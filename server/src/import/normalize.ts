/**
 * Rewrites that make one file give the same graph on both stores. The model keeps
 * dates as ISO strings, so a temporal call with a literal argument becomes the string
 * Neo4j's toString() gives for its value (`datetime('2024-03-22')` becomes
 * '2024-03-22T00:00:00Z', `date(datetime('2024-03-22T06:00:00Z'))` '2024-03-22'; see
 * cypher/temporal.ts), one Neo4j refuses is refused here, and `date(row.at)` becomes
 * `(row.at)`: Neo4j would otherwise store a temporal value where Kùzu stores a string.
 * Each UNWIND row's value is read as Neo4j reads it (temporal-rows.ts): one Neo4j refuses is
 * refused with its row, one it writes differently ('2024-03-22' under datetime()) is written
 * in the row as Neo4j's toString() gives it, and a value known only when the statement runs
 * (`date(n.at)`) is refused, since the model could not say what would be stored.
 * Runs on the Neo4j dialect, before either store sees it.
 */
import { parseLiteral, TEMPORAL_FUNCTIONS } from '../cypher/literals.ts';
import { applyEdits, type Edit } from '../cypher/rewrite.ts';
import { unwindRows } from '../cypher/rows.ts';
import type { TemporalFunction } from '../cypher/temporal.ts';
import { findClose, isPunct, type Token } from '../cypher/tokens.ts';
import { temporalRowEdits } from './temporal-rows.ts';

export interface NormalizeResult {
  readonly cypher: string;
  readonly findings: ReadonlyArray<{ readonly message: string; readonly offset: number }>;
}

export function normalizeStatement(text: string, tokens: readonly Token[]): NormalizeResult {
  const edits: Edit[] = [];
  const findings: Array<{ message: string; offset: number }> = [];
  const rows = unwindRows(tokens);
  for (let i = 0; i + 1 < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (t.kind !== 'word' || !TEMPORAL_FUNCTIONS.has(t.value.toLowerCase()) || !isPunct(tokens[i + 1], '(')) continue;
    if (isPunct(tokens[i - 1], '.')) continue;
    const close = findClose(tokens, i + 1);
    if (close < 0) continue;
    const arg = tokens[i + 2] as Token;
    const fn = t.value;
    if (close === i + 2 || isPunct(arg, '{')) {
      findings.push({
        message: `${fn}() needs an ISO string argument here, e.g. ${fn}('2024-03-22'): dates are stored as ISO strings, and "now" would differ between runs.`,
        offset: t.start,
      });
      continue;
    }
    const literal = parseLiteral(tokens, i);
    if (literal?.kind === 'temporal') {
      if (literal.problem !== undefined) findings.push({ message: `${literal.problem}.`, offset: t.start });
      // Only ISO digits, '-', ':', '.', 'T', 'Z' and '+': nothing to escape.
      else edits.push({ start: t.start, end: (tokens[literal.lastToken] as Token).end, text: `'${literal.value}'` });
      i = literal.lastToken;
    } else {
      const fromRows = temporalRowEdits({ tokens, rows, fn: fn.toLowerCase() as TemporalFunction, open: i + 1, close });
      findings.push(...fromRows.findings);
      // First: a row value that is itself a temporal call (`{at: date('…')}`) is rewritten by
      // both loops over the same span, and an earlier edit of equal span wins (rewrite.ts).
      edits.unshift(...fromRows.edits);
      edits.push({ start: t.start, end: (tokens[i + 1] as Token).end, text: '(' });
    }
  }
  return { cypher: applyEdits(text, edits), findings };
}
