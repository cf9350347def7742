/** Shapes shared by the import stages and its two entry points (GraphQL mutation, CLI). */

export type Severity = 'error' | 'warning';

/** One finding of validation: what to fix, and where in the file. */
export interface ValidationResult {
  readonly message: string;
  /** 1-based statement number in the file. */
  readonly statement: number;
  readonly line: number;
  readonly column: number;
  readonly severity: Severity;
}

export interface ImportError {
  readonly statement: number;
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

/** Something the import did differently from the file as written, without refusing it (a skipped schema statement). */
export type ImportWarning = ImportError;

export interface ImportReport {
  readonly ok: boolean;
  readonly dryRun: boolean;
  readonly statements: number;
  readonly nodesCreated: number;
  readonly relationshipsCreated: number;
  readonly errors: ImportError[];
  /** What was skipped and why (APOC's CREATE CONSTRAINT lines, say); empty when the file ran as written. */
  readonly warnings: ImportWarning[];
  /** sha256 of the script as given, hex: what the audit trail records. */
  readonly sha256: string;
}

/**
 * How far an import has come: while a streamed file is validated, statements read and the
 * fraction of its bytes; while it runs, statements done out of those that run.
 */
export type ImportProgress =
  | { readonly phase: 'validating'; readonly done: number; readonly fraction: number }
  | { readonly phase: 'running'; readonly done: number; readonly total: number };
