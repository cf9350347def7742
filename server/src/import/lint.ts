/**
 * Neo4j's own syntax and semantic checks (@neo4j-cypher/language-support), run
 * offline on each statement. The linter costs ~20 ms per small statement and
 * grows with literal size (a 1,000-row UNWIND takes seconds), so it runs on a
 * skeleton: every literal list becomes [] (its contents were already proven to be
 * well-formed literals by parseLiteral) and every string becomes ''.
 * Statements generated from one template share a skeleton, so a 300,000-statement
 * file is linted a handful of times. Offsets found in the skeleton map back to the
 * original token, so messages still point at the right line and column.
 */
import { lintCypherQuery } from '@neo4j-cypher/language-support';
import { parseLiteral } from './literals.ts';
import { isPunct, type Token } from './tokens.ts';

export interface LintFinding {
  readonly message: string;
  /** Offset in the statement text. */
  readonly offset: number;
  readonly severity: 'error' | 'warning';
}

interface Skeleton {
  readonly text: string;
  /** Parallel arrays: where each emitted piece starts in the skeleton and in the original. */
  readonly skeletonStarts: number[];
  readonly originalStarts: number[];
}

const CACHE_LIMIT = 2_000;
const cache = new Map<string, ReadonlyArray<{ message: string; offset: number; severity: 'error' | 'warning' }>>();

export function lintStatement(tokens: readonly Token[]): LintFinding[] {
  const skeleton = buildSkeleton(tokens);
  let findings = cache.get(skeleton.text);
  if (findings === undefined) {
    const { diagnostics } = lintCypherQuery(skeleton.text, {});
    findings = diagnostics.map((d) => ({
      message: typeof d.message === 'string' ? d.message : d.message.value,
      offset: d.offsets.start,
      severity: d.severity === 1 ? ('error' as const) : ('warning' as const),
    }));
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(skeleton.text, findings);
  }
  return findings.map((f) => ({ ...f, offset: toOriginal(skeleton, f.offset, tokens) }));
}

function buildSkeleton(tokens: readonly Token[]): Skeleton {
  const parts: string[] = [];
  const skeletonStarts: number[] = [];
  const originalStarts: number[] = [];
  let length = 0;
  const emit = (text: string, original: number): void => {
    if (parts.length > 0) {
      parts.push(' ');
      length++;
    }
    skeletonStarts.push(length);
    originalStarts.push(original);
    parts.push(text);
    length += text.length;
  };
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    if (isPunct(token, '[')) {
      const literal = parseLiteral(tokens, i);
      if (literal !== undefined && literal.kind === 'list') {
        emit('[', token.start);
        emit(']', (tokens[literal.lastToken] as Token).start);
        i = literal.lastToken;
        continue;
      }
    }
    emitToken(token, emit);
  }
  return { text: parts.join(''), skeletonStarts, originalStarts };
}

function emitToken(token: Token, emit: (text: string, original: number) => void): void {
  emit(token.kind === 'string' ? "''" : token.text, token.start);
}

function toOriginal(skeleton: Skeleton, offset: number, tokens: readonly Token[]): number {
  const starts = skeleton.skeletonStarts;
  let lo = 0;
  let hi = starts.length - 1;
  if (hi < 0 || offset >= skeleton.text.length) {
    const last = tokens[tokens.length - 1];
    return last === undefined ? 0 : last.end;
  }
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] as number) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return (skeleton.originalStarts[lo] as number) + Math.max(0, offset - (starts[lo] as number));
}
