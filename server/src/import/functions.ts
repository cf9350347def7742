/**
 * Functions an import may call: pure ones that give the same value on Neo4j and
 * Kùzu (translated where the names differ). Anything namespaced (apoc.*, db.*,
 * gds.*) or absent from this list is refused: some reach outside the graph
 * (apoc.load.json, apoc.import.*), others give different results per store.
 */
import { isPunct, type Token } from '../cypher/tokens.ts';
import type { SandboxFinding } from './sandbox.ts';

const ALLOWED_FUNCTIONS = [
  'date',
  'datetime',
  'localdatetime',
  'labels',
  'type',
  'toInteger',
  'toFloat',
  'toString',
  'toLower',
  'toUpper',
  'trim',
  'coalesce',
  'size',
  'range',
  'count',
  'collect',
  'sum',
  'min',
  'max',
  'avg',
  'abs',
] as const;

const allowed = new Map(ALLOWED_FUNCTIONS.map((name) => [name.toLowerCase(), name]));

/** Words that may be directly followed by "(" without being a function call. */
const KEYWORDS_BEFORE_PAREN = new Set(
  'CREATE MERGE MATCH WHERE AND OR XOR NOT IN RETURN WITH UNWIND ON SET DELETE REMOVE CASE WHEN THEN ELSE AS DISTINCT IS CONTAINS STARTS ENDS OPTIONAL BY SKIP LIMIT'.split(
    ' ',
  ),
);

/** Largest span `range(a, b)` may cover: an unbounded range would exhaust the server's memory. */
const MAX_RANGE = 1_000_000;

export function checkFunctions(tokens: readonly Token[]): SandboxFinding[] {
  for (let i = 1; i < tokens.length; i++) {
    if (!isPunct(tokens[i], '(')) continue;
    const nameToken = tokens[i - 1] as Token;
    // A backticked name before "(" is a function call too: `range`(1, 5000000) is range().
    const isName = nameToken.kind === 'word' || nameToken.kind === 'quoted';
    if (!isName || (nameToken.kind === 'word' && KEYWORDS_BEFORE_PAREN.has(nameToken.value.toUpperCase()))) continue;
    let first = i - 1;
    while (
      isPunct(tokens[first - 1], '.') &&
      (tokens[first - 2]?.kind === 'word' || tokens[first - 2]?.kind === 'quoted')
    )
      first -= 2;
    const name = tokens
      .slice(first, i)
      .filter((t) => t.kind !== 'punct')
      .map((t) => t.value)
      .join('.');
    const start = (tokens[first] as Token).start;
    if (first !== i - 1 || !allowed.has(name.toLowerCase())) {
      return [
        {
          message: `The function ${name}() is not allowed in an import. Allowed functions: ${ALLOWED_FUNCTIONS.join(', ')}.`,
          offset: start,
        },
      ];
    }
    if (name.toLowerCase() === 'range') {
      const finding = checkRange(tokens, i, start);
      if (finding !== undefined) return [finding];
    }
  }
  return [];
}

function checkRange(tokens: readonly Token[], open: number, offset: number): SandboxFinding | undefined {
  const from = tokens[open + 1];
  const to = tokens[open + 3];
  const literalBounds =
    from?.kind === 'number' &&
    isPunct(tokens[open + 2], ',') &&
    to?.kind === 'number' &&
    isPunct(tokens[open + 4], ')');
  if (!literalBounds) {
    return { message: 'range() needs two literal numbers as bounds in an import, e.g. range(1, 100).', offset };
  }
  const span = Math.abs(Number(to.text.replace(/_/g, '')) - Number(from.text.replace(/_/g, '')));
  if (!Number.isFinite(span) || span > MAX_RANGE) {
    return { message: `range() may cover at most ${MAX_RANGE.toLocaleString('en')} values in an import.`, offset };
  }
  return undefined;
}
