import { describe, expect, it } from 'vitest';
import type { EntityRecord, RelationshipRecord } from '../../model/records.ts';
import { SnapshotBuilder } from '../traversal/AdjacencySnapshot.ts';
import type { NodeKey, RecordFetch, RelationshipKey } from '../traversal/snapshot-reads.ts';
import { cachedRecordFetch, LruMap } from './record-cache.ts';

const entity = (id: string): EntityRecord => ({ id, label: 'Person', name: id, properties: {}, sources: [] });
const node = (id: string): NodeKey => ({ id, label: 'Person' });
const rel = (ref: number, source: string, target: string): RelationshipKey => ({
  ref,
  type: 'ASSOCIATE_OF',
  source: node(source),
  target: node(target),
});

/** A store read that counts what it is asked for; `missing` ids do not exist. */
function countingFetch(missing: ReadonlySet<string> = new Set()) {
  const asked = { entities: [] as string[], relationships: [] as number[] };
  const fetch: RecordFetch = {
    entities: async (nodes) => {
      asked.entities.push(...nodes.map((n) => n.id));
      return nodes.filter((n) => !missing.has(n.id)).map((n) => entity(n.id));
    },
    relationships: async (rels) => {
      asked.relationships.push(...rels.map((r) => r.ref));
      return rels.map((r): RelationshipRecord | undefined =>
        missing.has(r.source.id)
          ? undefined
          : { id: `r${r.ref}`, type: r.type, source: r.source.id, target: r.target.id, properties: {}, sources: [] },
      );
    },
  };
  return { fetch, asked };
}

const snapshot = () => {
  const builder = new SnapshotBuilder();
  builder.addNode('a', 'Person');
  return builder.finish();
};

describe('LruMap', () => {
  it('forgets the least recently used entry beyond its capacity', () => {
    const map = new LruMap<string, number>(2);
    map.set('a', 1);
    map.set('b', 2);
    expect(map.get('a')).toBe(1); // now b is the oldest
    map.set('c', 3);
    expect([map.get('a'), map.get('b'), map.get('c'), map.size]).toEqual([1, undefined, 3, 2]);
  });
});

describe('cachedRecordFetch', () => {
  it('reads each record once per snapshot, in the order asked, without duplicates', async () => {
    const { fetch, asked } = countingFetch();
    const graph = snapshot();
    expect((await cachedRecordFetch(graph, fetch).entities([node('a'), node('b')])).map((e) => e.id)).toEqual([
      'a',
      'b',
    ]);
    const again = await cachedRecordFetch(graph, fetch).entities([node('c'), node('b'), node('a'), node('c')]);
    expect(again.map((e) => e.id)).toEqual(['c', 'b', 'a']);
    expect(asked.entities).toEqual(['a', 'b', 'c']);
  });

  it('keeps relationships aligned with the keys asked, undefined where one is gone', async () => {
    const { fetch, asked } = countingFetch(new Set(['gone']));
    const graph = snapshot();
    await cachedRecordFetch(graph, fetch).relationships([rel(1, 'a', 'b')]);
    const answer = await cachedRecordFetch(graph, fetch).relationships([
      rel(2, 'gone', 'b'),
      rel(1, 'a', 'b'),
      rel(1, 'b', 'c'),
    ]);
    expect(answer.map((r) => r?.id)).toEqual([undefined, 'r1', 'r1']);
    expect(answer[2]?.source).toBe('b'); // same offset, other table: not the cached one
    expect(asked.relationships).toEqual([1, 2, 1]);
  });

  it('reads again under a new snapshot: nothing read before a commit is served after it', async () => {
    const { fetch, asked } = countingFetch();
    await cachedRecordFetch(snapshot(), fetch).entities([node('a')]);
    await cachedRecordFetch(snapshot(), fetch).entities([node('a')]);
    expect(asked.entities).toEqual(['a', 'a']);
  });
});
