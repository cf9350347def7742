/**
 * A GraphStore over plain maps, for unit tests of the domain services (graph
 * walks, limits, paths) without a database. It implements the port's contract
 * loosely: no Cypher, so runImport is refused. Integration tests use real Kùzu.
 */
import type { GraphStore } from '../../server/src/store/GraphStore.ts';
import type { AuditFilter } from '../../server/src/store/ports/AuditStore.ts';
import type { ImportOutcome, ImportStatements } from '../../server/src/store/ports/GraphImport.ts';
import type {
  Adjacency,
  AdjacencyQuery,
  NeighbourhoodQuery,
  SearchHit,
  SearchQuery,
  ShortestPathQuery,
  ShortestPaths,
  StoreStats,
  Subgraph,
} from '../../server/src/store/ports/GraphReads.ts';
import type { ReadScope } from '../../server/src/store/ports/read-scope.ts';
import type { AuditRecord, EntityRecord, RelationshipRecord, UserRecord } from '../../server/src/model/records.ts';
import { SnapshotBuilder, type AdjacencySnapshot } from '../../server/src/store/traversal/AdjacencySnapshot.ts';
import {
  neighbourhoodFromSnapshot,
  shortestPathsFromSnapshot,
  type RecordFetch,
} from '../../server/src/store/traversal/snapshot-reads.ts';
import { foldText } from '../../server/src/services/search.ts';

export class MemoryStore implements GraphStore {
  readonly kind = 'kuzu' as const;
  readonly nodes = new Map<string, EntityRecord>();
  readonly relationships: RelationshipRecord[] = [];
  readonly users = new Map<string, UserRecord>();
  readonly audit: AuditRecord[] = [];
  /** Every adjacency call, to check how a service walks the graph. */
  readonly adjacentCalls: AdjacencyQuery[] = [];

  addNode(id: string, label: EntityRecord['label'] = 'Person', properties: Record<string, unknown> = {}): this {
    this.nodes.set(id, { id, label, name: id, properties, sources: [] });
    return this;
  }

  addRel(source: string, target: string, type: RelationshipRecord['type'] = 'ASSOCIATE_OF'): this {
    for (const id of [source, target]) if (!this.nodes.has(id)) this.addNode(id);
    const id = `r${this.relationships.length + 1}`;
    this.relationships.push({ id, type, source, target, properties: {}, sources: [] });
    return this;
  }

  async ensureSchema(): Promise<void> {}
  async ping(): Promise<void> {}
  async close(): Promise<void> {}
  async countNodes(): Promise<number> {
    return this.nodes.size;
  }

  async stats(scope: ReadScope): Promise<StoreStats> {
    const byLabel = new Map<EntityRecord['label'], number>();
    for (const n of this.nodes.values()) byLabel.set(n.label, (byLabel.get(n.label) ?? 0) + 1);
    const byType = new Map<RelationshipRecord['type'], number>();
    for (const r of this.visible(scope)) byType.set(r.type, (byType.get(r.type) ?? 0) + 1);
    return {
      byLabel: [...byLabel].map(([label, count]) => ({ label, count })),
      byType: [...byType].map(([type, count]) => ({ type, count })),
    };
  }

  async search(query: SearchQuery): Promise<SearchHit[]> {
    const q = foldText(query.text);
    return [...this.nodes.values()]
      .filter((n) => !query.labels || query.labels.includes(n.label))
      .filter((n) => foldText(n.name).includes(q))
      .slice(0, query.limit)
      .map((entity) => ({ entity, score: 1 }));
  }

  async getEntities(ids: readonly string[]): Promise<EntityRecord[]> {
    return ids.map((id) => this.nodes.get(id)).filter((n): n is EntityRecord => n !== undefined);
  }

  async adjacent(query: AdjacencyQuery, scope: ReadScope): Promise<Adjacency> {
    this.adjacentCalls.push(query);
    const out = new Map<string, RelationshipRecord>();
    const omitted: Record<string, number> = {};
    for (const id of query.ids) {
      const rels = this.visible(scope).filter(
        (r) => (r.source === id || r.target === id) && (!query.relTypes || query.relTypes.includes(r.type)),
      );
      for (const r of rels.slice(0, query.perNodeLimit)) out.set(r.id, r);
      if (rels.length > query.perNodeLimit) omitted[id] = rels.length - query.perNodeLimit;
    }
    return { relationships: [...out.values()], omitted };
  }

  async neighbourhood(query: NeighbourhoodQuery, scope: ReadScope): Promise<Subgraph> {
    return neighbourhoodFromSnapshot(this.snapshot(), query, scope, this.fetch);
  }

  async shortestPaths(query: ShortestPathQuery, scope: ReadScope): Promise<ShortestPaths> {
    return shortestPathsFromSnapshot(this.snapshot(), query, scope, this.fetch);
  }

  /** Rebuilt on every call: tests change the maps between calls, and they are tiny. */
  snapshot(): AdjacencySnapshot {
    const builder = new SnapshotBuilder();
    const index = new Map([...this.nodes.values()].map((node) => [node.id, builder.addNode(node.id, node.label)]));
    this.relationships.forEach((rel, ref) => {
      const source = index.get(rel.source);
      const target = index.get(rel.target);
      if (source !== undefined && target !== undefined)
        builder.addRelationship({ ref, type: rel.type, source, target });
    });
    return builder.finish();
  }

  private readonly fetch: RecordFetch = {
    entities: async (keys) => keys.flatMap((k) => this.nodes.get(k.id) ?? []),
    // The snapshot's ref is the position in `relationships`.
    relationships: async (keys) => keys.map((k) => this.relationships[k.ref]),
  };

  async scanRelationships(scan: { types: readonly string[]; limit: number }, scope: ReadScope) {
    const all = this.visible(scope).filter((r) => scan.types.includes(r.type));
    return { relationships: all.slice(0, scan.limit), truncated: all.length > scan.limit };
  }

  /** No Cypher here: refused, and a streamed source is closed rather than left open (a file handle). */
  async runImport(statements: ImportStatements): Promise<ImportOutcome> {
    if (Symbol.asyncIterator in statements) await statements[Symbol.asyncIterator]().return?.();
    throw new Error('MemoryStore does not run Cypher');
  }

  async findUser(username: string): Promise<UserRecord | undefined> {
    return this.users.get(username);
  }
  async listUsers(): Promise<UserRecord[]> {
    return [...this.users.values()];
  }
  async saveUser(user: UserRecord): Promise<void> {
    this.users.set(user.username, user);
  }

  async appendAudit(records: readonly AuditRecord[]): Promise<void> {
    this.audit.push(...records);
  }
  async lastAudit(): Promise<AuditRecord | undefined> {
    return this.audit.at(-1);
  }
  async queryAudit(filter: AuditFilter): Promise<AuditRecord[]> {
    return [...this.audit].reverse().slice(0, filter.limit);
  }
  async readAuditChain(afterSeq: number, limit: number): Promise<AuditRecord[]> {
    return this.audit.filter((r) => r.seq > afterSeq).slice(0, limit);
  }

  private visible(scope: ReadScope): RelationshipRecord[] {
    return this.relationships.filter((r) => !scope.hiddenRelTypes.includes(r.type));
  }
}
