/**
 * Records already read, kept beside the adjacency snapshot they were read
 * under. An investigation comes back to the same people again and again (every
 * expansion of a hub reads the same hundred records), and one index lookup in
 * Kùzu costs about a millisecond, nearly all of it per-query overhead. The
 * cache is keyed by snapshot: when an import commits, the snapshot is dropped
 * and its records go with it, so nothing read before a write is served after it
 * (this process is the database's only writer).
 */
import type { EntityRecord, RelationshipRecord } from '../../model/records.ts';
import type { AdjacencySnapshot } from '../traversal/AdjacencySnapshot.ts';
import type { NodeKey, RecordFetch, RelationshipKey } from '../traversal/snapshot-reads.ts';
import { relationshipIdentity } from './record-fetch.ts';

/** Bounds memory: about 1 KB a record, so a few tens of MB at most. */
const MAX_ENTITIES = 20_000;
const MAX_RELATIONSHIPS = 40_000;

/** A Map that forgets its least recently used entry beyond `capacity`. */
export class LruMap<K, V> {
  private readonly entries = new Map<K, V>();

  constructor(private readonly capacity: number) {}

  get size(): number {
    return this.entries.size;
  }

  get(key: K): V | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }

  set(key: K, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
  }
}

interface RecordCache {
  readonly entities: LruMap<string, EntityRecord>;
  readonly relationships: LruMap<string, RelationshipRecord>;
}

const bySnapshot = new WeakMap<AdjacencySnapshot, RecordCache>();

function cacheOf(snapshot: AdjacencySnapshot): RecordCache {
  let cache = bySnapshot.get(snapshot);
  if (!cache) {
    cache = { entities: new LruMap(MAX_ENTITIES), relationships: new LruMap(MAX_RELATIONSHIPS) };
    bySnapshot.set(snapshot, cache);
  }
  return cache;
}

const relationshipKey = (r: RelationshipKey): string => relationshipIdentity(r.type, r.source.id, r.target.id, r.ref);

/** `fetch`, answering from the snapshot's cache where it can and filling it with what it reads. */
export function cachedRecordFetch(snapshot: AdjacencySnapshot, fetch: RecordFetch): RecordFetch {
  const cache = cacheOf(snapshot);
  return {
    entities: async (nodes: readonly NodeKey[]) => {
      const known = new Map<string, EntityRecord>();
      const misses = new Map<string, NodeKey>();
      for (const node of nodes) {
        if (known.has(node.id) || misses.has(node.id)) continue;
        const cached = cache.entities.get(node.id);
        if (cached) known.set(node.id, cached);
        else misses.set(node.id, node);
      }
      for (const entity of misses.size === 0 ? [] : await fetch.entities([...misses.values()])) {
        known.set(entity.id, entity);
        cache.entities.set(entity.id, entity);
      }
      const seen = new Set<string>();
      return nodes.flatMap((node) => {
        const entity = known.get(node.id);
        if (!entity || seen.has(node.id)) return [];
        seen.add(node.id);
        return [entity];
      });
    },
    relationships: async (rels: readonly RelationshipKey[]) => {
      const keys = rels.map(relationshipKey);
      const known = new Map<string, RelationshipRecord>();
      const misses: RelationshipKey[] = [];
      rels.forEach((rel, index) => {
        const key = keys[index] ?? '';
        const cached = cache.relationships.get(key);
        if (cached) known.set(key, cached);
        else misses.push(rel);
      });
      const read = misses.length === 0 ? [] : await fetch.relationships(misses);
      read.forEach((rel, index) => {
        const miss = misses[index];
        if (rel === undefined || miss === undefined) return;
        known.set(relationshipKey(miss), rel);
        cache.relationships.set(relationshipKey(miss), rel);
      });
      return keys.map((key) => known.get(key));
    },
  };
}
