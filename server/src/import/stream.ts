/**
 * Validates a script read as a stream of chunks (a file of hundreds of MB): the
 * splitter hands over each statement as soon as it is complete, so the text of
 * the file is never held whole. The statements to run are kept (the store port
 * takes them as one list, run in one transaction); once an error is found they
 * are dropped and only the findings are kept, so a refused file costs little.
 */
import { createHash } from 'node:crypto';
import type { ImportStatement } from '../store/GraphStore.ts';
import { MAX_REPORTED_ERRORS } from './pipeline.ts';
import { StatementSplitter, type SplitStatement } from './splitter.ts';
import type { ValidationResult } from './types.ts';
import { validateStatement } from './validate.ts';

export interface StreamedScript {
  readonly statements: ImportStatement[];
  readonly findings: ValidationResult[];
  /** Statements in the file (cypher-shell commands excluded). */
  readonly count: number;
  readonly failedStatements: number;
  readonly sha256: string;
  readonly bytes: number;
}

export interface StreamProgress {
  readonly statements: number;
  readonly bytes: number;
}

export async function validateStream(
  source: AsyncIterable<Uint8Array | string>,
  onProgress?: (progress: StreamProgress) => void,
): Promise<StreamedScript> {
  const hash = createHash('sha256');
  const decoder = new TextDecoder('utf-8');
  const splitter = new StatementSplitter();
  let statements: ImportStatement[] = [];
  const findings: ValidationResult[] = [];
  let count = 0;
  let bytes = 0;
  const failed = new Set<number>();
  const take = (split: SplitStatement): void => {
    const result = validateStatement(split);
    if (!split.shellCommand || result.findings.length > 0) count++;
    for (const finding of result.findings) {
      if (finding.severity !== 'error') continue;
      failed.add(finding.statement);
      if (findings.length < MAX_REPORTED_ERRORS) findings.push(finding);
    }
    if (failed.size > 0) statements = [];
    else if (result.cypher !== undefined) {
      statements.push({ index: split.index, cypher: result.cypher, line: split.line, column: split.column });
    }
  };
  for await (const chunk of source) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    hash.update(buffer);
    bytes += buffer.byteLength;
    for (const split of splitter.push(decoder.decode(buffer, { stream: true }))) take(split);
    onProgress?.({ statements: count, bytes });
  }
  for (const split of [...splitter.push(decoder.decode()), ...splitter.end()]) take(split);
  onProgress?.({ statements: count, bytes });
  return { statements, findings, count, failedStatements: failed.size, sha256: hash.digest('hex'), bytes };
}
