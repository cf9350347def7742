/**
 * GraphStore on Neo4j 5 (production, docker-compose). The Cypher lives in
 * queries.ts and schema-statements.ts; the driver, timeouts and error translation
 * in runner.ts. One model label per node; users and the audit trail are
 * :MaillonUser and :MaillonAudit nodes that no explorer query matches.
 * Needs Neo4j 5.23 or later (scoped `CALL () { }` subqueries); docker-compose pins 5.26.
 */
import { NODE_LABELS, REL_TYPES, isNodeLabel, isRelType, type RelType } from '../../model/index.ts';
import type { Logger } from '../../logger.ts';
import type { AuditRecord, EntityRecord, RelationshipRecord, UserRecord } from '../../model/records.ts';
import type { GraphStore } from '../GraphStore.ts';
import type { AuditFilter } from '../ports/AuditStore.ts';
import type { ExportNode, ExportRelationship, NodePage, RelationshipPage } from '../ports/GraphExport.ts';
import type { ImportOptions, ImportOutcome, ImportStatements } from '../ports/GraphImport.ts';
import type {
  Adjacency,
  AdjacencyQuery,
  NeighbourhoodQuery,
  PathRecord,
  RelationshipScan,
  SearchHit,
  SearchQuery,
  ShortestPathQuery,
  ShortestPaths,
  StoreStats,
  Subgraph,
} from '../ports/GraphReads.ts';
import type { ReadScope, TxMeta } from '../ports/read-scope.ts';
import type { CaseFileStore, CaseRow, CaseTable } from '../CaseFileStore.ts';
import { GENESIS_HASH, checkFollows } from '../audit-head.ts';
import type { SharedStateStore } from '../SharedStateStore.ts';
import { neighbourhoodByQueries } from '../traversal/neighbourhood-by-queries.ts';
import * as caseFiles from './case-files.ts';
import { exportNodes, exportRelationships } from './export-reads.ts';
import { GroupCommit } from './group-commit.ts';
import { runImport } from './import.ts';
import { luceneQuery } from './lucene.ts';
import * as Q from './queries.ts';
import { rankCandidates } from '../search/rank-candidates.ts';
import { auditFrom, entityFrom, modelLabel, relationshipFrom, userFrom } from './records.ts';
import { Neo4jSharedState } from './Neo4jSharedState.ts';
import { Runner, run } from './runner.ts';
import { ensureSchema } from './schema.ts';
import { asNumber, asString } from './values.ts';

export interface Neo4jStoreOptions {
  readonly uri: string;
  readonly user: string;
  readonly password: string;
  readonly database?: string;
  /** Server-side transaction timeout for reads and writes (imports get importTimeoutMs). */
  readonly queryTimeoutMs?: number;
  readonly importTimeoutMs?: number;
  readonly logger: Logger;
}

const system = (operation: string): TxMeta => ({ user: 'system', operation });
/** LIMIT takes a non-negative integer only; the port's numbers are validated upstream, this keeps them so. */
const wholeLimit = (n: number): number => Math.max(0, Math.floor(n));
/** Full-text hits ranked per search: enough that a page's best are among them. */
const MIN_SEARCH_CANDIDATES = 100;
const MAX_SEARCH_CANDIDATES = 500;
const visibleTypes = (types: readonly RelType[], scope: ReadScope): RelType[] =>
  [...new Set(types)].filter((t) => !scope.hiddenRelTypes.includes(t));

export class Neo4jStore implements GraphStore, CaseFileStore, SharedStateStore {
  readonly kind = 'neo4j' as const;
  private readonly runner: Runner;
  private readonly importTimeoutMs: number;
  private readonly shared: Neo4jSharedState;
  private readonly users: GroupCommit<string, UserRecord | undefined>;

  constructor(options: Neo4jStoreOptions) {
    this.runner = new Runner({
      uri: options.uri,
      user: options.user,
      password: options.password,
      database: options.database ?? 'neo4j',
      queryTimeoutMs: options.queryTimeoutMs ?? 10_000,
      logger: options.logger,
    });
    this.importTimeoutMs = options.importTimeoutMs ?? 600_000;
    this.shared = new Neo4jSharedState(this.runner);
    this.users = new GroupCommit(async (usernames) => {
      const rows = await this.runner.readOnce(system('findUser'), Q.FIND_USERS, { usernames: [...new Set(usernames)] });
      const found = new Map(rows.map((row) => userFrom(row.user)).map((user) => [user.username, user]));
      return usernames.map((username) => found.get(username));
    });
  }

  recordPersonReads: SharedStateStore['recordPersonReads'] = (...a) => this.shared.recordPersonReads(...a);
  countPersonReads: SharedStateStore['countPersonReads'] = (...a) => this.shared.countPersonReads(...a);
  forgetPersonReads: SharedStateStore['forgetPersonReads'] = (...a) => this.shared.forgetPersonReads(...a);
  suspend: SharedStateStore['suspend'] = (...a) => this.shared.suspend(...a);
  liftSuspension: SharedStateStore['liftSuspension'] = (...a) => this.shared.liftSuspension(...a);
  findSuspension: SharedStateStore['findSuspension'] = (...a) => this.shared.findSuspension(...a);
  addAlert: SharedStateStore['addAlert'] = (...a) => this.shared.addAlert(...a);
  listAlerts: SharedStateStore['listAlerts'] = (...a) => this.shared.listAlerts(...a);
  countInWindow: SharedStateStore['countInWindow'] = (...a) => this.shared.countInWindow(...a);
  takeAttempt: SharedStateStore['takeAttempt'] = (...a) => this.shared.takeAttempt(...a);
  resetAttempts: SharedStateStore['resetAttempts'] = (...a) => this.shared.resetAttempts(...a);
  grantAllowance: SharedStateStore['grantAllowance'] = (...a) => this.shared.grantAllowance(...a);
  findAllowance: SharedStateStore['findAllowance'] = (...a) => this.shared.findAllowance(...a);

  ensureSchema(): Promise<void> {
    return ensureSchema(this.runner);
  }

  async ping(): Promise<void> {
    await this.runner.read(system('ping'), (tx) => run(tx, Q.PING, {}));
  }

  close(): Promise<void> {
    return this.runner.close();
  }

  async countNodes(): Promise<number> {
    const rows = await this.runner.read(system('countNodes'), (tx) => run(tx, Q.COUNT_NODES, {}));
    return asNumber(rows[0]?.count);
  }

  async stats(scope: ReadScope, meta: TxMeta): Promise<StoreStats> {
    const [labelRows, typeRows] = await this.runner.read(meta, async (tx) => [
      await run(tx, Q.COUNT_BY_LABEL, {}),
      await run(tx, Q.COUNT_BY_TYPE, {}),
    ]);
    const labelCounts = new Map(labelRows.map((r) => [asString(r.label), asNumber(r.count)]));
    const typeCounts = new Map(typeRows.map((r) => [asString(r.type), asNumber(r.count)]));
    return {
      byLabel: NODE_LABELS.map((label) => ({ label, count: labelCounts.get(label) ?? 0 })).filter((e) => e.count > 0),
      byType: visibleTypes(REL_TYPES, scope)
        .map((type) => ({ type, count: typeCounts.get(type) ?? 0 }))
        .filter((e) => e.count > 0),
    };
  }

  async search(query: SearchQuery, meta: TxMeta): Promise<SearchHit[]> {
    const lucene = luceneQuery(query.text);
    if (lucene === undefined || wholeLimit(query.limit) === 0) return [];
    const labels = query.labels && query.labels.length > 0 ? [...query.labels] : null;
    // Lucene finds candidates; the ranking shared with the embedded store orders them.
    const candidates = Math.min(MAX_SEARCH_CANDIDATES, Math.max(MIN_SEARCH_CANDIDATES, wholeLimit(query.limit) * 5));
    const rows = await this.runner.readOnce(meta, Q.SEARCH, { lucene, labels, limit: candidates });
    const entities = rows.flatMap((row) => {
      const label = modelLabel(row.labels);
      return label ? [entityFrom(label, row.props)] : [];
    });
    return rankCandidates(query.text, entities).slice(0, wholeLimit(query.limit));
  }

  async getEntities(ids: readonly string[], meta: TxMeta): Promise<EntityRecord[]> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return [];
    const rows = await this.runner.readOnce(meta, Q.GET_ENTITIES, { ids: unique });
    const byId = new Map<string, EntityRecord>();
    for (const row of rows) {
      const label = asString(row.label);
      if (!isNodeLabel(label)) continue;
      const entity = entityFrom(label, row.props);
      byId.set(entity.id, entity);
    }
    return unique.flatMap((id) => byId.get(id) ?? []);
  }

  async adjacent(query: AdjacencyQuery, scope: ReadScope, meta: TxMeta): Promise<Adjacency> {
    const ids = [...new Set(query.ids)];
    const types = visibleTypes(query.relTypes ?? REL_TYPES, scope);
    if (ids.length === 0 || types.length === 0) return { relationships: [], omitted: {} };
    const rows = await this.runner.readOnce(meta, Q.ADJACENT, {
      ids,
      types,
      perNodeLimit: wholeLimit(query.perNodeLimit),
    });
    const relationships = new Map<string, RelationshipRecord>();
    const omitted: Record<string, number> = {};
    for (const row of rows) {
      const rels = Array.isArray(row.rels) ? row.rels.flatMap((r) => relationshipFrom(r) ?? []) : [];
      for (const rel of rels) relationships.set(rel.id, rel);
      const left = asNumber(row.total) - rels.length;
      if (left > 0) omitted[asString(row.id)] = left;
    }
    return { relationships: [...relationships.values()], omitted };
  }

  exportNodes(page: NodePage, meta: TxMeta): Promise<ExportNode[]> {
    return exportNodes(this.runner, page, meta);
  }

  exportRelationships(page: RelationshipPage, scope: ReadScope, meta: TxMeta): Promise<ExportRelationship[]> {
    return exportRelationships(this.runner, page, scope, meta);
  }

  /** The shared walk over this adapter's adjacency query, then one read of the entities. */
  neighbourhood(query: NeighbourhoodQuery, scope: ReadScope, meta: TxMeta): Promise<Subgraph> {
    return neighbourhoodByQueries(query, {
      entities: (ids) => this.getEntities(ids, meta),
      adjacent: (adjacency) => this.adjacent(adjacency, scope, meta),
    });
  }

  async shortestPaths(query: ShortestPathQuery, scope: ReadScope, meta: TxMeta): Promise<ShortestPaths> {
    const ends = await this.getEntities([query.from, query.to], meta);
    const end = (id: string) => ends.find((e) => e.id === id);
    const from = end(query.from);
    if (from === undefined) return { kind: 'missing', end: 'from' };
    if (end(query.to) === undefined) return { kind: 'missing', end: 'to' };
    if (query.from === query.to) return { kind: 'paths', paths: [{ nodes: [from], relationships: [] }] };
    const excluded = new Set(query.excludeTypes ?? []);
    const types = visibleTypes(REL_TYPES, scope).filter((t) => !excluded.has(t));
    const maxLength = Math.min(Q.MAX_PATH_LENGTH, Math.max(1, Math.floor(query.maxLength)));
    const rows = await this.runner.read(meta, (tx) =>
      run(tx, Q.shortestPathsUpTo(maxLength, (query.excludeLabels?.length ?? 0) > 0), {
        from: query.from,
        to: query.to,
        types,
        excludeLabels: [...(query.excludeLabels ?? [])],
        limit: wholeLimit(query.limit),
      }),
    );
    const found = rows.map((row) => ({
      nodeIds: Array.isArray(row.nodeIds) ? row.nodeIds.map((id) => asString(id)) : [],
      rels: Array.isArray(row.rels) ? row.rels.flatMap((r) => relationshipFrom(r) ?? []) : [],
    }));
    const entities = new Map(
      (await this.getEntities([...new Set(found.flatMap((p) => p.nodeIds))], meta)).map((e) => [e.id, e]),
    );
    const paths = found.flatMap((p): PathRecord[] => {
      const nodes = p.nodeIds.flatMap((id) => entities.get(id) ?? []);
      return nodes.length === p.nodeIds.length ? [{ nodes, relationships: p.rels }] : [];
    });
    return { kind: 'paths', paths };
  }

  async scanRelationships(
    scan: RelationshipScan,
    scope: ReadScope,
    meta: TxMeta,
  ): Promise<{ relationships: RelationshipRecord[]; truncated: boolean }> {
    const types = visibleTypes(scan.types, scope).filter(isRelType);
    const limit = wholeLimit(scan.limit);
    if (types.length === 0 || limit === 0) return { relationships: [], truncated: false };
    const found = await this.runner.read(meta, async (tx) => {
      const rels: RelationshipRecord[] = [];
      // One more than asked for tells whether anything was left out.
      for (const type of types) {
        const wanted = limit + 1 - rels.length;
        if (wanted <= 0) break;
        const rows = await run(tx, Q.scanRelationshipsOfType(type), { limit: wanted });
        rels.push(...rows.flatMap((row) => relationshipFrom(row.rel) ?? []));
      }
      return rels;
    });
    return { relationships: found.slice(0, limit), truncated: found.length > limit };
  }

  runImport(statements: ImportStatements, options: ImportOptions): Promise<ImportOutcome> {
    return runImport({ runner: this.runner, statements, options, timeoutMs: this.importTimeoutMs });
  }

  /**
   * Every request's token is checked against its user's record, read afresh so that a
   * change made through another server applies to the next request; concurrent checks
   * share one read (group-commit.ts), which starts after each of them arrived.
   */
  findUser(username: string): Promise<UserRecord | undefined> {
    return this.users.submit(username);
  }

  async listUsers(): Promise<UserRecord[]> {
    const rows = await this.runner.read(system('listUsers'), (tx) => run(tx, Q.LIST_USERS, {}));
    return rows.map((row) => userFrom(row.user));
  }

  async saveUser(user: UserRecord): Promise<void> {
    await this.runner.write(system('saveUser'), (tx) => run(tx, Q.SAVE_USER, { user: { ...user } }));
  }

  /** Under the head's lock: appends only behind the chain's real head (see audit-head.ts), in one statement. */
  async appendAudit(records: readonly AuditRecord[]): Promise<void> {
    const [first] = records;
    if (first === undefined) return;
    const [row] = await this.runner.write(system('appendAudit'), (tx) =>
      run(tx, Q.APPEND_AUDIT, {
        records: records.map((record) => ({ ...record, entityIds: [...record.entityIds] })),
        afterSeq: first.seq - 1,
        afterHash: first.prevHash,
        genesis: GENESIS_HASH,
      }),
    );
    if (asNumber(row?.written) === records.length) return;
    // Nothing was written: the head moved, and checkFollows says where to.
    checkFollows({ seq: asNumber(row?.seq), hash: asString(row?.hash) }, first);
    throw new Error(`the audit append wrote ${asNumber(row?.written)} of ${records.length} records`);
  }

  async lastAudit(): Promise<AuditRecord | undefined> {
    const rows = await this.runner.read(system('lastAudit'), (tx) => run(tx, Q.LAST_AUDIT, {}));
    return rows[0] ? auditFrom(rows[0].record) : undefined;
  }

  async queryAudit(filter: AuditFilter): Promise<AuditRecord[]> {
    const params = {
      user: filter.user ?? null,
      entityId: filter.entityId ?? null,
      since: filter.since ?? null,
      limit: wholeLimit(filter.limit),
    };
    const rows = await this.runner.read(system('queryAudit'), (tx) => run(tx, Q.QUERY_AUDIT, params));
    return rows.map((row) => auditFrom(row.record));
  }

  async readAuditChain(afterSeq: number, limit: number): Promise<AuditRecord[]> {
    const rows = await this.runner.read(system('readAuditChain'), (tx) =>
      run(tx, Q.READ_AUDIT_CHAIN, { afterSeq, limit: wholeLimit(limit) }),
    );
    return rows.map((row) => auditFrom(row.record));
  }

  putCaseRow(table: CaseTable, row: CaseRow): Promise<void> {
    return caseFiles.putCaseRow(this.runner, table, row);
  }

  caseRowsById(table: CaseTable, ids: readonly string[]): Promise<CaseRow[]> {
    return caseFiles.caseRowsById(this.runner, table, ids);
  }

  caseRowsByOwner(table: CaseTable, owner: string): Promise<CaseRow[]> {
    return caseFiles.caseRowsByOwner(this.runner, table, owner);
  }

  caseRowsByKey(table: CaseTable, keys: readonly string[]): Promise<CaseRow[]> {
    return caseFiles.caseRowsByKey(this.runner, table, keys);
  }
}
