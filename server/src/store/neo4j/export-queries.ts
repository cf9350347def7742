/**
 * The export's pages (ports/GraphExport.ts): one text per label and per type, from the model's
 * allow-lists. `$after` null starts at the beginning, `$ids` null means the whole graph.
 * Properties come back whole (`properties()`), so the adapter sees each value's stored type.
 */
import { NODE_LABELS, REL_TYPES, type NodeLabel, type RelType } from '../../model/index.ts';
import { cypher, schemaName, type CypherQuery } from './query.ts';

export function exportNodesOf(label: NodeLabel): CypherQuery<'after' | 'ids' | 'limit'> {
  return cypher({
    name: `exportNodes:${label}`,
    params: ['after', 'ids', 'limit'],
    text: `MATCH (n:${schemaName(label)})
WHERE ($after IS NULL OR n.id > $after) AND ($ids IS NULL OR n.id IN $ids)
RETURN n.id AS id, properties(n) AS properties
ORDER BY n.id
LIMIT $limit`,
  });
}

/** The end labels are the model's among each end's labels (a node has one). */
export function exportRelationshipsOf(
  type: RelType,
): CypherQuery<'afterId' | 'afterStart' | 'afterEnd' | 'ids' | 'labels' | 'limit'> {
  return cypher({
    name: `exportRelationships:${type}`,
    params: ['afterId', 'afterStart', 'afterEnd', 'ids', 'labels', 'limit'],
    text: `MATCH (a)-[r:${schemaName(type)}]->(b)
WITH a, r, b, coalesce(r.id, '') AS rid
WHERE ($afterId IS NULL OR rid > $afterId OR (rid = $afterId AND (a.id > $afterStart OR (a.id = $afterStart AND b.id > $afterEnd))))
  AND ($ids IS NULL OR (a.id IN $ids AND b.id IN $ids))
RETURN rid AS id, a.id AS start, [l IN labels(a) WHERE l IN $labels][0] AS startLabel,
  b.id AS end, [l IN labels(b) WHERE l IN $labels][0] AS endLabel, properties(r) AS properties
ORDER BY rid, a.id, b.id
LIMIT $limit`,
  });
}

export const allExportQueries = (): CypherQuery[] => [
  ...NODE_LABELS.map(exportNodesOf),
  ...REL_TYPES.map(exportRelationshipsOf),
];
