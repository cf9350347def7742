/**
 * Relationships around given nodes, both directions, capped per node.
 * Hubs are counted in Kùzu first so that a node with 100 k relationships
 * costs one count and one LIMITed read, never a transfer of all of them to JS.
 */
import type { KuzuValue } from 'kuzu';
import { NODE_LABELS, isNodeLabel, type NodeLabel, type RelType } from '../../model/index.ts';
import type { Adjacency, AdjacencyQuery, ReadScope, RelationshipRecord } from '../GraphStore.ts';
import { quote, typeAlternatives } from './ddl.ts';
import type { KuzuConnection, Row } from './KuzuConnection.ts';
import { sameInternalId, toRelationship } from './rows.ts';
import { typesTouching, visibleTypes } from './visible.ts';

/** Counts per queried node, one UNION ALL part per label that the types can touch. */
function countQuery(types: readonly RelType[]): string | undefined {
  const parts = NODE_LABELS.flatMap((label) => {
    const touching = typesTouching(label, types);
    if (touching.length === 0) return [];
    return [
      `UNWIND $ids AS i MATCH (n:${quote(label)} {id: i})-[r:${typeAlternatives(touching)}]-(m)
       RETURN i, label(n) AS label, count(r) AS c`,
    ];
  });
  return parts.length === 0 ? undefined : parts.join(' UNION ALL ');
}

/** Kùzu cannot UNION relationship values of different tables, so fetches go label by label. */
const fetchQuery = (label: NodeLabel, types: readonly RelType[], limited: boolean): string =>
  `UNWIND $ids AS i MATCH (n:${quote(label)} {id: i})-[r:${typeAlternatives(typesTouching(label, types))}]-(m)
   RETURN i, id(n) AS nid, r, m.id AS other${limited ? ' LIMIT $limit' : ''}`;

function toAdjacentRelationship(row: Row): RelationshipRecord {
  const queried = String(row.i);
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
  const counting = countQuery(types);
  if (ids.length === 0 || counting === undefined) return { relationships: [], omitted: {} };

  const omitted: Record<string, number> = {};
  const smallByLabel = new Map<NodeLabel, string[]>();
  const hubs: Array<{ id: string; label: NodeLabel }> = [];
  for (const row of await connection.query(counting, { ids })) {
    const id = String(row.i);
    const count = Number(row.c);
    const label = String(row.label);
    if (!isNodeLabel(label)) continue;
    if (count <= limit) smallByLabel.set(label, [...(smallByLabel.get(label) ?? []), id]);
    else {
      hubs.push({ id, label });
      omitted[id] = count - limit;
    }
  }

  const rows: Row[] = [];
  for (const [label, small] of smallByLabel) {
    rows.push(...(await connection.query(fetchQuery(label, types, false), { ids: small })));
  }
  // A hub costs one LIMITed read: its other relationships never leave Kùzu.
  for (const hub of hubs) {
    rows.push(...(await connection.query(fetchQuery(hub.label, types, true), { ids: [hub.id], limit })));
  }

  // A relationship between two queried nodes (or a self-loop) comes back twice.
  const byId = new Map<string, RelationshipRecord>();
  for (const row of rows) {
    const relationship = toAdjacentRelationship(row);
    if (!byId.has(relationship.id)) byId.set(relationship.id, relationship);
  }
  return { relationships: [...byId.values()], omitted };
}
