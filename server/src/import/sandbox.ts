/**
 * The import sandbox: only data clauses may run. Everything that reaches outside
 * the graph (files, extensions, other databases, procedures) or changes the schema
 * is refused here, on tokens, before any statement runs. Raw Kùzu would read
 * `LOAD FROM '/etc/passwd'`; this is what makes that impossible through an import.
 * Neo4j's linter runs afterwards as a second net: Kùzu-only syntax that slipped past
 * this list is not valid Neo4j Cypher and is refused there.
 */
import { isKeyword, isPunct, type Token } from '../cypher/tokens.ts';

export interface SandboxFinding {
  readonly message: string;
  readonly offset: number;
}

const DATA_CLAUSES =
  'CREATE, MERGE, MATCH, OPTIONAL MATCH, WITH, UNWIND, WHERE, SET, REMOVE, DELETE, DETACH DELETE, RETURN';

const STATEMENT_STARTS = new Set(['CREATE', 'MERGE', 'MATCH', 'OPTIONAL', 'UNWIND', 'WITH', 'RETURN']);

/** Why each refused keyword is refused, in words an admin can act on. */
const REFUSED: Readonly<Record<string, string>> = {
  LOAD: 'LOAD CSV / LOAD FROM / LOAD EXTENSION would read files or code from the server',
  COPY: 'COPY reads or writes server files',
  INSTALL: 'INSTALL adds database extensions',
  UNINSTALL: 'UNINSTALL changes database extensions',
  ATTACH: 'ATTACH opens another database',
  EXPORT: 'EXPORT DATABASE writes server files',
  IMPORT: 'IMPORT DATABASE reads server files',
  CALL: 'CALL runs procedures and subqueries (including CALL { } IN TRANSACTIONS), which can escape the single import transaction or reach outside the graph',
  USE: 'USE switches to another database',
  SHOW: 'SHOW is an administration command',
  ALTER: 'ALTER changes the schema',
  DROP: 'DROP changes the schema',
  GRANT: 'GRANT is an administration command',
  REVOKE: 'REVOKE is an administration command',
  DENY: 'DENY is an administration command',
  RENAME: 'RENAME is an administration command',
  START: 'START is an administration command',
  STOP: 'STOP is an administration command',
  TERMINATE: 'TERMINATE is an administration command',
  FOREACH: 'FOREACH is not in the supported subset (use UNWIND)',
  BEGIN: 'the import already runs as one transaction',
  COMMIT: 'the import already runs as one transaction',
  ROLLBACK: 'the import already runs as one transaction',
  CHECKPOINT: 'CHECKPOINT is an administration command',
  COMMENT: 'COMMENT ON changes the schema',
  PROFILE: 'PROFILE is not a data clause',
  EXPLAIN: 'EXPLAIN is not a data clause',
  FINISH: 'FINISH is not in the supported subset',
  UNION: 'UNION is not in the supported subset (write two statements)',
};

/** Keywords that a word in an expression position can also be, so they are never taken for a variable. */
const ALWAYS_KEYWORD = new Set(['CALL', 'LOAD', 'COPY', 'USE', 'INSTALL', 'ATTACH', 'EXPORT', 'IMPORT']);

/** Index kinds Neo4j 5 names in `CREATE <kind> INDEX` (APOC writes RANGE, TEXT, POINT, FULLTEXT...). */
const INDEX_KINDS = new Set(['RANGE', 'TEXT', 'POINT', 'LOOKUP', 'FULLTEXT', 'VECTOR', 'BTREE']);

/**
 * A statement that only shapes Neo4j's schema, as every APOC export starts with (CREATE CONSTRAINT
 * / INDEX, `CALL db.awaitIndexes(300)`) and its cleanup ends with (DROP CONSTRAINT / INDEX). The
 * schema comes from the model, so such a statement is skipped with a warning rather than run or
 * refused: it changes no data, and refusing it is what made every APOC export unloadable. Returns
 * the warning, or undefined for any other statement (CREATE DATABASE, USER, ROLE... stay refused).
 */
export function skippedSchemaStatement(tokens: readonly Token[]): string | undefined {
  const [first, second, third] = tokens;
  const word = (t: Token | undefined): string => (t?.kind === 'word' ? t.value.toUpperCase() : '');
  const kind = (t: Token | undefined): string | undefined =>
    word(t) === 'INDEX' || word(t) === 'CONSTRAINT' ? word(t) : undefined;
  let what: string | undefined;
  if (word(first) === 'CREATE' || word(first) === 'DROP') {
    const named = kind(second) ?? (word(first) === 'CREATE' && INDEX_KINDS.has(word(second)) ? kind(third) : undefined);
    if (named !== undefined) what = `${word(first)} ${INDEX_KINDS.has(word(second)) ? `${word(second)} ` : ''}${named}`;
  } else if (word(first) === 'CALL' && isAwaitIndexes(tokens)) {
    what = `CALL ${tokens[1]?.text}.${tokens[3]?.text}()`;
  }
  if (what === undefined) return undefined;
  return `Skipped: ${what} shapes the database schema, which comes from Maillon's model (every label has its unique id); the statement did not run.`;
}

/** `CALL db.awaitIndexes(300)` or `CALL db.awaitIndex('name', 300)` and nothing else: waits, changes nothing. */
function isAwaitIndexes(tokens: readonly Token[]): boolean {
  const [, namespace, dot, name, open] = tokens;
  if (namespace?.kind !== 'word' || namespace.value.toLowerCase() !== 'db' || !isPunct(dot, '.')) return false;
  if (name?.kind !== 'word' || !/^awaitIndex(es)?$/i.test(name.value) || !isPunct(open, '(')) return false;
  const close = tokens.length - 1;
  if (!isPunct(tokens[close], ')')) return false;
  return tokens.slice(5, close).every((t) => t.kind === 'number' || t.kind === 'string' || isPunct(t, ','));
}

export function checkSandbox(tokens: readonly Token[]): SandboxFinding[] {
  const first = tokens[0];
  if (first === undefined) return [];
  const findings: SandboxFinding[] = [];
  const variables = declaredVariables(tokens);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (t.kind !== 'word' || isPropertyOrLabel(tokens, i)) continue;
    const upper = t.value.toUpperCase();
    const reason = REFUSED[upper];
    if (reason !== undefined && (ALWAYS_KEYWORD.has(upper) || !variables.has(t.value))) {
      findings.push({ message: `${upper} is not allowed in an import: ${reason}. ${ALLOWED}`, offset: t.start });
      break;
    }
    if (upper === 'DETACH' && !isKeyword(tokens[i + 1], 'DELETE') && !variables.has(t.value)) {
      findings.push({ message: `DETACH is only allowed as DETACH DELETE. ${ALLOWED}`, offset: t.start });
      break;
    }
    if ((upper === 'CREATE' || upper === 'MERGE') && !isKeyword(tokens[i - 1], 'ON') && isSchemaCommand(tokens, i)) {
      const what = tokens[i + 1]?.text ?? '';
      findings.push({
        message: `${upper} ${what.toUpperCase()} is a schema or administration command; the schema comes from the model. ${ALLOWED}`,
        offset: t.start,
      });
      break;
    }
  }
  if (findings.length === 0 && !(first.kind === 'word' && STATEMENT_STARTS.has(first.value.toUpperCase()))) {
    findings.push({
      message: `A statement must start with a data clause (CREATE, MERGE, MATCH, OPTIONAL MATCH, UNWIND, WITH or RETURN), not "${first.text}". ${ALLOWED}`,
      offset: first.start,
    });
  }
  return findings;
}

const ALLOWED = `Allowed: ${DATA_CLAUSES}.`;

/** `n.load`, `:Load`, `{load: 1}` and `$load` are names, not keywords. */
function isPropertyOrLabel(tokens: readonly Token[], i: number): boolean {
  const prev = tokens[i - 1];
  if (isPunct(prev, '.') || isPunct(prev, ':') || isPunct(prev, '|') || isPunct(prev, '&')) return true;
  const next = tokens[i + 1];
  return isPunct(next, ':') && (isPunct(prev, '{') || isPunct(prev, ','));
}

/** A data CREATE/MERGE is followed by a pattern `(` or a path variable `p = (`. */
function isSchemaCommand(tokens: readonly Token[], i: number): boolean {
  const next = tokens[i + 1];
  if (next === undefined || isPunct(next, '(')) return false;
  return !(next.kind === 'word' || next.kind === 'quoted') || !isPunct(tokens[i + 2], '=');
}

/** Names bound in patterns `(x`, `[x` or by `AS x`: such a name is a variable even if it spells a keyword. */
function declaredVariables(tokens: readonly Token[]): Set<string> {
  const names = new Set<string>();
  for (let i = 1; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (t.kind !== 'word' && t.kind !== 'quoted') continue;
    const prev = tokens[i - 1];
    const next = tokens[i + 1];
    const inPattern =
      (isPunct(prev, '(') || isPunct(prev, '[')) &&
      (isPunct(next, ':') || isPunct(next, ')') || isPunct(next, ']') || isPunct(next, '{'));
    if (inPattern || isKeyword(prev, 'AS')) names.add(t.value);
  }
  return names;
}
