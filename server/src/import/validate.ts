/**
 * Validates one statement of an import file, before anything runs: lexing, the
 * sandbox, allowed functions, Neo4j's own parser, then the model. Returns the
 * findings (with file line and column) and the statement as it will be handed to
 * the store (normalised Neo4j dialect), or no statement when it must not run.
 */
import { checkUniqueImportLabel } from './apoc-unique-import.ts';
import { checkFunctions } from './functions.ts';
import { lintStatement } from './lint.ts';
import { checkModel } from './model-check.ts';
import { normalizeStatement } from './normalize.ts';
import { limitToVisibleTypes } from './read-scope.ts';
import { checkSandbox, skippedSchemaStatement } from './sandbox.ts';
import type { SplitStatement } from '../cypher/splitter.ts';
import { LexError, tokenize, type Token } from '../cypher/tokens.ts';
import type { Severity, ValidationResult } from './types.ts';
import type { RelType } from '../model/index.ts';

export interface StatementValidation {
  readonly findings: ValidationResult[];
  /** The Cypher to run; undefined when the statement has errors, is a shell command or a schema statement to skip. */
  readonly cypher?: string;
}

/**
 * Transaction commands of cypher-shell (`:begin`, `:commit`) and of neo4j-shell (`BEGIN`,
 * `COMMIT`, `SCHEMA AWAIT`, APOC's neo4j-shell format): the whole file is one transaction anyway,
 * and the schema comes from the model, so there is nothing to wait for.
 */
const IGNORED_SHELL_COMMANDS = new Set([':begin', ':commit', 'begin', 'commit', 'schema']);

/** The importing user's read scope: types hidden from them do not exist inside their import. */
export interface ImportScope {
  readonly hiddenRelTypes: readonly RelType[];
}

export const FULL_SCOPE: ImportScope = { hiddenRelTypes: [] };

export function validateStatement(statement: SplitStatement, scope: ImportScope = FULL_SCOPE): StatementValidation {
  const at = positionIn(statement);
  const fail = (message: string, offset: number, severity: Severity = 'error'): StatementValidation => ({
    findings: [{ message, statement: statement.index, ...at(offset), severity }],
  });
  if (statement.shellCommand) {
    const command = statement.text.split(/\s/)[0]?.toLowerCase() ?? '';
    if (IGNORED_SHELL_COMMANDS.has(command)) return { findings: [] };
    const apoc =
      command === ':param'
        ? " (APOC writes it for useOptimizations UNWIND_BATCH_PARAMS: export with type 'UNWIND_BATCH' instead)"
        : '';
    return fail(`The cypher-shell command ${command} is not supported in an import${apoc}; write values inline.`, 0);
  }
  let tokens: Token[];
  try {
    tokens = tokenize(statement.text);
  } catch (error) {
    if (error instanceof LexError) return fail(error.message, error.offset);
    throw error;
  }
  const skipped = skippedSchemaStatement(tokens);
  if (skipped !== undefined) return fail(skipped, 0, 'warning');
  const temporary = checkUniqueImportLabel(tokens);
  if (temporary !== undefined) return fail(temporary.message, temporary.offset);
  const refused = [...checkSandbox(tokens), ...checkFunctions(tokens)];
  if (refused.length > 0) {
    return {
      findings: refused
        .slice(0, 1)
        .map((f) => ({ ...f, statement: statement.index, ...at(f.offset), severity: 'error' })),
    };
  }
  const findings: ValidationResult[] = [];
  const add = (list: ReadonlyArray<{ message: string; offset: number; severity?: Severity }>): void => {
    for (const f of list) {
      const position = at(f.offset);
      const duplicate = findings.some((g) => g.line === position.line && g.column === position.column);
      if (!duplicate)
        findings.push({ message: f.message, statement: statement.index, ...position, severity: f.severity ?? 'error' });
    }
  };
  const lint = lintStatement(tokens);
  // The first syntax error is the one to fix; the ones after it are usually its echoes.
  add(lint.filter((f) => f.severity === 'error').slice(0, 1));
  if (findings.length > 0) return { findings };
  add(checkModel(tokens, scope.hiddenRelTypes));
  const normalized = normalizeStatement(statement.text, tokens);
  add(normalized.findings);
  if (findings.length > 0) return { findings };
  return { findings, cypher: toRun(normalized.cypher, scope) };
}

/**
 * The Cypher a statement runs as, for one validateStatement passed without an error
 * (stream.ts's second read, which checks first that the text is the one validated):
 * the same tokens, normalisation and read scope, without the checks that passed.
 */
export function runnableCypher(statement: SplitStatement, scope: ImportScope = FULL_SCOPE): string | undefined {
  if (statement.shellCommand) return undefined;
  const tokens = tokenize(statement.text);
  if (skippedSchemaStatement(tokens) !== undefined) return undefined;
  return toRun(normalizeStatement(statement.text, tokens).cypher, scope);
}

/** Need-to-know: the types hidden from the importing user do not exist in what runs. */
const toRun = (cypher: string, scope: ImportScope): string => limitToVisibleTypes(cypher, scope.hiddenRelTypes);

/** Maps an offset in the statement text to a line and column in the file. */
function positionIn(statement: SplitStatement): (offset: number) => { line: number; column: number } {
  return (offset) => {
    const before = statement.text.slice(0, Math.max(0, offset));
    const lastNewline = before.lastIndexOf('\n');
    if (lastNewline < 0) return { line: statement.line, column: statement.column + before.length };
    let newlines = 0;
    for (let i = 0; i < before.length; i++) if (before.charCodeAt(i) === 10) newlines++;
    return { line: statement.line + newlines, column: before.length - lastNewline };
  };
}
