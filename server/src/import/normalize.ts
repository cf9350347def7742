/**
 * Rewrites that make one file give the same graph on both stores. The model keeps
 * dates as ISO strings, so `date('2024-03-22')` becomes the string '2024-03-22' and
 * `date(row.at)` becomes `(row.at)`: Neo4j would otherwise store a temporal value
 * where Kùzu stores a string. Runs on the Neo4j dialect, before either store sees it.
 */
import { TEMPORAL_FUNCTIONS } from '../cypher/literals.ts';
import { applyEdits, type Edit } from '../cypher/rewrite.ts';
import { findClose, isPunct, type Token } from '../cypher/tokens.ts';
import { isIsoDate } from './value-check.ts';

export interface NormalizeResult {
  readonly cypher: string;
  readonly findings: ReadonlyArray<{ readonly message: string; readonly offset: number }>;
}

export function normalizeStatement(text: string, tokens: readonly Token[]): NormalizeResult {
  const edits: Edit[] = [];
  const findings: Array<{ message: string; offset: number }> = [];
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
    if (close === i + 3 && arg.kind === 'string') {
      if (!isIsoDate(arg.value)) {
        findings.push({ message: `${fn}('${arg.value}') is not an ISO date such as '2024-03-22'.`, offset: arg.start });
      }
      edits.push({ start: t.start, end: (tokens[close] as Token).end, text: arg.text });
    } else {
      edits.push({ start: t.start, end: (tokens[i + 1] as Token).end, text: '(' });
    }
  }
  return { cypher: applyEdits(text, edits), findings };
}
