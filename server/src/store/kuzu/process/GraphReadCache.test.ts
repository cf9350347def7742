import { describe, expect, it } from 'vitest';
import { GraphReadCache } from './GraphReadCache.ts';

describe('GraphReadCache', () => {
  it('answers from memory until a write to the graph, then reads again', async () => {
    const cache = new GraphReadCache();
    let graph = ['p1'];
    let reads = 0;
    const read = async () => (reads++, { ids: [...graph] });
    expect(await cache.read('k', read)).toEqual({ ids: ['p1'] });
    expect(await cache.read('k', read)).toEqual({ ids: ['p1'] });
    expect(reads).toBe(1);
    await cache.write(async () => void (graph = ['p1', 'p2']));
    expect(await cache.read('k', read)).toEqual({ ids: ['p1', 'p2'] });
  });

  it('keeps no answer read while a write began or ended (it may predate the write)', async () => {
    const cache = new GraphReadCache();
    let graph = ['p1'];
    let finishRead: (() => void) | undefined;
    const slow = cache.read('k', async () => {
      const before = [...graph];
      await new Promise<void>((resolve) => (finishRead = resolve));
      return before;
    });
    await cache.write(async () => void (graph = ['p1', 'p2']));
    finishRead?.();
    expect(await slow).toEqual(['p1']);
    expect(await cache.read('k', async () => [...graph])).toEqual(['p1', 'p2']);
  });

  it('drops its answers when a write fails too, and freezes what it keeps (every request shares it)', async () => {
    const cache = new GraphReadCache();
    const kept = await cache.read('k', async () => ({ nodes: [{ id: 'p1' }] }));
    expect(Object.isFrozen(kept.nodes[0])).toBe(true);
    await expect(cache.write(() => Promise.reject(new Error('rolled back')))).rejects.toThrow('rolled back');
    expect(await cache.read('k', async () => ({ nodes: [] }))).toEqual({ nodes: [] });
  });
});
