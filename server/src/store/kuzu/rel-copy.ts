/**
 * The batched relationship statement of Neo4j imports,
 *
 *   UNWIND $rows AS row MATCH (a:L {id: row.x}), (b:M {id: row.y}) CREATE (a)-[:T {k: row.k, ...}]->(b)
 *
 * as Kùzu's COPY from a subquery. Kùzu 0.11.3 plans the two MATCHes as a cross
 * product of both node tables filtered per row (1.6 s for 500 rows among 10,000
 * people, growing with the tables); COPY looks each end up in the primary-key
 * index (25 ms). With IGNORE_ERRORS a row whose end does not exist is skipped,
 * as the MATCH would skip it; values were type-checked against the model before
 * the import started, so that is the only error COPY can meet here. COPY inside
 * the import's transaction rolls back with it (measured). Anything else, even
 * slightly different, keeps the MATCH ... CREATE form.
 */
import { isNodeLabel, isRelType, REL_SPECS } from '../../model/index.ts';
import { isKeyword, isPunct, nameOf, tokenize, type Token } from '../../import/tokens.ts';
import { quote, schemaTables } from './ddl.ts';
import { quoteName } from './kuzu-literal.ts';

/** A cursor over tokens that either matches the whole expected shape or gives up. */
class Shape {
  private at = 0;
  constructor(private readonly tokens: readonly Token[]) {}
  keyword(word: string): boolean {
    return isKeyword(this.tokens[this.at], word) && this.advance();
  }
  punct(text: string): boolean {
    return isPunct(this.tokens[this.at], text) && this.advance();
  }
  name(): string | undefined {
    const name = nameOf(this.tokens[this.at]);
    return name !== undefined && this.advance() ? name : undefined;
  }
  param(): string | undefined {
    const token = this.tokens[this.at];
    return token?.kind === 'param' && this.advance() ? token.text : undefined;
  }
  get done(): boolean {
    return this.at === this.tokens.length;
  }
  private advance(): true {
    this.at++;
    return true;
  }
}

/** `row.key`: the key, when the variable is the UNWIND row. */
function rowKey(shape: Shape, row: string): string | undefined {
  return shape.name() === row && shape.punct('.') ? shape.name() : undefined;
}

/** `(a:Label {id: row.key})` */
function keyedNode(shape: Shape, row: string): { variable: string; label: string; key: string } | undefined {
  if (!shape.punct('(')) return undefined;
  const variable = shape.name();
  if (variable === undefined || !shape.punct(':')) return undefined;
  const label = shape.name();
  if (label === undefined || !isNodeLabel(label) || !shape.punct('{') || shape.name() !== 'id' || !shape.punct(':')) {
    return undefined;
  }
  const key = rowKey(shape, row);
  return key !== undefined && shape.punct('}') && shape.punct(')') ? { variable, label, key } : undefined;
}

/** `{k: row.k, ...}`: property name to row key. */
function propertyMap(shape: Shape, row: string): Map<string, string> | undefined {
  const properties = new Map<string, string>();
  if (!shape.punct('{')) return undefined;
  for (;;) {
    const property = shape.name();
    if (property === undefined || properties.has(property) || !shape.punct(':')) return undefined;
    const key = rowKey(shape, row);
    if (key === undefined) return undefined;
    properties.set(property, key);
    if (shape.punct('}')) return properties;
    if (!shape.punct(',')) return undefined;
  }
}

/** The COPY for a translated statement of exactly that shape, else undefined. */
export function relationshipCopy(cypher: string): string | undefined {
  const shape = new Shape(tokenize(cypher));
  if (!shape.keyword('UNWIND')) return undefined;
  const rows = shape.param();
  if (rows === undefined || !shape.keyword('AS')) return undefined;
  const row = shape.name();
  if (row === undefined || !shape.keyword('MATCH')) return undefined;
  const a = keyedNode(shape, row);
  if (a === undefined || !shape.punct(',')) return undefined;
  const b = keyedNode(shape, row);
  if (b === undefined || a.variable === b.variable || !shape.keyword('CREATE') || !shape.punct('(')) return undefined;
  const left = shape.name();
  if (left === undefined || !shape.punct(')')) return undefined;
  const incoming = shape.punct('<-');
  if (!incoming && !shape.punct('-')) return undefined;
  if (!shape.punct('[') || !shape.punct(':')) return undefined;
  const type = shape.name();
  if (type === undefined || !isRelType(type)) return undefined;
  const properties = propertyMap(shape, row);
  if (properties === undefined || !shape.punct(']') || !shape.punct(incoming ? '-' : '->')) return undefined;
  if (!shape.punct('(')) return undefined;
  const right = shape.name();
  if (right === undefined || !shape.punct(')') || !shape.done) return undefined;
  const ends = new Map([a, b].map((n) => [n.variable, n]));
  const [from, to] = incoming ? [ends.get(right), ends.get(left)] : [ends.get(left), ends.get(right)];
  if (from === undefined || to === undefined || from === to) return undefined;
  if (!REL_SPECS[type].endpoints.some(([f, t]) => f === from.label && t === to.label)) return undefined;
  const table = schemaTables().find((t) => t.kind === 'REL' && t.name === type);
  if (table === undefined || [...properties.keys()].some((p) => !table.columns.some(([c]) => c === p))) {
    return undefined;
  }
  const value = (key: string): string => `${quoteName(row)}.${quote(key)}`;
  // Every column, in table order: COPY leaves a column it is not given empty ('' or []), not null.
  const columns = table.columns.map(([column, kuzuType]) => {
    const key = properties.get(column);
    if (key !== undefined) return value(key);
    return column === 'id' ? 'string(gen_random_uuid())' : `CAST(NULL AS ${kuzuType})`;
  });
  // Named results: the same row key may feed two columns.
  const results = [value(from.key), value(to.key), ...columns].map((v, i) => `${v} AS c${i}`).join(', ');
  return (
    `COPY ${quote(type)} FROM (UNWIND ${rows} AS ${quoteName(row)} RETURN ${results}) ` +
    `(from='${from.label}', to='${to.label}', ignore_errors=true)`
  );
}
