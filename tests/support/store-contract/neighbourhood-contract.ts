/** Contract: a capped, level-by-level neighbourhood in one call, consistent and scoped. */
import { describe, expect, it } from 'vitest';
import type { NeighbourhoodQuery, Subgraph } from '../../../server/src/store/ports/GraphReads.ts';
import { CLEARED, META, SMALL_GRAPH, UNCLEARED, statements } from './fixtures.ts';
import { loadedStore } from './loaded-store.ts';
import type { MakeStore } from './types.ts';

const nodeIds = (s: Subgraph): string[] => s.nodes.map((n) => n.id).sort();
const relTypes = (s: Subgraph): string[] => s.relationships.map((r) => r.type).sort();

function expectConsistent(subgraph: Subgraph): void {
  const ids = new Set(subgraph.nodes.map((n) => n.id));
  expect(ids.size).toBe(subgraph.nodes.length);
  for (const rel of subgraph.relationships) expect(ids.has(rel.source) && ids.has(rel.target)).toBe(true);
}

export function describeNeighbourhood(makeStore: MakeStore): void {
  describe('neighbourhood', () => {
    const store = loadedStore(makeStore, SMALL_GRAPH);
    const expand = (query: Partial<NeighbourhoodQuery> & Pick<NeighbourhoodQuery, 'seeds'>, scope = CLEARED) =>
      store().neighbourhood({ depth: 1, limit: 200, perNodeLimit: 50, ...query }, scope, META);

    it('returns the seeds, their neighbours and the relationships between them as records', async () => {
      const one = await expand({ seeds: ['p-djeha'] });
      expect(nodeIds(one)).toEqual(['i-x', 'o-djeha', 'p-djeha', 'p-herve']);
      expect(relTypes(one)).toEqual(['IDENTIFIES_AS', 'MEMBER_OF', 'PAID']);
      expect(one.nodes.find((n) => n.id === 'p-herve')?.properties).toEqual({ aliases: ['Mimo'], nationality: 'FR' });
      expect(one.relationships.find((r) => r.type === 'PAID')).toMatchObject({ source: 'p-herve', target: 'p-djeha' });
      expect(one).toMatchObject({ truncated: false, omitted: [] });
      expectConsistent(one);
    });

    it('walks further levels and never shows a hidden type, from any side', async () => {
      const two = await expand({ seeds: ['p-djeha'], depth: 2 }, UNCLEARED);
      // The informant is reached through HANDLES; the identity link between the two stays out.
      expect(nodeIds(two)).toEqual(['a-police', 'i-x', 'o-djeha', 'p-djeha', 'p-herve']);
      expect(relTypes(two)).toEqual(['EMPLOYED_BY', 'HANDLES', 'MEMBER_OF', 'PAID']);
      expectConsistent(two);
      const fromInformant = await expand({ seeds: ['i-x'] }, UNCLEARED);
      expect(nodeIds(fromInformant)).toEqual(['i-x', 'p-herve']);
    });

    it('keeps only the asked types', async () => {
      const paid = await expand({ seeds: ['p-djeha'], depth: 2, relTypes: ['PAID'] });
      expect(nodeIds(paid)).toEqual(['p-djeha', 'p-herve']);
      expect(relTypes(paid)).toEqual(['PAID']);
    });

    it('stops at the node limit with a consistent subgraph and says so', async () => {
      const capped = await expand({ seeds: ['p-djeha'], depth: 2, limit: 3 });
      expect(capped.nodes).toHaveLength(3);
      expect(capped.truncated).toBe(true);
      expectConsistent(capped);
      const seedsOnly = await expand({ seeds: ['p-djeha', 'p-herve', 'o-djeha'], limit: 2 });
      expect(seedsOnly.nodes.map((n) => n.id)).toEqual(['p-djeha', 'p-herve']);
      expect(seedsOnly.truncated).toBe(true);
    });

    it('skips unknown seeds', async () => {
      expect(await expand({ seeds: ['nobody'] })).toEqual({
        nodes: [],
        relationships: [],
        truncated: false,
        omitted: [],
      });
      expect(nodeIds(await expand({ seeds: ['nobody', 'p-mimosa'] }))).toEqual(['p-mimosa']);
    });

    it('sees what an import adds at once', async () => {
      await store().runImport(
        statements(
          "MATCH (a:Person {id: 'p-mimosa'}), (b:Person {id: 'p-herve'}) CREATE (a)-[:FAMILY_OF {id: 'r-family'}]->(b)",
        ),
        { dryRun: false, meta: META },
      );
      expect(nodeIds(await expand({ seeds: ['p-mimosa'] }))).toEqual(['p-herve', 'p-mimosa']);
    });
  });
}
