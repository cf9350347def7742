/**
 * Records for the keys an in-memory walk returns, in as few queries as the
 * schema allows: one per node label present (a primary-key lookup per id), and
 * one per start label of the relationships (reached from their start node by
 * primary key, so a relationship table is never scanned).
 */
import type { NodeLabel, RelType } from '../../model/index.ts';
import type { EntityRecord, RelationshipRecord } from '../GraphStore.ts';
import type { NodeKey, RecordFetch, RelationshipKey } from '../traversal/snapshot-reads.ts';
import { quote, typeAlternatives } from './ddl.ts';
import type { KuzuConnection } from './KuzuConnection.ts';
import { toEntity, toRelationship } from './rows.ts';

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

async function entities(reader: KuzuConnection, nodes: readonly NodeKey[]): Promise<EntityRecord[]> {
  const out: EntityRecord[] = [];
  for (const [label, group] of groupBy(nodes, (n) => n.label)) {
    const ids = [...new Set(group.map((n) => n.id))];
    const rows = await reader.query(`UNWIND $ids AS i MATCH (n:${quote(label)} {id: i}) RETURN n`, { ids });
    for (const row of rows) out.push(toEntity(row.n));
  }
  return out;
}

async function relationships(reader: KuzuConnection, rels: readonly RelationshipKey[]): Promise<RelationshipRecord[]> {
  const out: RelationshipRecord[] = [];
  for (const [label, group] of groupBy(rels, (r): NodeLabel => r.source.label)) {
    const types = [...new Set(group.map((r): RelType => r.type))];
    const rows = await reader.query(
      `UNWIND $sources AS s MATCH (a:${quote(label)} {id: s})-[r:${typeAlternatives(types)}]->(b)
       WHERE r.id IN $ids RETURN a.id AS source, b.id AS target, r`,
      { sources: [...new Set(group.map((r) => r.source.id))], ids: [...new Set(group.map((r) => r.id))] },
    );
    for (const row of rows) out.push(toRelationship(row.r, { source: String(row.source), target: String(row.target) }));
  }
  return out;
}

export const kuzuRecordFetch = (reader: KuzuConnection): RecordFetch => ({
  entities: (nodes) => entities(reader, nodes),
  relationships: (rels) => relationships(reader, rels),
});
