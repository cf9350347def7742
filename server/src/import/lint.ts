/**
 * Neo4j's own syntax and semantic checks (@neo4j-cypher/language-support), run
 * offline on each statement. The linter costs ~20 ms per small statement and
 * grows with literal size (a 1,000-row UNWIND takes seconds), so it runs on a
 * skeleton: every literal list becomes [] (its contents were already proven to be
 * well-formed literals by parseLiteral), every string becomes '', and plain
 * or backticked label, relationship type and property key names become numbered placeholders
 * (`_l1`, `_k1`, ... in order of first use, so equal names stay equal). Without a
 * database schema the linter's verdict does not depend on which names those are,
 * and the model check judges them anyway; variables and functions are kept. So
 * statements generated from one template share a skeleton, and so do the
 * templates of different labels and types: a 300,000-statement file is linted a
 * handful of times (each distinct skeleton costs 0.2–1 s). Offsets found in the
 * skeleton map back to the original token, and placeholders in messages back to
 * the names, so messages still read and point as if the statement was linted whole.
 */
import { lintCypherQuery } from '@neo4j-cypher/language-support';
import { parseLiteral } from '../cypher/literals.ts';
import { isPunct, type Token } from '../cypher/tokens.ts';

export interface LintFinding {
  readonly message: string;
  /** Offset in the statement text. */
  readonly offset: number;
  readonly severity: 'error' | 'warning';
}

interface Skeleton {
  readonly text: string;
  /** Original name of each placeholder. */
  readonly names: ReadonlyMap<string, string>;
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
  return findings.map((f) => ({
    ...f,
    message: f.message.replace(PLACEHOLDER, (p) => skeleton.names.get(p) ?? p),
    offset: toOriginal(skeleton, f.offset, tokens),
  }));
}

const PLACEHOLDER = /\b_[kl]\d+\b/g;

function buildSkeleton(tokens: readonly Token[]): Skeleton {
  const parts: string[] = [];
  const skeletonStarts: number[] = [];
  const originalStarts: number[] = [];
  let length = 0;
  const placeholders = new Map<string, string>();
  const names = new Map<string, string>();
  const placeholder = (kind: 'k' | 'l', name: string): string => {
    const key = `${kind}:${name}`;
    let found = placeholders.get(key);
    if (found === undefined) {
      found = `_${kind}${placeholders.size + 1}`;
      placeholders.set(key, found);
      names.set(found, name);
    }
    return found;
  };
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
    if (token.kind === 'string') emit("''", token.start);
    else {
      const kind = nameKind(tokens, i);
      emit(kind === undefined ? token.text : placeholder(kind, token.value), token.start);
    }
  }
  return { text: parts.join(''), names, skeletonStarts, originalStarts };
}

/**
 * Whether the plain word at i is a property key (`.key`, `{key: ...}`) or a label or
 * type (`(n:Label)`, `[:TYPE]`, `WHERE n:Label`). Only unambiguous positions count:
 * a word after `:` inside a map is a value, and `|` also separates list comprehensions.
 */
function nameKind(tokens: readonly Token[], i: number): 'k' | 'l' | undefined {
  const token = tokens[i] as Token;
  if (token.kind !== 'word' && token.kind !== 'quoted') return undefined;
  const prev = tokens[i - 1];
  if (isPunct(prev, '.')) return 'k';
  if (isPunct(tokens[i + 1], ':') && (isPunct(prev, '{') || isPunct(prev, ','))) return 'k';
  if (!isPunct(prev, ':')) return undefined;
  const owner = tokens[i - 2];
  const beforeOwner = tokens[i - 3];
  const isMapValue =
    owner !== undefined &&
    (owner.kind === 'word' || owner.kind === 'quoted') &&
    (isPunct(beforeOwner, '{') || isPunct(beforeOwner, ','));
  return isMapValue ? undefined : 'l';
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
