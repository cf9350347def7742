import { describe, expect, it } from 'vitest';
import { ErrorCode, type MaillonError } from '../errors.ts';
import type { ReadContext } from './explore-context.ts';
import { PATH_LIMITS, shortestPaths } from './paths.ts';
import { MemoryStore } from '../../../tests/support/MemoryStore.ts';

const meta = { user: 'test', operation: 'paths' };
const ctxOf = (store: MemoryStore, hidden: ReadContext['scope']['hiddenRelTypes'] = []): ReadContext => ({
  store,
  scope: { hiddenRelTypes: hidden },
  meta,
});
const ids = (path: { nodes: Array<{ id: string }> }) => path.nodes.map((n) => n.id).join('>');

describe('shortestPaths', () => {
  it('finds a chain in either direction of the relationships', async () => {
    const store = new MemoryStore().addRel('a', 'b').addRel('c', 'b').addRel('c', 'd').addRel('d', 'e');
    const paths = await shortestPaths(ctxOf(store), { from: 'a', to: 'e' });
    expect(paths.map(ids)).toEqual(['a>b>c>d>e']);
    expect(paths[0]?.length).toBe(4);
    expect(paths[0]?.relationships.map((r) => r.id)).toEqual(['r1', 'r2', 'r3', 'r4']);
  });

  it('returns every shortest path up to the limit, and no longer ones', async () => {
    // a-b1-z, a-b2-z, a-b3-z are shortest; a-c-d-z is longer.
    const store = new MemoryStore()
      .addRel('a', 'b1')
      .addRel('b1', 'z')
      .addRel('a', 'b2')
      .addRel('b2', 'z')
      .addRel('a', 'b3')
      .addRel('b3', 'z')
      .addRel('a', 'c')
      .addRel('c', 'd')
      .addRel('d', 'z');
    const all = await shortestPaths(ctxOf(store), { from: 'a', to: 'z', limit: 20 });
    expect(all.map(ids).sort()).toEqual(['a>b1>z', 'a>b2>z', 'a>b3>z']);
    const two = await shortestPaths(ctxOf(store), { from: 'a', to: 'z', limit: 2 });
    expect(two).toHaveLength(2);
  });

  it('counts parallel relationships as distinct paths', async () => {
    const store = new MemoryStore().addRel('a', 'b').addRel('b', 'a', 'PAID').addRel('b', 'c');
    const paths = await shortestPaths(ctxOf(store), { from: 'a', to: 'c', limit: 10 });
    expect(paths).toHaveLength(2);
  });

  it('finds nothing beyond maxLength, and nothing between disconnected entities', async () => {
    const store = new MemoryStore().addRel('a', 'b').addRel('b', 'c').addRel('c', 'd').addNode('lonely');
    expect(await shortestPaths(ctxOf(store), { from: 'a', to: 'd', maxLength: 2 })).toEqual([]);
    expect(await shortestPaths(ctxOf(store), { from: 'a', to: 'd', maxLength: 3 })).toHaveLength(1);
    expect(await shortestPaths(ctxOf(store), { from: 'a', to: 'lonely' })).toEqual([]);
  });

  it('does not walk through relationship types hidden from the viewer', async () => {
    const store = new MemoryStore().addRel('informant', 'person', 'IDENTIFIES_AS');
    expect(await shortestPaths(ctxOf(store), { from: 'informant', to: 'person' })).toHaveLength(1);
    expect(await shortestPaths(ctxOf(store, ['IDENTIFIES_AS']), { from: 'informant', to: 'person' })).toEqual([]);
  });

  it('asks the store once, without walking it level by level through adjacency reads', async () => {
    const store = new MemoryStore().addRel('a', 'b').addRel('b', 'c').addRel('c', 'd');
    expect((await shortestPaths(ctxOf(store), { from: 'a', to: 'd' })).map(ids)).toEqual(['a>b>c>d']);
    expect(store.adjacentCalls).toEqual([]);
  });

  it('gives up with LIMIT_EXCEEDED when a frontier grows too large', async () => {
    const store = new MemoryStore();
    // Two layers of fan-out reach more than maxFrontier nodes.
    const fan = Math.ceil(Math.sqrt(PATH_LIMITS.maxFrontier)) + 2;
    for (let i = 0; i < fan; i += 1) {
      store.addRel('s', `m${i}`);
      for (let j = 0; j < fan; j += 1) store.addRel(`m${i}`, `l${i}-${j}`);
    }
    for (let i = 0; i < fan; i += 1) {
      store.addRel('t', `n${i}`);
      for (let j = 0; j < fan; j += 1) store.addRel(`n${i}`, `k${i}-${j}`);
    }
    const error = await shortestPaths(ctxOf(store), { from: 's', to: 't', maxLength: 8 }).catch((e: unknown) => e);
    expect((error as MaillonError).code).toBe(ErrorCode.LIMIT_EXCEEDED);
    expect((error as Error).message).toContain(`more than ${PATH_LIMITS.maxFrontier} entities`);
  });

  it('says which argument is wrong', async () => {
    const store = new MemoryStore().addRel('a', 'b');
    await expect(shortestPaths(ctxOf(store), { from: 'a', to: 'b', maxLength: 9 })).rejects.toThrow(
      'maxLength must be between 1 and 8',
    );
    await expect(shortestPaths(ctxOf(store), { from: 'a', to: 'b', limit: 0 })).rejects.toThrow(
      'limit must be between 1 and 20',
    );
    await expect(shortestPaths(ctxOf(store), { from: 'a', to: 'ghost' })).rejects.toThrow(
      'to: no entity with id "ghost"',
    );
  });
});
