/**
 * Contract: the explorer's services (paths, neighbourhood) over the store, as a resolver calls
 * them. Each graph literal gets its own prefix in one store; ids are read back without it.
 */
import { describe, expect, it } from 'vitest';
import { neighbourhood, type Subgraph } from '../../../server/src/services/neighbourhood.ts';
import { shortestPaths } from '../../../server/src/services/paths.ts';
import type { ReadContext } from '../../../server/src/services/explore-context.ts';
import type { GraphStore } from '../../../server/src/store/GraphStore.ts';
import { graphLiteral, unprefixed, type GraphLiteral } from './graph-literal.ts';
import { loadedStore } from './loaded-store.ts';
import type { MakeStore } from './types.ts';

const meta = { user: 'test', operation: 'explore' };

/** Counts the store's adjacency reads: a service must not walk the graph level by level. */
function countingAdjacency(store: GraphStore): { store: GraphStore; adjacentCalls: unknown[] } {
  const adjacentCalls: unknown[] = [];
  const counted = new Proxy(store, {
    get(target, key, receiver) {
      const value: unknown = Reflect.get(target, key, receiver);
      if (key === 'adjacent' && typeof value === 'function') {
        return (...args: unknown[]) => {
          adjacentCalls.push(args[0]);
          return Reflect.apply(value, target, args);
        };
      }
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { store: counted, adjacentCalls };
}

const g = {
  chain: graphLiteral('chain').edge('a', 'b').edge('c', 'b').edge('c', 'd').edge('d', 'e'),
  diamond: graphLiteral('diamond')
    .edge('a', 'b1')
    .edge('b1', 'z')
    .edge('a', 'b2')
    .edge('b2', 'z')
    .edge('a', 'b3')
    .edge('b3', 'z')
    .edge('a', 'c')
    .edge('c', 'd')
    .edge('d', 'z'),
  parallel: graphLiteral('parallel').edge('a', 'b').edge('b', 'a', 'PAID').edge('b', 'c'),
  short: graphLiteral('short').edge('a', 'b').edge('b', 'c').edge('c', 'd').node('lonely'),
  informant: graphLiteral('informant').edge('informant', 'person', 'IDENTIFIES_AS'),
  line: graphLiteral('line').edge('a', 'b').edge('b', 'c').edge('c', 'd').edge('d', 'e'),
  hub: (() => {
    const hub = graphLiteral('hub');
    for (let i = 0; i < 30; i += 1) hub.edge('hub', `leaf${i}`);
    return hub;
  })(),
  twoLevels: (() => {
    const hub = graphLiteral('levels');
    for (let i = 0; i < 10; i += 1) hub.edge('hub', `leaf${i}`).edge(`leaf${i}`, `far${i}`);
    return hub;
  })(),
  types: graphLiteral('types').edge('p', 'q', 'PAID').edge('p', 'r', 'FAMILY_OF').edge('i', 'p', 'IDENTIFIES_AS'),
};

const ids = (path: { nodes: ReadonlyArray<{ id: string }> }) => path.nodes.map((n) => unprefixed(n.id)).join('>');
const nodeIds = (subgraph: Subgraph) => subgraph.nodes.map((n) => unprefixed(n.id)).sort();

function expectConsistent(subgraph: Subgraph): void {
  const present = new Set(subgraph.nodes.map((n) => n.id));
  expect(present.size).toBe(subgraph.nodes.length);
  for (const rel of subgraph.relationships) {
    expect(present.has(rel.source) && present.has(rel.target), `${rel.id} points outside`).toBe(true);
  }
}

export function describeExploreServices(makeStore: MakeStore): void {
  describe('explore services', () => {
    const store = loadedStore(
      makeStore,
      Object.values(g).flatMap((literal: GraphLiteral) => literal.statements()),
    );
    const ctx = (hidden: ReadContext['scope']['hiddenRelTypes'] = []): ReadContext => ({
      store: store(),
      scope: { hiddenRelTypes: hidden },
      meta,
    });
    const paths = (
      graph: GraphLiteral,
      input: { from: string; to: string; maxLength?: number; limit?: number },
      hidden: ReadContext['scope']['hiddenRelTypes'] = [],
    ) => shortestPaths(ctx(hidden), { ...input, from: graph.id(input.from), to: graph.id(input.to) });

    describe('shortestPaths', () => {
      it('finds a chain in either direction of the relationships', async () => {
        const found = await paths(g.chain, { from: 'a', to: 'e' });
        expect(found.map(ids)).toEqual(['a>b>c>d>e']);
        expect(found[0]?.length).toBe(4);
        expect(found[0]?.relationships.map((r) => unprefixed(r.id))).toEqual(['r1', 'r2', 'r3', 'r4']);
      });

      it('returns every shortest path up to the limit, and no longer ones', async () => {
        // a-b1-z, a-b2-z, a-b3-z are shortest; a-c-d-z is longer.
        const all = await paths(g.diamond, { from: 'a', to: 'z', limit: 20 });
        expect(all.map(ids).sort()).toEqual(['a>b1>z', 'a>b2>z', 'a>b3>z']);
        const two = await paths(g.diamond, { from: 'a', to: 'z', limit: 2 });
        expect(two).toHaveLength(2);
      });

      it('counts parallel relationships as distinct paths', async () => {
        expect(await paths(g.parallel, { from: 'a', to: 'c', limit: 10 })).toHaveLength(2);
      });

      it('finds nothing beyond maxLength, and nothing between disconnected entities', async () => {
        expect(await paths(g.short, { from: 'a', to: 'd', maxLength: 2 })).toEqual([]);
        expect(await paths(g.short, { from: 'a', to: 'd', maxLength: 3 })).toHaveLength(1);
        expect(await paths(g.short, { from: 'a', to: 'lonely' })).toEqual([]);
      });

      it('does not walk through relationship types hidden from the viewer', async () => {
        expect(await paths(g.informant, { from: 'informant', to: 'person' })).toHaveLength(1);
        expect(await paths(g.informant, { from: 'informant', to: 'person' }, ['IDENTIFIES_AS'])).toEqual([]);
      });

      it('asks the store once, without walking it level by level through adjacency reads', async () => {
        const counted = countingAdjacency(store());
        const found = await shortestPaths(
          { store: counted.store, scope: { hiddenRelTypes: [] }, meta },
          { from: g.short.id('a'), to: g.short.id('d') },
        );
        expect(found.map(ids)).toEqual(['a>b>c>d']);
        expect(counted.adjacentCalls).toEqual([]);
      });

      it('says which argument is wrong', async () => {
        await expect(paths(g.chain, { from: 'a', to: 'b', maxLength: 9 })).rejects.toThrow(
          'maxLength must be between 1 and 8',
        );
        await expect(paths(g.chain, { from: 'a', to: 'b', limit: 0 })).rejects.toThrow(
          'limit must be between 1 and 20',
        );
        await expect(shortestPaths(ctx(), { from: g.chain.id('a'), to: 'ghost' })).rejects.toThrow(
          'to: no entity with id "ghost"',
        );
      });
    });

    describe('neighbourhood', () => {
      const uncleared = () => ctx(['IDENTIFIES_AS']);
      const around = (
        graph: GraphLiteral,
        input: { ids: string[]; depth?: number; limit?: number; perNodeLimit?: number; relTypes?: string[] },
      ) => neighbourhood(uncleared(), { ...input, ids: input.ids.map((id) => graph.id(id)) });

      it('walks depth levels and returns a consistent subgraph', async () => {
        const one = await around(g.line, { ids: ['c'] });
        expect(nodeIds(one)).toEqual(['b', 'c', 'd']);
        const two = await around(g.line, { ids: ['c'], depth: 2 });
        expect(nodeIds(two)).toEqual(['a', 'b', 'c', 'd', 'e']);
        expect(two.relationships).toHaveLength(4);
        expect(two.truncated).toBe(false);
        expectConsistent(two);
      });

      it('caps relationships per node and reports what it left out', async () => {
        const result = await around(g.hub, { ids: ['hub'], perNodeLimit: 10 });
        expect(result.nodes).toHaveLength(11);
        expect(result.truncated).toBe(true);
        expect(result.omitted).toEqual([{ id: g.hub.id('hub'), count: 20 }]);
        expectConsistent(result);
      });

      it('stops at the node limit without dangling relationships', async () => {
        const result = await around(g.twoLevels, { ids: ['hub'], depth: 2, limit: 5 });
        expect(result.nodes).toHaveLength(5);
        expect(result.truncated).toBe(true);
        expectConsistent(result);
      });

      it('filters by relationship type and never shows hidden types', async () => {
        const paid = await around(g.types, { ids: ['p'], relTypes: ['PAID'] });
        expect(nodeIds(paid)).toEqual(['p', 'q']);
        const all = await around(g.types, { ids: ['p'] });
        expect(all.relationships.map((r) => r.type).sort()).toEqual(['FAMILY_OF', 'PAID']);
      });

      it('explains invalid arguments', async () => {
        await expect(around(g.line, { ids: ['a'], depth: 4 })).rejects.toThrow('depth must be between 1 and 3');
        await expect(around(g.line, { ids: ['a'], limit: 5000 })).rejects.toThrow('limit must be between 1 and 2000');
        await expect(around(g.line, { ids: [] })).rejects.toThrow('ids must list at least one id');
        await expect(around(g.line, { ids: ['a'], relTypes: ['KNOWS'] })).rejects.toThrow(
          /relTypes has unknown relationship types KNOWS; allowed: MEMBER_OF/,
        );
      });
    });
  });
}
