import { describe, expect, it } from 'vitest';
import type { ReadContext } from './explore-context.ts';
import { neighbourhood, type Subgraph } from './neighbourhood.ts';
import { MemoryStore } from '../../../tests/support/MemoryStore.ts';

const ctxOf = (store: MemoryStore): ReadContext => ({
  store,
  scope: { hiddenRelTypes: ['IDENTIFIES_AS'] },
  meta: { user: 'test', operation: 'neighbourhood' },
});

function expectConsistent(subgraph: Subgraph): void {
  const ids = new Set(subgraph.nodes.map((n) => n.id));
  expect(ids.size).toBe(subgraph.nodes.length);
  for (const rel of subgraph.relationships) {
    expect(ids.has(rel.source) && ids.has(rel.target), `${rel.id} points outside`).toBe(true);
  }
}

describe('neighbourhood', () => {
  const chain = () => new MemoryStore().addRel('a', 'b').addRel('b', 'c').addRel('c', 'd').addRel('d', 'e');

  it('walks depth levels and returns a consistent subgraph', async () => {
    const one = await neighbourhood(ctxOf(chain()), { ids: ['c'] });
    expect(one.nodes.map((n) => n.id).sort()).toEqual(['b', 'c', 'd']);
    const two = await neighbourhood(ctxOf(chain()), { ids: ['c'], depth: 2 });
    expect(two.nodes.map((n) => n.id).sort()).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(two.relationships).toHaveLength(4);
    expect(two.truncated).toBe(false);
    expectConsistent(two);
  });

  it('caps relationships per node and reports what it left out', async () => {
    const store = new MemoryStore();
    for (let i = 0; i < 30; i += 1) store.addRel('hub', `leaf${i}`);
    const result = await neighbourhood(ctxOf(store), { ids: ['hub'], perNodeLimit: 10 });
    expect(result.nodes).toHaveLength(11);
    expect(result.truncated).toBe(true);
    expect(result.omitted).toEqual([{ id: 'hub', count: 20 }]);
    expectConsistent(result);
  });

  it('stops at the node limit without dangling relationships', async () => {
    const store = new MemoryStore();
    for (let i = 0; i < 10; i += 1) store.addRel('hub', `leaf${i}`).addRel(`leaf${i}`, `far${i}`);
    const result = await neighbourhood(ctxOf(store), { ids: ['hub'], depth: 2, limit: 5 });
    expect(result.nodes).toHaveLength(5);
    expect(result.truncated).toBe(true);
    expectConsistent(result);
  });

  it('filters by relationship type and never shows hidden types', async () => {
    const store = new MemoryStore()
      .addRel('p', 'q', 'PAID')
      .addRel('p', 'r', 'FAMILY_OF')
      .addRel('i', 'p', 'IDENTIFIES_AS');
    const paid = await neighbourhood(ctxOf(store), { ids: ['p'], relTypes: ['PAID'] });
    expect(paid.nodes.map((n) => n.id).sort()).toEqual(['p', 'q']);
    const all = await neighbourhood(ctxOf(store), { ids: ['p'] });
    expect(all.relationships.map((r) => r.type).sort()).toEqual(['FAMILY_OF', 'PAID']);
  });

  it('explains invalid arguments', async () => {
    const ctx = ctxOf(chain());
    await expect(neighbourhood(ctx, { ids: ['a'], depth: 4 })).rejects.toThrow('depth must be between 1 and 3');
    await expect(neighbourhood(ctx, { ids: ['a'], limit: 5000 })).rejects.toThrow('limit must be between 1 and 2000');
    await expect(neighbourhood(ctx, { ids: [] })).rejects.toThrow('ids must list at least one id');
    await expect(neighbourhood(ctx, { ids: ['a'], relTypes: ['KNOWS'] })).rejects.toThrow(
      /relTypes has unknown relationship types KNOWS; allowed: MEMBER_OF/,
    );
  });
});
