/**
 * The one seam to the database. Domain services talk to this port only; each
 * adapter (store/kuzu, store/neo4j) owns its Cypher and its driver. Every method
 * takes and returns plain, structured-clone-safe data so that an adapter can run
 * in another process (the embedded store does, behind a memory cap); the one
 * stream, runImport's statements, crosses that boundary in bounded batches.
 */
import type { NodeLabel, RelType } from '../model/index.ts';

export type StoreKind = 'kuzu' | 'neo4j';

/** Who asks and why: every transaction is tagged with it (Neo4j tx metadata, logs). */
export interface TxMeta {
  readonly user: string;
  readonly operation: string;
  readonly requestId?: string;
}

/**
 * What the caller may see. Relationship types listed here do not exist for this
 * read: they are not returned, not traversed, not counted. This is how informant
 * identities (IDENTIFIES_AS) stay invisible to uncleared users from every direction.
 */
export interface ReadScope {
  readonly hiddenRelTypes: readonly RelType[];
}

export interface EntityRecord {
  readonly id: string;
  readonly label: NodeLabel;
  readonly name: string;
  /** Every other stored property; absent values are left out, never null or "". */
  readonly properties: Readonly<Record<string, unknown>>;
  readonly sources: readonly string[];
}

export interface RelationshipRecord {
  readonly id: string;
  readonly type: RelType;
  /** id of the start node */
  readonly source: string;
  /** id of the end node */
  readonly target: string;
  readonly properties: Readonly<Record<string, unknown>>;
  readonly sources: readonly string[];
}

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
  /** At most this many relationships per node in `ids`; the rest is counted, not returned. */
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

/** A statement of an import file, already validated against the model and the sandbox. */
export interface ImportStatement {
  /** 1-based position in the file. */
  readonly index: number;
  /** Neo4j-dialect Cypher text; the adapter translates it to its own dialect. */
  readonly cypher: string;
  /** 1-based line of the statement's first character in the file. */
  readonly line: number;
  readonly column: number;
}

/**
 * The statements of one import, in file order: a list for a script held in memory
 * (the mutation), or a stream for a file read while it runs (the CLI), so that a
 * file of hundreds of MB is never held whole. A stream that throws aborts the
 * import like a failing statement: nothing is committed, and its error is the one
 * the caller gets back.
 */
export type ImportStatements = Iterable<ImportStatement> | AsyncIterable<ImportStatement>;

export interface ImportOutcome {
  readonly statements: number;
  readonly nodesCreated: number;
  readonly relationshipsCreated: number;
}

export interface ImportOptions {
  readonly dryRun: boolean;
  readonly meta: TxMeta;
  /** Called after each statement so long imports can show progress. */
  readonly onProgress?: (done: number) => void;
}

export type Role = 'VIEWER' | 'INVESTIGATOR' | 'ADMIN';

export interface UserRecord {
  readonly username: string;
  readonly passwordHash: string;
  readonly role: Role;
  readonly informantClearance: boolean;
  readonly disabled: boolean;
  /** Bumped to revoke every token issued before (disable, password change). */
  readonly tokenVersion: number;
  readonly createdAt: string;
}

export interface AuditRecord {
  readonly seq: number;
  readonly at: string;
  readonly user: string;
  readonly role: string;
  readonly operation: string;
  readonly purpose: string;
  readonly entityIds: readonly string[];
  readonly outcome: string;
  readonly requestId: string;
  readonly clientAddress: string;
  /** Extra facts worth keeping (import file name and digest, cleared identity read, ...), as JSON. */
  readonly details: string;
  readonly prevHash: string;
  readonly hash: string;
}

export interface AuditFilter {
  readonly limit: number;
  readonly user?: string;
  readonly entityId?: string;
  /** ISO datetime */
  readonly since?: string;
}

export interface GraphStore {
  readonly kind: StoreKind;

  /** Creates tables, constraints and indexes that are missing. Idempotent. */
  ensureSchema(): Promise<void>;
  /** Resolves when the database answers; rejects with a StoreUnavailableError otherwise. */
  ping(): Promise<void>;
  close(): Promise<void>;

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

  /** Runs every statement in one transaction: all commit, or none (and nothing changes on dryRun). */
  runImport(statements: ImportStatements, options: ImportOptions): Promise<ImportOutcome>;

  findUser(username: string): Promise<UserRecord | undefined>;
  listUsers(): Promise<UserRecord[]>;
  /** Inserts or replaces the user with this username. */
  saveUser(user: UserRecord): Promise<void>;

  /**
   * Appends the records, in order, in one transaction: all of them are durable
   * when this resolves, none when it rejects (the trail batches concurrent requests).
   */
  appendAudit(records: readonly AuditRecord[]): Promise<void>;
  lastAudit(): Promise<AuditRecord | undefined>;
  /** Newest first. */
  queryAudit(filter: AuditFilter): Promise<AuditRecord[]>;
  /** Oldest first, for chain verification; `afterSeq` pages through. */
  readAuditChain(afterSeq: number, limit: number): Promise<AuditRecord[]>;
}
