/** The graph reads port: what the explorer, paths, search, stats and red flags read. */
import type { NodeLabel, RelType } from '../../model/index.ts';
import type { EntityRecord, RelationshipRecord } from '../../model/records.ts';
import type { ReadScope, TxMeta } from './read-scope.ts';

export interface SearchHit {
  readonly entity: EntityRecord;
  readonly score: number;
}

export interface SearchQuery {
  /** Free text as the user typed it; the adapter must treat it as a value, never as syntax. */
  readonly text: string;
  readonly labels?: readonly NodeLabel[];
  readonly limit: number;
}

export interface AdjacencyQuery {
  readonly ids: readonly string[];
  /** Only these types (all visible types when absent). */
  readonly relTypes?: readonly RelType[];
  /**
   * At most this many relationships per node in `ids`; the rest is counted, not returned. Every
   * adapter keeps the same ones (CAP_ORDER): by the neighbour's id, then the type, then the relationship.
   */
  readonly perNodeLimit: number;
}

export interface Adjacency {
  readonly relationships: readonly RelationshipRecord[];
  /** For each node of the query that had more relationships than perNodeLimit: how many were left out. */
  readonly omitted: Readonly<Record<string, number>>;
}

/** A breadth-first expansion around seeds, capped like the explorer's `neighbourhood`. */
export interface NeighbourhoodQuery {
  readonly seeds: readonly string[];
  /** Levels to expand (1 = direct neighbours). */
  readonly depth: number;
  /** Nodes overall, seeds included. */
  readonly limit: number;
  /** Relationships read per expanded node; the rest is counted in `omitted`. */
  readonly perNodeLimit: number;
  /** Only these types (all visible types when absent). */
  readonly relTypes?: readonly RelType[];
}

/** Always consistent: every relationship has both ends among `nodes`. */
export interface Subgraph {
  readonly nodes: EntityRecord[];
  readonly relationships: RelationshipRecord[];
  /** Something was left out: a node over perNodeLimit, or the node limit reached. */
  readonly truncated: boolean;
  /** Expanded nodes that had more relationships than perNodeLimit, and how many were left out. */
  readonly omitted: Array<{ id: string; count: number }>;
}

/** Every shortest undirected path between two entities, up to `limit` of them. */
export interface ShortestPathQuery {
  readonly from: string;
  readonly to: string;
  readonly maxLength: number;
  readonly limit: number;
  /** Never through a node of these labels; the two ends are exempt (an analyst may start at a place). */
  readonly excludeLabels?: readonly NodeLabel[];
  /** Never along these types, on top of what the scope hides. */
  readonly excludeTypes?: readonly RelType[];
}

/** `nodes` has one more element than `relationships`, in walking order from `from`. */
export interface PathRecord {
  readonly nodes: EntityRecord[];
  readonly relationships: RelationshipRecord[];
}

export type ShortestPaths =
  | { readonly kind: 'paths'; readonly paths: PathRecord[] }
  /** An end does not exist: the caller says which (the other may be missing too). */
  | { readonly kind: 'missing'; readonly end: 'from' | 'to' };

export interface RelationshipScan {
  readonly types: readonly RelType[];
  /** Stop after this many; `truncated` says so. */
  readonly limit: number;
}

export interface StoreStats {
  readonly byLabel: ReadonlyArray<{ readonly label: NodeLabel; readonly count: number }>;
  readonly byType: ReadonlyArray<{ readonly type: RelType; readonly count: number }>;
}

export interface GraphReads {
  countNodes(): Promise<number>;
  stats(scope: ReadScope, meta: TxMeta): Promise<StoreStats>;
  search(query: SearchQuery, meta: TxMeta): Promise<SearchHit[]>;
  getEntities(ids: readonly string[], meta: TxMeta): Promise<EntityRecord[]>;
  adjacent(query: AdjacencyQuery, scope: ReadScope, meta: TxMeta): Promise<Adjacency>;
  /** The whole level-by-level expansion in one call, with the caps applied inside. */
  neighbourhood(query: NeighbourhoodQuery, scope: ReadScope, meta: TxMeta): Promise<Subgraph>;
  /**
   * Shortest paths ignoring direction, never through a type the scope hides.
   * Rejects with LimitExceededError when the search grows too large to finish.
   */
  shortestPaths(query: ShortestPathQuery, scope: ReadScope, meta: TxMeta): Promise<ShortestPaths>;
  scanRelationships(
    scan: RelationshipScan,
    scope: ReadScope,
    meta: TxMeta,
  ): Promise<{
    relationships: RelationshipRecord[];
    truncated: boolean;
  }>;
}
