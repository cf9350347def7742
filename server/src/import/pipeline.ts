/**
 * The import pipeline behind both entry points (the importCypher mutation and the
 * CLI): split, validate every statement against the sandbox, Neo4j's parser and
 * the model, and only when the whole file is clean hand it to the store, which
 * runs it as one transaction (rolled back on any error, and always on a dry run).
 * Bad input never throws: it comes back as report errors with statement, line and
 * column. Only unexpected failures (the database is unavailable, ...) throw.
 */
import { createHash } from 'node:crypto';
import type { GraphStore, ImportStatement, TxMeta } from '../store/GraphStore.ts';
import { runFailure } from './run-failure.ts';
import { splitScript } from '../cypher/splitter.ts';
import type { ImportError, ImportProgress, ImportReport, ValidationResult } from './types.ts';
import { FULL_SCOPE, validateStatement, type ImportScope } from './validate.ts';

export type { ImportReport, ImportError, ImportProgress } from './types.ts';

export interface ImportInput {
  readonly script: string;
  readonly fileName?: string;
  readonly dryRun: boolean;
  readonly meta: TxMeta;
  /** The importing user's read scope (the API passes the viewer's); everything when absent. */
  readonly scope?: ImportScope;
  readonly onProgress?: (progress: ImportProgress) => void;
}

/** Most errors a report lists: past that, the first ones say enough. */
export const MAX_REPORTED_ERRORS = 100;

export interface ValidatedScript {
  readonly statements: ImportStatement[];
  readonly findings: ValidationResult[];
}

/** Splits and validates a whole script held in memory; nothing runs. */
export function validateScript(script: string, scope: ImportScope = FULL_SCOPE): ValidatedScript {
  const statements: ImportStatement[] = [];
  const findings: ValidationResult[] = [];
  for (const split of splitScript(script).statements) {
    const result = validateStatement(split, scope);
    findings.push(...result.findings);
    if (result.cypher !== undefined) {
      statements.push({ index: split.index, cypher: result.cypher, line: split.line, column: split.column });
    }
  }
  return { statements, findings };
}

export async function importScript(store: GraphStore, input: ImportInput): Promise<ImportReport> {
  const sha256 = createHash('sha256').update(input.script, 'utf8').digest('hex');
  const { statements, findings } = validateScript(input.script, input.scope);
  const errors = toReportErrors(findings);
  const base = { dryRun: input.dryRun, statements: statements.length + countFailed(findings), sha256 };
  if (errors.length > 0) return { ok: false, ...base, nodesCreated: 0, relationshipsCreated: 0, errors };
  if (statements.length === 0) {
    return { ok: false, ...base, nodesCreated: 0, relationshipsCreated: 0, errors: [emptyScriptError()] };
  }
  try {
    const total = statements.length;
    const outcome = await store.runImport(statements, {
      dryRun: input.dryRun,
      meta: input.meta,
      onProgress: (done) => input.onProgress?.({ done, total }),
    });
    return {
      ok: true,
      ...base,
      nodesCreated: outcome.nodesCreated,
      relationshipsCreated: outcome.relationshipsCreated,
      errors: [],
    };
  } catch (error) {
    const failure = runFailure(error);
    return { ok: false, ...base, nodesCreated: 0, relationshipsCreated: 0, errors: [failure] };
  }
}

export function toReportErrors(findings: readonly ValidationResult[]): ImportError[] {
  return findings
    .filter((f) => f.severity === 'error')
    .slice(0, MAX_REPORTED_ERRORS)
    .map(({ statement, line, column, message }) => ({ statement, line, column, message }));
}

function countFailed(findings: readonly ValidationResult[]): number {
  return new Set(findings.filter((f) => f.severity === 'error').map((f) => f.statement)).size;
}

export function emptyScriptError(): ImportError {
  return { statement: 0, line: 1, column: 1, message: 'The script holds no statement: nothing to import.' };
}
