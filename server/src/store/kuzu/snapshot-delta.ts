/**
 * What an import added to the graph's shape, read from Kùzu around its
 * transaction, so that the adjacency snapshot is extended instead of rebuilt
 * (a rebuild reads and converts every node and relationship: 10–15 s at 1 M
 * people, during which expansions and paths fall back to slower queries).
 *
 * Kùzu appends new rows to a table at offsets above the ones it holds, so the
 * rows an import created are those above each table's highest offset before it.
 * That holds only for an import that adds: when any table's count grew by
 * anything but the rows found above its mark (a deletion, an offset reused), or
 * a statement deletes, the delta is refused and the snapshot is built afresh.
 */
import { NODE_LABELS, REL_SPECS, REL_TYPES, type NodeLabel, type RelType } from '../../model/index.ts';
import type { SnapshotAdditions } from '../traversal/AdjacencySnapshot.ts';
import { quote } from './ddl.ts';
import type { Session } from './KuzuConnection.ts';

interface Table {
  readonly key: string;
  /** count(x) and max(offset(id(x))) over the table. */
  readonly marks: string;
  /** Its rows above $above, with the columns the snapshot keeps. */
  readonly above: string;
}

interface NodeTable extends Table {
  readonly kind: 'node';
  readonly label: NodeLabel;
}

interface RelTable extends Table {
  readonly kind: 'rel';
  readonly type: RelType;
}

const NODE_TABLES: readonly NodeTable[] = NODE_LABELS.map((label) => ({
  kind: 'node',
  key: label,
  label,
  marks: `MATCH (n:${quote(label)}) RETURN count(n) AS c, max(offset(id(n))) AS m`,
  above: `MATCH (n:${quote(label)}) WHERE offset(id(n)) > $above RETURN n.id AS id, offset(id(n)) AS o`,
}));

/** One per (type, start label, end label): each is one Kùzu table, where offsets are unique (snapshot.ts). */
const REL_TABLES: readonly RelTable[] = REL_TYPES.flatMap((type) =>
  REL_SPECS[type].endpoints.map(([from, to]): RelTable => {
    const pattern = `(a:${quote(from)})-[r:${quote(type)}]->(b:${quote(to)})`;
    return {
      kind: 'rel',
      key: `${type}:${from}:${to}`,
      type,
      marks: `MATCH ${pattern} RETURN count(r) AS c, max(offset(id(r))) AS m`,
      above: `MATCH ${pattern} WHERE offset(id(r)) > $above RETURN a.id AS s, b.id AS t, offset(id(r)) AS o`,
    };
  }),
);

/** Each table's row count and highest offset (-1 when empty), taken before an import's statements. */
export type TableMarks = ReadonlyMap<string, { readonly count: number; readonly max: number }>;

/** What readDelta finds, in the terms AdjacencySnapshot.extended takes. */
export type SnapshotDelta = SnapshotAdditions;

const numberOr = (value: unknown, fallback: number): number =>
  value === null || value === undefined ? fallback : Number(value);

export async function readMarks(session: Session): Promise<TableMarks> {
  const marks = new Map<string, { count: number; max: number }>();
  for (const table of [...NODE_TABLES, ...REL_TABLES]) {
    const [row] = await session.query(table.marks);
    marks.set(table.key, { count: numberOr(row?.c, 0), max: numberOr(row?.m, -1) });
  }
  return marks;
}

/** The rows added since `before`, or undefined when the import did more than add (see above). */
export async function readDelta(session: Session, before: TableMarks): Promise<SnapshotDelta | undefined> {
  const nodes: Array<SnapshotAdditions['nodes'][number]> = [];
  const relationships: Array<SnapshotAdditions['relationships'][number]> = [];
  for (const table of [...NODE_TABLES, ...REL_TABLES]) {
    const mark = before.get(table.key);
    if (mark === undefined) return undefined;
    const [counted] = await session.query(table.marks);
    // The offset is checked here too: Kùzu's filter on it has picked wrong rows (record-fetch.ts).
    const added = (await session.query(table.above, { above: mark.max })).filter((row) => Number(row.o) > mark.max);
    if (numberOr(counted?.c, 0) !== mark.count + added.length) return undefined;
    for (const row of added) {
      if (table.kind === 'node') nodes.push({ id: String(row.id), label: table.label });
      else relationships.push({ ref: Number(row.o), type: table.type, source: String(row.s), target: String(row.t) });
    }
  }
  return { nodes, relationships };
}

/** A statement that may remove nodes or relationships: its import is not a pure addition. */
export const mayDelete = (cypher: string): boolean => /\bDELETE\b/i.test(cypher);
