/**
 * Relationships around given nodes, both directions, capped per node.
 *
 * Measured on kuzu 0.11.3 with a 100 k-relationship hub among 100 k nodes:
 * a lookup by `{id: $id}` uses the primary-key index (1–2 ms, count included),
 * while `UNWIND $ids AS i MATCH (n {id: i})` or `WHERE n.id IN $ids` scan the
 * whole table (30–500 ms, growing with the table). So a few ids are looked up
 * one by one, and only a long id list pays for one scan per label. Hubs are
 * counted inside Kùzu first, then read with LIMIT: their other relationships
 * never reach JS.
 */
import type { KuzuValue } from 'kuzu';
import { NODE_LABELS, type NodeLabel, type RelType } from '../../model/index.ts';
import type { RelationshipRecord } from '../../model/records.ts';
import type { Adjacency, AdjacencyQuery } from '../ports/GraphReads.ts';
import type { ReadScope } from '../ports/read-scope.ts';
import { quote, typeAlternatives } from './ddl.ts';
import type { KuzuConnection, Row } from './KuzuConnection.ts';
import { sameInternalId, toRelationship } from './rows.ts';
import { typesTouching, visibleTypes } from './visible.ts';

/** Up to this many ids, index lookups one by one beat one scan per label. */
const LOOKUP_ONE_BY_ONE = 16;

interface Expansion {
  readonly id: string;
  readonly label: NodeLabel;
  readonly types: string;
  readonly count: number;
}

async function countOneByOne(
  connection: KuzuConnection,
  ids: readonly string[],
  types: readonly RelType[],
): Promise<Expansion[]> {
  const found: Expansion[] = [];
  for (const label of NODE_LABELS) {
    const touching = typesTouching(label, types);
    if (touching.length === 0) continue;
    const alternatives = typeAlternatives(touching);
    for (const id of ids) {
      const rows = await connection.query(
        `MATCH (n:${quote(label)} {id: $id}) RETURN COUNT { MATCH (n)-[r:${alternatives}]-() } AS c`,
        { id },
      );
      if (rows[0] !== undefined) found.push({ id, label, types: alternatives, count: Number(rows[0].c) });
    }
  }
  return found;
}

async function countByScan(
  connection: KuzuConnection,
  ids: readonly string[],
  types: readonly RelType[],
): Promise<Expansion[]> {
  const found: Expansion[] = [];
  for (const label of NODE_LABELS) {
    const touching = typesTouching(label, types);
    if (touching.length === 0) continue;
    const alternatives = typeAlternatives(touching);
    const rows = await connection.query(
      `MATCH (n:${quote(label)}) WHERE n.id IN $ids RETURN n.id AS i, COUNT { MATCH (n)-[r:${alternatives}]-() } AS c`,
      { ids: [...ids] },
    );
    for (const row of rows) found.push({ id: String(row.i), label, types: alternatives, count: Number(row.c) });
  }
  return found;
}

function toAdjacentRelationship(row: Row, queried: string): RelationshipRecord {
  const other = String(row.other);
  const r = row.r as KuzuValue;
  const outgoing = typeof r === 'object' && r !== null && '_src' in r && sameInternalId(r._src, row.nid);
  return toRelationship(r, outgoing ? { source: queried, target: other } : { source: other, target: queried });
}

export async function adjacent(
  connection: KuzuConnection,
  query: AdjacencyQuery,
  scope: ReadScope,
): Promise<Adjacency> {
  const types = visibleTypes(scope, query.relTypes);
  const ids = [...new Set(query.ids)];
  const limit = Math.max(0, Math.floor(query.perNodeLimit));
  if (ids.length === 0 || types.length === 0) return { relationships: [], omitted: {} };

  const expansions =
    ids.length <= LOOKUP_ONE_BY_ONE
      ? await countOneByOne(connection, ids, types)
      : await countByScan(connection, ids, types);

  const omitted: Record<string, number> = {};
  const byId = new Map<string, RelationshipRecord>();
  for (const expansion of expansions) {
    if (expansion.count === 0) continue;
    const hub = expansion.count > limit;
    if (hub) omitted[expansion.id] = expansion.count - limit;
    if (hub && limit === 0) continue;
    const rows = await connection.query(
      `MATCH (n:${quote(expansion.label)} {id: $id})-[r:${expansion.types}]-(m)
       RETURN id(n) AS nid, r, m.id AS other${hub ? ' ORDER BY other, label(r) LIMIT $limit' : ''}`,
      hub ? { id: expansion.id, limit } : { id: expansion.id },
    );
    // A relationship between two queried nodes (or a self-loop) comes back twice.
    for (const row of rows) {
      const relationship = toAdjacentRelationship(row, expansion.id);
      if (!byId.has(relationship.id)) byId.set(relationship.id, relationship);
    }
  }
  return { relationships: [...byId.values()], omitted };
}
