/**
 * The two walks over an AdjacencySnapshot, then one batched fetch of the records
 * they name. An adapter that keeps a snapshot answers `neighbourhood` and
 * `shortestPaths` with these, supplying only how to fetch records by key.
 */
import type { NodeLabel, RelType } from '../../model/index.ts';
import type { EntityRecord, RelationshipRecord } from '../../model/records.ts';
import type { NeighbourhoodQuery, ShortestPathQuery, ShortestPaths, Subgraph } from '../ports/GraphReads.ts';
import type { ReadScope } from '../ports/read-scope.ts';
import { typeMask, type AdjacencySnapshot, type TypeMask } from './AdjacencySnapshot.ts';
import { bidirectionalSearch } from './bidirectional-search.ts';
import { walkNeighbourhood, type AdjacentEdges, type WalkEdge } from './neighbourhood-walk.ts';

/**
 * Nodes one side of a path search may reach at one distance before it gives up.
 * Measured at 1 M people (3.5 M relationships): 20,000 refused two pairs in ten
 * that Kùzu joins in 5 and 6 steps; a level of 250,000 nodes is a few tens of MB
 * of maps and well under a second of walking.
 */
export const MAX_PATH_FRONTIER = 250_000;

export interface NodeKey {
  readonly id: string;
  readonly label: NodeLabel;
}

/** A relationship as the snapshot knows it: enough for an adapter to find its record. */
export interface RelationshipKey {
  /** The adapter's own handle, given when it built the snapshot. */
  readonly ref: number;
  readonly type: RelType;
  readonly source: NodeKey;
  readonly target: NodeKey;
}

export interface RecordFetch {
  /** Records of the nodes that still exist, any order. */
  entities(nodes: readonly NodeKey[]): Promise<EntityRecord[]>;
  /** One entry per key, in the same order: the record, or undefined when it no longer exists. */
  relationships(rels: readonly RelationshipKey[]): Promise<Array<RelationshipRecord | undefined>>;
}

/** `id` is the relationship's index in the snapshot, as text: records are read only at the end. */
interface SnapshotEdge extends WalkEdge {
  readonly index: number;
}

const nodeKey = (snapshot: AdjacencySnapshot, node: number): NodeKey => ({
  id: snapshot.idOf(node),
  label: snapshot.labelOf(node),
});

function relationshipKey(snapshot: AdjacencySnapshot, rel: number): RelationshipKey {
  const r = snapshot.relationship(rel);
  return { ref: r.ref, type: r.type, source: nodeKey(snapshot, r.source), target: nodeKey(snapshot, r.target) };
}

/** Same contract as GraphStore.adjacent, from memory: the first perNodeLimit in snapshot order. */
function adjacentIn(
  snapshot: AdjacencySnapshot,
  mask: TypeMask,
  ids: readonly string[],
  perNodeLimit: number,
): AdjacentEdges<SnapshotEdge> {
  const seen = new Set<number>();
  const relationships: SnapshotEdge[] = [];
  const omitted: Record<string, number> = {};
  for (const id of new Set(ids)) {
    const node = snapshot.indexOf(id);
    if (node === undefined) continue;
    const edges: Array<readonly [other: number, rel: number]> = [];
    snapshot.forEachNeighbour(node, mask, (other, rel) => edges.push([other, rel]));
    // A capped node keeps the same neighbours on every store: see CAP_ORDER.
    if (edges.length > perNodeLimit) edges.sort(capOrder(snapshot));
    for (const [, rel] of edges.slice(0, perNodeLimit)) {
      if (seen.has(rel)) continue;
      seen.add(rel);
      const r = snapshot.relationship(rel);
      relationships.push({
        index: rel,
        id: String(rel),
        source: snapshot.idOf(r.source),
        target: snapshot.idOf(r.target),
      });
    }
    if (edges.length > perNodeLimit) omitted[id] = edges.length - perNodeLimit;
  }
  return { relationships, omitted };
}

/**
 * Which relationships a per-node cap keeps: by the neighbour's id, then the type, then the
 * relationship (CAP_ORDER in store/ports/GraphReads.ts), so that Neo4j and the embedded store agree.
 */
function capOrder(snapshot: AdjacencySnapshot) {
  const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
  return ([otherA, relA]: readonly [number, number], [otherB, relB]: readonly [number, number]): number => {
    const a = snapshot.relationship(relA);
    const b = snapshot.relationship(relB);
    return compare(snapshot.idOf(otherA), snapshot.idOf(otherB)) || compare(a.type, b.type) || a.ref - b.ref;
  };
}

export async function neighbourhoodFromSnapshot(
  snapshot: AdjacencySnapshot,
  query: NeighbourhoodQuery,
  scope: ReadScope,
  fetch: RecordFetch,
): Promise<Subgraph> {
  const mask = typeMask(scope, query.relTypes);
  const perNodeLimit = Math.max(0, Math.floor(query.perNodeLimit));
  const walk = await walkNeighbourhood(query, {
    existing: (ids) => [...new Set(ids)].filter((id) => snapshot.indexOf(id) !== undefined),
    adjacent: (ids) => adjacentIn(snapshot, mask, ids, perNodeLimit),
  });
  const keys = walk.nodeIds.flatMap((id) => {
    const node = snapshot.indexOf(id);
    return node === undefined ? [] : [nodeKey(snapshot, node)];
  });
  const [entities, rels] = await Promise.all([
    fetch.entities(keys),
    fetch.relationships(walk.relationships.map((edge) => relationshipKey(snapshot, edge.index))),
  ]);
  const byId = new Map(entities.map((e) => [e.id, e]));
  return {
    nodes: walk.nodeIds.flatMap((id) => byId.get(id) ?? []),
    // Written since the snapshot was taken: keep the subgraph consistent whatever was deleted.
    relationships: rels.flatMap((rel) => (rel && byId.has(rel.source) && byId.has(rel.target) ? [rel] : [])),
    truncated: walk.truncated,
    omitted: walk.omitted,
  };
}

function allDefined<T>(list: ReadonlyArray<T | undefined>): T[] | undefined {
  const out: T[] = [];
  for (const item of list) {
    if (item === undefined) return undefined;
    out.push(item);
  }
  return out;
}

export async function shortestPathsFromSnapshot(
  snapshot: AdjacencySnapshot,
  query: ShortestPathQuery,
  scope: ReadScope,
  fetch: RecordFetch,
): Promise<ShortestPaths> {
  const from = snapshot.indexOf(query.from);
  const to = snapshot.indexOf(query.to);
  if (from === undefined) return { kind: 'missing', end: 'from' };
  if (to === undefined) return { kind: 'missing', end: 'to' };
  // An excluded type is walked no more than a hidden one.
  const mask = typeMask({ hiddenRelTypes: [...scope.hiddenRelTypes, ...(query.excludeTypes ?? [])] });
  const excluded = new Set(query.excludeLabels ?? []);
  // The ends are exempt: only the nodes a path passes through are checked.
  const passable = (node: number): boolean => node === from || node === to || !excluded.has(snapshot.labelOf(node));
  const found =
    from === to
      ? [{ nodes: [from], rels: [] }]
      : bidirectionalSearch(
          {
            forEachNeighbour:
              excluded.size === 0
                ? (node, visit) => snapshot.forEachNeighbour(node, mask, visit)
                : (node, visit) =>
                    snapshot.forEachNeighbour(node, mask, (other, rel) => {
                      if (passable(other)) visit(other, rel);
                    }),
          },
          {
            from,
            to,
            maxLength: query.maxLength,
            limit: query.limit,
            maxFrontier: MAX_PATH_FRONTIER,
            describe: (node) => snapshot.idOf(node),
          },
        );
  const nodes = [...new Set(found.flatMap((p) => p.nodes))];
  const rels = [...new Set(found.flatMap((p) => p.rels))];
  const [entities, records] = await Promise.all([
    fetch.entities(nodes.map((node) => nodeKey(snapshot, node))),
    fetch.relationships(rels.map((rel) => relationshipKey(snapshot, rel))),
  ]);
  const byId = new Map(entities.map((e) => [e.id, e]));
  const byIndex = new Map(rels.map((rel, i) => [rel, records[i]]));
  const paths = found.flatMap((p) => {
    const pathNodes = p.nodes.map((node) => byId.get(snapshot.idOf(node)));
    const pathRels = p.rels.map((rel) => byIndex.get(rel));
    const nodes = allDefined(pathNodes);
    const relationships = allDefined(pathRels);
    // A node or relationship deleted since the snapshot was taken breaks that path: leave it out.
    return nodes && relationships ? [{ nodes, relationships }] : [];
  });
  return { kind: 'paths', paths };
}
