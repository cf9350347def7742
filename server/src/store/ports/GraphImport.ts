/** The import port: one file's statements, run in one transaction. */
import type { TxMeta } from './read-scope.ts';

/** A statement of an import file, already validated against the model and the sandbox. */
export interface ImportStatement {
  /** 1-based position in the file. */
  readonly index: number;
  /** Neo4j-dialect Cypher text; the adapter translates it to its own dialect. */
  readonly cypher: string;
  /** 1-based line of the statement's first character in the file. */
  readonly line: number;
  readonly column: number;
}

/**
 * The statements of one import, in file order: a list for a script held in memory
 * (the mutation), or a stream for a file read while it runs (the CLI), so that a
 * file of hundreds of MB is never held whole. A stream that throws aborts the
 * import like a failing statement: nothing is committed, and its error is the one
 * the caller gets back.
 */
export type ImportStatements = Iterable<ImportStatement> | AsyncIterable<ImportStatement>;

export interface ImportOutcome {
  readonly statements: number;
  readonly nodesCreated: number;
  readonly relationshipsCreated: number;
}

export interface ImportOptions {
  readonly dryRun: boolean;
  readonly meta: TxMeta;
  /** Called after each statement so long imports can show progress. */
  readonly onProgress?: (done: number) => void;
  /** How many statements will come, when known (the embedded store picks how to dry-run by it). */
  readonly statements?: number;
}

export interface GraphImport {
  /** Runs every statement in one transaction: all commit, or none (and nothing changes on dryRun). */
  runImport(statements: ImportStatements, options: ImportOptions): Promise<ImportOutcome>;
}
