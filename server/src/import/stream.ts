/**
 * A script read as a stream of chunks (a file of hundreds of MB), in two passes so
 * that the file is never held whole, and nothing runs before everything is valid:
 *
 * 1. validateStream reads it once and validates every statement, keeping only
 *    counts, the sha256 and the first findings;
 * 2. if that pass is clean, streamStatements reads it again and hands each
 *    statement to the store as it comes, validated again on the way (the Neo4j
 *    parser's verdicts are cached by then, so this costs little). Should the file
 *    differ from what pass 1 saw, the stream throws before the transaction
 *    commits, so the store rolls everything back.
 */
import { createHash, type Hash } from 'node:crypto';
import type { ImportStatement } from '../store/ports/GraphImport.ts';
import { MAX_REPORTED_ERRORS } from './pipeline.ts';
import { ScriptChangedError } from './run-failure.ts';
import { StatementSplitter, type SplitStatement } from '../cypher/splitter.ts';
import type { ValidationResult } from './types.ts';
import { validateStatement } from './validate.ts';

export type ScriptSource = AsyncIterable<Uint8Array | string>;

export interface StreamedScript {
  readonly findings: ValidationResult[];
  /** Statements in the file (cypher-shell commands excluded). */
  readonly count: number;
  /** Statements that will run (count minus ignored :begin / :commit), the total of pass 2's progress. */
  readonly runnable: number;
  readonly failedStatements: number;
  readonly sha256: string;
  readonly bytes: number;
}

export interface StreamProgress {
  readonly statements: number;
  readonly bytes: number;
}

/** Pass 1: validates every statement; keeps counts and findings, never the statements. */
export async function validateStream(
  source: ScriptSource,
  onProgress?: (progress: StreamProgress) => void,
): Promise<StreamedScript> {
  const hash = createHash('sha256');
  const findings: ValidationResult[] = [];
  const warnings: ValidationResult[] = [];
  let count = 0;
  let runnable = 0;
  let bytes = 0;
  const failed = new Set<number>();
  for await (const step of splitSource(source, hash)) {
    if (step.kind === 'chunk') {
      bytes = step.bytes;
      onProgress?.({ statements: count, bytes });
      continue;
    }
    const result = validateStatement(step.split);
    if (!step.split.shellCommand || result.findings.length > 0) count++;
    if (result.cypher !== undefined) runnable++;
    for (const finding of result.findings) {
      if (finding.severity === 'error') {
        failed.add(finding.statement);
        if (findings.length < MAX_REPORTED_ERRORS) findings.push(finding);
      } else if (warnings.length < MAX_REPORTED_ERRORS) {
        warnings.push(finding);
      }
    }
  }
  onProgress?.({ statements: count, bytes });
  return {
    findings: [...findings, ...warnings],
    count,
    runnable,
    failedStatements: failed.size,
    sha256: hash.digest('hex'),
    bytes,
  };
}

/**
 * Pass 2: the statements to run, read from the source again. Throws ScriptChangedError
 * when a statement no longer validates or the digest differs from pass 1's.
 */
export async function* streamStatements(input: {
  readonly source: ScriptSource;
  readonly sha256: string;
  readonly name: string;
}): AsyncGenerator<ImportStatement> {
  const hash = createHash('sha256');
  for await (const step of splitSource(input.source, hash)) {
    if (step.kind === 'chunk') continue;
    const { split } = step;
    const result = validateStatement(split);
    if (result.findings.some((f) => f.severity === 'error')) throw new ScriptChangedError(input.name);
    if (result.cypher !== undefined) {
      yield { index: split.index, cypher: result.cypher, line: split.line, column: split.column };
    }
  }
  if (hash.digest('hex') !== input.sha256) throw new ScriptChangedError(input.name);
}

type Step =
  { readonly kind: 'chunk'; readonly bytes: number } | { readonly kind: 'statement'; readonly split: SplitStatement };

/** Statements as soon as they are complete, and after each chunk how many bytes were read. */
async function* splitSource(source: ScriptSource, hash: Hash): AsyncGenerator<Step> {
  const decoder = new TextDecoder('utf-8');
  const splitter = new StatementSplitter();
  let bytes = 0;
  for await (const chunk of source) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    hash.update(buffer);
    bytes += buffer.byteLength;
    for (const split of splitter.push(decoder.decode(buffer, { stream: true }))) yield { kind: 'statement', split };
    yield { kind: 'chunk', bytes };
  }
  for (const split of [...splitter.push(decoder.decode()), ...splitter.end()]) yield { kind: 'statement', split };
}
