/**
 * Imports run in ONE explicit transaction: every statement commits, or none does.
 * A dry run executes everything (so errors and counts are real) and rolls back.
 * Statements arrive validated against the model and the sandbox by the import
 * pipeline; they are Neo4j Cypher already, so they run as written.
 */
import { Neo4jError } from 'neo4j-driver';
import { ErrorCode, MaillonError } from '../../errors.ts';
import type { ImportOptions, ImportOutcome, ImportStatement } from '../GraphStore.ts';
import { ASSIGN_MISSING_REL_IDS } from './queries.ts';
import { run, type Runner } from './runner.ts';
import { isStoreUnavailable } from './translate-error.ts';

export interface ImportRun {
  readonly runner: Runner;
  readonly statements: readonly ImportStatement[];
  readonly options: ImportOptions;
  readonly timeoutMs: number;
}

/** Neo4j's own verdict on a statement (syntax, constraint, type...), located in the file. */
export function statementError(statement: ImportStatement, error: unknown): unknown {
  if (!(error instanceof Neo4jError) || isStoreUnavailable(error) || !error.code.startsWith('Neo.ClientError.')) {
    return error;
  }
  // The report names statement, line and column; Neo4j's first line says what is wrong.
  const firstLine = error.message.split('\n')[0] ?? error.message;
  return new MaillonError(ErrorCode.IMPORT_INVALID, firstLine, {
    statement: statement.index,
    line: statement.line,
    column: statement.column,
  });
}

export function runImport({ runner, statements, options, timeoutMs }: ImportRun): Promise<ImportOutcome> {
  return runner.explicit(options.meta, timeoutMs, async (tx) => {
    let nodesCreated = 0;
    let relationshipsCreated = 0;
    for (const [done, statement] of statements.entries()) {
      try {
        const result = await tx.run(statement.cypher);
        const counters = result.summary.counters.updates();
        nodesCreated += counters.nodesCreated;
        relationshipsCreated += counters.relationshipsCreated;
      } catch (error) {
        throw statementError(statement, error);
      }
      options.onProgress?.(done + 1);
    }
    await run(tx, ASSIGN_MISSING_REL_IDS, {});
    if (options.dryRun) await tx.rollback();
    else await tx.commit();
    return { statements: statements.length, nodesCreated, relationshipsCreated };
  });
}
