/**
 * Imports run in ONE explicit transaction: every statement commits, or none does.
 * A dry run executes everything (so errors and counts are real) and rolls back.
 * Statements are taken from the stream one at a time: a file's size does not
 * decide what this process holds (the transaction state lives in the server).
 * Statements arrive validated against the model and the sandbox by the import
 * pipeline; they are Neo4j Cypher already, so they run as written.
 */
import { Neo4jError } from 'neo4j-driver';
import { ErrorCode, MaillonError } from '../../errors.ts';
import type { ImportOptions, ImportOutcome, ImportStatement, ImportStatements } from '../ports/GraphImport.ts';
import { ASSIGN_MISSING_REL_IDS } from './queries.ts';
import { run, type Runner } from './runner.ts';
import { isStoreUnavailable } from './translate-error.ts';

export interface ImportRun {
  readonly runner: Runner;
  readonly statements: ImportStatements;
  readonly options: ImportOptions;
  readonly timeoutMs: number;
}

/** Neo4j's own verdict on a statement (syntax, constraint, type...), located in the file. */
function statementError(statement: ImportStatement, error: unknown): unknown {
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
    let done = 0;
    // An error thrown by the stream itself (not by a statement) passes through unchanged.
    for await (const statement of statements) {
      try {
        const result = await tx.run(statement.cypher);
        const counters = result.summary.counters.updates();
        nodesCreated += counters.nodesCreated;
        relationshipsCreated += counters.relationshipsCreated;
      } catch (error) {
        throw statementError(statement, error);
      }
      done++;
      options.onProgress?.(done);
    }
    await run(tx, ASSIGN_MISSING_REL_IDS, {});
    if (options.dryRun) await tx.rollback();
    else await tx.commit();
    return { statements: done, nodesCreated, relationshipsCreated };
  });
}
