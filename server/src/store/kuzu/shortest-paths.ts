/**
 * Every shortest path between two nodes from Kùzu's own `* ALL SHORTEST` match,
 * for the window in which the adjacency snapshot is being built (after a start
 * or a schema change): slower than the snapshot's bidirectional search (Kùzu
 * searches from one end; 115–490 ms between random persons at 1 M), but never
 * refused. Same contract as shortestPathsFromSnapshot: undirected, over the
 * visible types less the excluded ones, fewest relationships, at most `limit`
 * paths. Excluded labels are not handled here (KuzuStore waits for the snapshot).
 */
import type { KuzuValue } from 'kuzu';
import type { NodeLabel } from '../../model/index.ts';
import type { EntityRecord } from '../../model/records.ts';
import type { PathRecord, ShortestPathQuery, ShortestPaths } from '../ports/GraphReads.ts';
import type { ReadScope } from '../ports/read-scope.ts';
import { quote, typeAlternatives } from './ddl.ts';
import type { KuzuConnection, Row } from './KuzuConnection.ts';
import { isObject, sameInternalId, toEntity, toRelationship } from './rows.ts';
import { visibleTypes } from './visible.ts';

/** The same bound the GraphQL layer validates against (services/paths.ts). */
const MAX_PATH_LENGTH = 8;

export interface PathEnds {
  readonly from: EntityRecord | undefined;
  readonly to: EntityRecord | undefined;
}

function pathOf(row: Row): PathRecord | undefined {
  const nodes = row.ns;
  const rels = row.rs;
  if (!Array.isArray(nodes) || !Array.isArray(rels) || nodes.length !== rels.length + 1) return undefined;
  const entities = nodes.map((node) => toEntity(node));
  const relationships = rels.map((rel, i) => {
    const here = nodes[i] as KuzuValue;
    const hereId = entities[i]?.id ?? '';
    const thereId = entities[i + 1]?.id ?? '';
    // Walked in either direction: the record keeps the relationship's own.
    const forward = isObject(rel) && isObject(here) && sameInternalId(rel._src, here._id);
    return toRelationship(rel, forward ? { source: hereId, target: thereId } : { source: thereId, target: hereId });
  });
  return { nodes: entities, relationships };
}

export async function shortestPathsByQuery(
  reader: KuzuConnection,
  query: ShortestPathQuery,
  ends: PathEnds,
  scope: ReadScope,
): Promise<ShortestPaths> {
  if (ends.from === undefined) return { kind: 'missing', end: 'from' };
  if (ends.to === undefined) return { kind: 'missing', end: 'to' };
  if (query.from === query.to) return { kind: 'paths', paths: [{ nodes: [ends.from], relationships: [] }] };
  const excluded = new Set(query.excludeTypes ?? []);
  const types = visibleTypes(scope).filter((type) => !excluded.has(type));
  const limit = Math.max(0, Math.floor(query.limit));
  const maxLength = Math.min(MAX_PATH_LENGTH, Math.max(1, Math.floor(query.maxLength)));
  if (types.length === 0 || limit === 0) return { kind: 'paths', paths: [] };
  const end = (label: NodeLabel, name: string): string => `(${name}:${quote(label)} {id: $${name}})`;
  // The bound is part of the pattern, not a parameter; both ends by primary key.
  const rows = await reader.query(
    `MATCH ${end(ends.from.label, 'a')}, ${end(ends.to.label, 'b')}
     MATCH p = (a)-[:${typeAlternatives(types)}* ALL SHORTEST 1..${maxLength}]-(b)
     RETURN nodes(p) AS ns, rels(p) AS rs LIMIT $limit`,
    { a: query.from, b: query.to, limit },
  );
  return { kind: 'paths', paths: rows.flatMap((row) => pathOf(row) ?? []) };
}
