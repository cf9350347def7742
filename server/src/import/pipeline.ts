/**
 * The import's validation of a script held in memory, and the pieces of a report every
 * way in shares: split, validate every statement against the sandbox, Neo4j's parser and
 * the model. Nothing here runs anything; run-import.ts is the one entry that does.
 */
import { createHash } from 'node:crypto';
import type { ImportStatement } from '../store/ports/GraphImport.ts';
import { splitScript } from '../cypher/splitter.ts';
import type { ImportError, ImportWarning, ValidationResult } from './types.ts';
import { FULL_SCOPE, validateStatement, type ImportScope, type StatementValidation } from './validate.ts';

export type { ImportError } from './types.ts';

/** Most errors a report lists: past that, the first ones say enough. */
export const MAX_REPORTED_ERRORS = 100;

export interface ValidatedScript {
  readonly statements: ImportStatement[];
  readonly findings: ValidationResult[];
  /** Statements with at least one error: they count among the script's statements but never run. */
  readonly failedStatements: number;
  /** Statements skipped with a warning (schema statements): they count among the script's statements but never run. */
  readonly skippedStatements: number;
}

/** Splits and validates a whole script held in memory; nothing runs. */
export function validateScript(script: string, scope: ImportScope = FULL_SCOPE): ValidatedScript {
  const statements: ImportStatement[] = [];
  const findings: ValidationResult[] = [];
  let skippedStatements = 0;
  for (const split of splitScript(script).statements) {
    const result = validateStatement(split, scope);
    findings.push(...result.findings);
    if (isSkipped(split.shellCommand, result)) skippedStatements++;
    if (result.cypher !== undefined) {
      statements.push({ index: split.index, cypher: result.cypher, line: split.line, column: split.column });
    }
  }
  return { statements, findings, failedStatements: countFailed(findings), skippedStatements };
}

/** A statement of the file (not a shell command) that validation set aside without an error. */
function isSkipped(shellCommand: boolean, result: StatementValidation): boolean {
  return !shellCommand && result.cypher === undefined && result.findings.every((f) => f.severity !== 'error');
}

/** sha256 of the script as given, hex: what the report and the audit trail carry. */
export function scriptDigest(script: string): string {
  return createHash('sha256').update(script, 'utf8').digest('hex');
}

export function toReportErrors(findings: readonly ValidationResult[]): ImportError[] {
  return findings
    .filter((f) => f.severity === 'error')
    .slice(0, MAX_REPORTED_ERRORS)
    .map(({ statement, line, column, message }) => ({ statement, line, column, message }));
}

export function toReportWarnings(findings: readonly ValidationResult[]): ImportWarning[] {
  return findings
    .filter((f) => f.severity === 'warning')
    .slice(0, MAX_REPORTED_ERRORS)
    .map(({ statement, line, column, message }) => ({ statement, line, column, message }));
}

function countFailed(findings: readonly ValidationResult[]): number {
  return new Set(findings.filter((f) => f.severity === 'error').map((f) => f.statement)).size;
}

export function emptyScriptError(): ImportError {
  return { statement: 0, line: 1, column: 1, message: 'The script holds no statement: nothing to import.' };
}
