/**
 * Records for the keys an in-memory walk returns, grouped by label so that each
 * group can use that label's primary-key index.
 *
 * Measured on kuzu 0.11.3 (10 k persons): `MATCH (n:Person {id: $id})` is an
 * index lookup (about 1 ms a query, mostly overhead), while `UNWIND $ids AS i
 * MATCH (n:Person {id: i})` joins against a scan of the table (about 10 ms here,
 * growing with the table; the snapshot knows how big each table is). So a group
 * is read id by id while that is cheaper than one scan, else in one query.
 * Entities are read as their model columns, not as the whole node: the hidden
 * search columns made that 2-4x slower.
 */
import { nodeProperties, type NodeLabel, type RelType } from '../../model/index.ts';
import type { EntityRecord, RelationshipRecord } from '../../model/records.ts';
import { typeMask, type AdjacencySnapshot } from '../traversal/AdjacencySnapshot.ts';
import type { NodeKey, RecordFetch, RelationshipKey } from '../traversal/snapshot-reads.ts';
import { quote, typeAlternatives } from './ddl.ts';
import type { KuzuConnection, Params, Row } from './KuzuConnection.ts';
import { coverByEnds } from './relationship-cover.ts';
import { isObject, sameInternalId, toEntity, toRelationship } from './rows.ts';

/** Table rows one index lookup is worth, from the figures above with a margin for the scan's growth. */
const ROWS_PER_LOOKUP = 1000;
const ALWAYS_ONE_BY_ONE = 4;

function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

interface Lookup {
  readonly reader: KuzuConnection;
  readonly tableRows: number;
  readonly ids: readonly string[];
  /** `match` binds `n` by `{id: <key>}` (a $parameter or an UNWIND variable). */
  readonly query: (key: string) => string;
  readonly params?: Params;
}

/** By id one by one while that beats a scan of the table, otherwise one UNWIND query. */
async function lookUp({ reader, tableRows, ids, query, params = {} }: Lookup): Promise<Row[]> {
  if (ids.length <= ALWAYS_ONE_BY_ONE || ids.length * ROWS_PER_LOOKUP <= tableRows) {
    // Queued at once, so that the read connections work side by side.
    const answers = await Promise.all(ids.map((id) => reader.query(query('$id'), { ...params, id })));
    return answers.flat();
  }
  return reader.query(`UNWIND $ids AS i ${query('i')}`, { ...params, ids: [...ids] });
}

const columnsOf = (label: NodeLabel): string =>
  Object.keys(nodeProperties(label))
    .map((column) => `n.${quote(column)} AS ${quote(column)}`)
    .join(', ');

/**
 * Entity records by key. `tableRows` says how big each label's table is (the
 * snapshot knows); without it, ids are looked up one by one, as a search page is.
 */
export async function entitiesByKey(
  reader: KuzuConnection,
  nodes: readonly NodeKey[],
  tableRows: (label: NodeLabel) => number = () => Infinity,
): Promise<EntityRecord[]> {
  const out: EntityRecord[] = [];
  for (const [label, group] of groupBy(nodes, (n) => n.label)) {
    const rows = await lookUp({
      reader,
      tableRows: tableRows(label),
      ids: [...new Set(group.map((n) => n.id))],
      query: (key) => `MATCH (n:${quote(label)} {id: ${key}}) RETURN ${columnsOf(label)}`,
    });
    for (const row of rows) out.push(toEntity({ ...row, _label: label }));
  }
  return out;
}

/**
 * Type, ends and offset: unique, where an offset alone is unique only within one
 * table. The offset is compared here, not in Kùzu: in 0.11.3 a filter on
 * `offset(id(r))` over several relationship tables picks the wrong rows (measured:
 * it dropped a BASED_IN and kept an ASSOCIATE_OF whose offset was not asked for),
 * while the offset it returns is right.
 */
export const relationshipIdentity = (type: string, source: string, target: string, offset: number): string =>
  JSON.stringify([type, source, target, offset]);

/** A node with more relationships than this is read filtered by the other ends (see relationship-cover.ts). */
const MAX_UNFILTERED = 1000;

/** Relationships of `types` at the node, both directions: what reading it from that end costs. */
function degreesIn(snapshot: AdjacencySnapshot, types: readonly RelType[]) {
  const mask = typeMask({ hiddenRelTypes: [] }, types);
  return (node: NodeKey): number => {
    const index = snapshot.indexOf(node.id);
    let degree = 0;
    if (index !== undefined) snapshot.forEachNeighbour(index, mask, () => void degree++);
    return degree;
  };
}

/** Each relationship read from the end the cover picked; ends of one label (and filtering) in one lookup. */
async function relationships(
  reader: KuzuConnection,
  snapshot: AdjacencySnapshot,
  rels: readonly RelationshipKey[],
): Promise<Array<RelationshipRecord | undefined>> {
  const allTypes = [...new Set(rels.map((r): RelType => r.type))];
  const groups = new Map<string, { label: NodeLabel; filtered: boolean; ids: string[]; rels: RelationshipKey[] }>();
  for (const lookup of coverByEnds(rels, degreesIn(snapshot, allTypes))) {
    const filtered = lookup.degree > MAX_UNFILTERED;
    const key = `${lookup.node.label} ${filtered}`;
    const group = groups.get(key) ?? { label: lookup.node.label, filtered, ids: [], rels: [] };
    group.ids.push(lookup.node.id);
    group.rels.push(...lookup.rels);
    groups.set(key, group);
  }
  const answers = await Promise.all(
    [...groups.values()].map(({ label, filtered, ids, rels: group }) => {
      const types = typeAlternatives([...new Set(group.map((r): RelType => r.type))]);
      const others = new Set(group.flatMap((r) => [r.source.id, r.target.id]));
      return lookUp({
        reader,
        tableRows: snapshot.countOf(label),
        ids,
        query: (key) =>
          `MATCH (n:${quote(label)} {id: ${key}})-[r:${types}]-(m) ${filtered ? 'WHERE m.id IN $others ' : ''}` +
          'RETURN id(n) AS n, n.id AS nid, m.id AS mid, offset(id(r)) AS o, r',
        ...(filtered ? { params: { others: [...others] } } : {}),
      });
    }),
  );
  const found = new Map<string, RelationshipRecord>();
  for (const row of answers.flat()) {
    // An undirected match: the relationship starts at n when its source is n.
    const fromN = isObject(row.r) && sameInternalId(row.r._src, row.n);
    const [source, target] = fromN ? [String(row.nid), String(row.mid)] : [String(row.mid), String(row.nid)];
    const rel = toRelationship(row.r, { source, target });
    found.set(relationshipIdentity(rel.type, rel.source, rel.target, Number(row.o)), rel);
  }
  return rels.map((r) => found.get(relationshipIdentity(r.type, r.source.id, r.target.id, r.ref)));
}

export const kuzuRecordFetch = (reader: KuzuConnection, snapshot: AdjacencySnapshot): RecordFetch => ({
  entities: (nodes) => entitiesByKey(reader, nodes, (label) => snapshot.countOf(label)),
  relationships: (rels) => relationships(reader, snapshot, rels),
});
