/**
 * A script read as a stream of chunks (a file of hundreds of MB), in two passes so
 * that the file is never held whole, and nothing runs before everything is valid:
 *
 * 1. validateStream reads it once and validates every statement, keeping only
 *    counts, the sha256 and the first findings;
 * 2. if that pass is clean, streamStatements reads it again and hands each
 *    statement to the store as it comes. Pass 1 keeps a fingerprint of every
 *    statement (8 bytes of its sha256: 160 KB for a million-person file of
 *    20,000 batches), so pass 2 only checks that each statement is the one
 *    validated, then normalises it as pass 1 did, instead of validating it all
 *    over again (a third of the command's CPU at a million people). A statement
 *    that differs stops the stream before it reaches the store, and a file that
 *    differs anywhere else (the whole digest) throws before the transaction
 *    commits, so the store rolls everything back.
 */
import { createHash, type Hash } from 'node:crypto';
import type { ImportStatement } from '../store/ports/GraphImport.ts';
import { MAX_REPORTED_ERRORS } from './pipeline.ts';
import { ScriptChangedError } from './run-failure.ts';
import { StatementSplitter, type SplitStatement } from '../cypher/splitter.ts';
import type { ValidationResult } from './types.ts';
import { runnableCypher, validateStatement } from './validate.ts';

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
  /** Every statement's fingerprint, in file order, for pass 2. */
  readonly fingerprints: Fingerprints;
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
  const fingerprints = new Fingerprints();
  for await (const step of splitSource(source, hash)) {
    if (step.kind === 'chunk') {
      bytes = step.bytes;
      onProgress?.({ statements: count, bytes });
      continue;
    }
    fingerprints.add(step.split.text);
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
    fingerprints,
  };
}

/**
 * Pass 2: the statements to run, read from the source again. Throws ScriptChangedError
 * when a statement no longer validates or the digest differs from pass 1's.
 */
export async function* streamStatements(input: {
  readonly source: ScriptSource;
  readonly sha256: string;
  readonly fingerprints: Fingerprints;
  readonly name: string;
}): AsyncGenerator<ImportStatement> {
  const hash = createHash('sha256');
  let position = 0;
  for await (const step of splitSource(input.source, hash)) {
    if (step.kind === 'chunk') continue;
    const { split } = step;
    // Pass 1 found no error (else nothing runs), so a statement it validated runs as normalised.
    if (!input.fingerprints.matches(position++, split.text)) throw new ScriptChangedError(input.name);
    const cypher = runnableCypher(split);
    if (cypher !== undefined) yield { index: split.index, cypher, line: split.line, column: split.column };
  }
  if (position !== input.fingerprints.count || hash.digest('hex') !== input.sha256) {
    throw new ScriptChangedError(input.name);
  }
}

/** FINGERPRINT_BYTES of each statement's sha256, back to back in one growing buffer. */
const FINGERPRINT_BYTES = 8;

export class Fingerprints {
  private buffer = Buffer.alloc(FINGERPRINT_BYTES * 1024);
  count = 0;

  add(text: string): void {
    if ((this.count + 1) * FINGERPRINT_BYTES > this.buffer.length) {
      const grown = Buffer.alloc(this.buffer.length * 2);
      this.buffer.copy(grown);
      this.buffer = grown;
    }
    fingerprint(text).copy(this.buffer, this.count * FINGERPRINT_BYTES);
    this.count++;
  }

  matches(position: number, text: string): boolean {
    if (position >= this.count) return false;
    const at = position * FINGERPRINT_BYTES;
    return fingerprint(text).equals(this.buffer.subarray(at, at + FINGERPRINT_BYTES));
  }
}

const fingerprint = (text: string): Buffer =>
  createHash('sha256').update(text, 'utf8').digest().subarray(0, FINGERPRINT_BYTES);

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
