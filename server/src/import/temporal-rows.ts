/**
 * `date(row.at)`, `datetime(row.at)`, `localdatetime(row.at)` over UNWIND rows, as Neo4j 5
 * reads them: each row's string is parsed as the function parses it. One Neo4j refuses
 * ('2024-02-30', a time under date()) is refused at its row's line and column; one Neo4j
 * stores as another text ('2024-03-22' under datetime() is '2024-03-22T00:00:00Z') is
 * written in its row as that text, so both stores hold what Neo4j's toString() gives. That
 * rewrite is only made when every read of the key goes through the same function; else the
 * row keeps its text and the statement is refused with what to write. An argument that is not
 * an UNWIND row's key is known only when the statement runs and is refused: the model keeps
 * dates as ISO strings checked before anything runs.
 */
import { describeLiteral, type Literal } from '../cypher/literals.ts';
import type { RowSources } from '../cypher/rows.ts';
import { nestedTemporalOf, temporalOf, type TemporalFunction, type TemporalResult } from '../cypher/temporal.ts';
import { isPunct, nameOf, type Token } from '../cypher/tokens.ts';
import type { Edit } from '../cypher/rewrite.ts';

interface Input {
  readonly tokens: readonly Token[];
  readonly rows: RowSources;
  readonly fn: TemporalFunction;
  /** The call's `(` and `)`. */
  readonly open: number;
  readonly close: number;
}

interface Output {
  readonly edits: Edit[];
  readonly findings: Array<{ message: string; offset: number }>;
}

export function temporalRowEdits(input: Input): Output {
  const { tokens, rows, fn, open, close } = input;
  const out: Output = { edits: [], findings: [] };
  const name = nameOf(tokens[open + 1]);
  const key = nameOf(tokens[open + 3]);
  const items = name === undefined ? undefined : rows.get(name);
  if (items === undefined || key === undefined || close !== open + 4 || !isPunct(tokens[open + 2], '.')) {
    out.findings.push({
      message:
        `${fn}() of a value known only when the statement runs is not supported in an import: the model keeps dates ` +
        `as ISO strings checked before anything runs. Give ${fn}() an ISO string, e.g. ${fn}('2024-03-22'), ` +
        `or a key of UNWIND rows that hold one.`,
      offset: (tokens[open - 1] as Token).start,
    });
    return out;
  }
  const changed: Array<{ value: Literal; text: string; row: number }> = [];
  items.forEach((item, index) => {
    if (item.kind !== 'map') return;
    const value = item.entries.find((e) => e.key === key)?.value;
    if (value === undefined || value.kind === 'null') return;
    const row = index + 1;
    const result = read(fn, value);
    if ('error' in result) {
      out.findings.push({ message: `${result.error} (row ${row} of the UNWIND list).`, offset: value.offset });
    } else if (value.kind !== 'string' || value.value !== result.value) {
      changed.push({ value, text: result.value, row });
    }
  });
  if (changed.length === 0 || out.findings.length > 0) return out;
  if (!onlyReadThrough(tokens, name ?? '', key, fn)) {
    const first = changed[0] as { value: Literal; text: string; row: number };
    out.findings.push({
      message:
        `${fn}(${name}.${key}) gives '${first.text}' for row ${first.row}, and ${name}.${key} is read as written elsewhere ` +
        `in the statement: write '${first.text}' in the row itself.`,
      offset: first.value.offset,
    });
    return out;
  }
  for (const { value, text } of changed) {
    // Only ISO digits, '-', ':', '.', 'T', 'Z' and '+': nothing to escape.
    out.edits.push({ start: value.offset, end: (tokens[value.lastToken] as Token).end, text: `'${text}'` });
  }
  return out;
}

function read(fn: TemporalFunction, value: Literal): TemporalResult {
  if (value.kind === 'string') return temporalOf(fn, value.value);
  if (value.kind === 'temporal') {
    if (value.problem !== undefined) return { error: value.problem };
    return nestedTemporalOf(fn, value.fn as TemporalFunction, value.value);
  }
  return { error: `${fn}() needs an ISO string such as '2024-03-22', got ${describeLiteral(value)}` };
}

/** Whether every `row.key` of the statement is `fn(row.key)` and `row` is never read whole. */
function onlyReadThrough(tokens: readonly Token[], row: string, key: string, fn: TemporalFunction): boolean {
  for (let i = 0; i < tokens.length; i++) {
    if (nameOf(tokens[i]) !== row || tokens[i]?.kind === 'string' || isPunct(tokens[i - 1], '.')) continue;
    if (isPunct(tokens[i + 1], '.')) {
      if (nameOf(tokens[i + 2]) !== key) continue;
      const call = tokens[i - 2];
      const wrapped =
        call?.kind === 'word' &&
        call.value.toLowerCase() === fn &&
        isPunct(tokens[i - 1], '(') &&
        isPunct(tokens[i + 3], ')');
      if (!wrapped) return false;
    } else if (!(tokens[i - 1]?.kind === 'word' && tokens[i - 1]?.value.toUpperCase() === 'AS')) {
      // `row` read whole (`SET n += row`); `UNWIND ... AS row` is its declaration.
      return false;
    }
  }
  return true;
}
