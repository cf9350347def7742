/** Contract: shortest paths, undirected, over visible types only, and fresh after an import. */
import { describe, expect, it } from 'vitest';
import type { ShortestPathQuery, ShortestPaths } from '../../../server/src/store/ports/GraphReads.ts';
import { CLEARED, META, SMALL_GRAPH, UNCLEARED, statements } from './fixtures.ts';
import { loadedStore } from './loaded-store.ts';
import type { MakeStore } from './types.ts';

/** Beside SMALL_GRAPH: a diamond with three shortest ways across, and a person known only through an informant. */
const PATH_GRAPH = [
  "UNWIND ['d-a', 'd-b1', 'd-b2', 'd-b3', 'd-z'] AS pid CREATE (:Person {id: pid, name: pid})",
  `MATCH (a:Person {id: 'd-a'}), (b:Person) WHERE b.id IN ['d-b1', 'd-b2', 'd-b3'] CREATE (a)-[:ASSOCIATE_OF]->(b)`,
  `MATCH (z:Person {id: 'd-z'}), (b:Person) WHERE b.id IN ['d-b1', 'd-b2', 'd-b3'] CREATE (z)-[:FAMILY_OF]->(b)`,
  "CREATE (:Informant {id: 'i-solo', name: 'Source Solo', codename: 'Solo'})",
  "CREATE (:Person {id: 'p-solo', name: 'Solo'}), (:Person {id: 'p-friend', name: 'Friend'})",
  "MATCH (i:Informant {id: 'i-solo'}), (p:Person {id: 'p-solo'}) CREATE (i)-[:IDENTIFIES_AS {id: 'r-solo'}]->(p)",
  "MATCH (p:Person {id: 'p-solo'}), (f:Person {id: 'p-friend'}) CREATE (p)-[:ASSOCIATE_OF {id: 'r-friend'}]->(f)",
  // The demo's complaint in small: the shortest way from a trafficker to an oversight body runs
  // through the country both are based in; the one an analyst wants goes through people.
  "CREATE (:Person {id: 'c-djeha', name: 'C Djeha'}), (:Person {id: 'c-cousin', name: 'C Cousin'})",
  "CREATE (:Person {id: 'c-officer', name: 'C Officer'}), (:Agency {id: 'c-igpn', name: 'C IGPN', kind: 'oversight'})",
  "CREATE (:Location {id: 'c-france', name: 'C France', kind: 'country'})",
  "MATCH (a:Person {id: 'c-djeha'}), (b:Location {id: 'c-france'}) CREATE (a)-[:BASED_IN]->(b)",
  "MATCH (a:Agency {id: 'c-igpn'}), (b:Location {id: 'c-france'}) CREATE (a)-[:BASED_IN]->(b)",
  "MATCH (a:Person {id: 'c-djeha'}), (b:Person {id: 'c-cousin'}) CREATE (a)-[:FAMILY_OF]->(b)",
  "MATCH (a:Person {id: 'c-cousin'}), (b:Person {id: 'c-officer'}) CREATE (a)-[:ASSOCIATE_OF]->(b)",
  "MATCH (a:Person {id: 'c-officer'}), (b:Agency {id: 'c-igpn'}) CREATE (a)-[:EMPLOYED_BY]->(b)",
];

const walks = (found: ShortestPaths): string[] =>
  found.kind === 'paths' ? found.paths.map((p) => p.nodes.map((n) => n.id).join('>')).sort() : [];

export function describePaths(makeStore: MakeStore): void {
  describe('shortest paths', () => {
    const store = loadedStore(makeStore, [...SMALL_GRAPH, ...PATH_GRAPH]);
    const paths = (query: Partial<ShortestPathQuery> & Pick<ShortestPathQuery, 'from' | 'to'>, scope = CLEARED) =>
      store().shortestPaths({ maxLength: 6, limit: 20, ...query }, scope, META);

    it('walks relationships against their direction and returns full records in walking order', async () => {
      const found = await paths({ from: 'o-djeha', to: 'p-herve' });
      expect(walks(found)).toEqual(['o-djeha>p-djeha>p-herve']);
      const [path] = found.kind === 'paths' ? found.paths : [];
      expect(path?.nodes[2]).toMatchObject({ id: 'p-herve', label: 'Person', name: 'Hervé Marchal' });
      expect(path?.relationships.map((r) => [r.type, r.source, r.target])).toEqual([
        ['MEMBER_OF', 'p-djeha', 'o-djeha'],
        ['PAID', 'p-herve', 'p-djeha'],
      ]);
      expect(path?.relationships[1]?.properties).toEqual({
        amount: 100,
        currency: 'EUR',
        method: 'cash',
        at: '2023-05-01',
      });
    });

    it('returns every shortest path up to the limit, and none longer', async () => {
      expect(walks(await paths({ from: 'd-a', to: 'd-z' }))).toEqual(['d-a>d-b1>d-z', 'd-a>d-b2>d-z', 'd-a>d-b3>d-z']);
      const two = await paths({ from: 'd-a', to: 'd-z', limit: 2 });
      expect(two.kind === 'paths' && two.paths.map((p) => p.relationships.length)).toEqual([2, 2]);
    });

    it('finds nothing beyond maxLength or between unconnected entities', async () => {
      expect(await paths({ from: 'p-herve', to: 'o-djeha', maxLength: 1 })).toEqual({ kind: 'paths', paths: [] });
      expect(walks(await paths({ from: 'p-herve', to: 'o-djeha', maxLength: 2 }))).toEqual(['p-herve>p-djeha>o-djeha']);
      expect(await paths({ from: 'p-herve', to: 'p-mimosa' })).toEqual({ kind: 'paths', paths: [] });
    });

    it('never walks a hidden type: a link known only through an informant stays unknown', async () => {
      expect(walks(await paths({ from: 'i-solo', to: 'p-friend' }))).toEqual(['i-solo>p-solo>p-friend']);
      expect(await paths({ from: 'i-solo', to: 'p-friend' }, UNCLEARED)).toEqual({ kind: 'paths', paths: [] });
      expect(walks(await paths({ from: 'i-x', to: 'p-djeha' }))).toEqual(['i-x>p-djeha']);
      const around = await paths({ from: 'i-x', to: 'p-djeha' }, UNCLEARED);
      expect(walks(around)).toEqual(['i-x>p-herve>p-djeha']);
      expect(around.kind === 'paths' && around.paths[0]?.relationships.map((r) => r.type)).toEqual(['HANDLES', 'PAID']);
    });

    it('never passes through an excluded label, but may start or end at one', async () => {
      expect(walks(await paths({ from: 'c-djeha', to: 'c-igpn' }))).toEqual(['c-djeha>c-france>c-igpn']);
      const around = await paths({ from: 'c-djeha', to: 'c-igpn', excludeLabels: ['Location'] });
      expect(walks(around)).toEqual(['c-djeha>c-cousin>c-officer>c-igpn']);
      expect(await paths({ from: 'c-djeha', to: 'c-igpn', excludeLabels: ['Location'], maxLength: 2 })).toEqual({
        kind: 'paths',
        paths: [],
      });
      expect(walks(await paths({ from: 'c-france', to: 'c-officer', excludeLabels: ['Location'] }))).toEqual([
        'c-france>c-igpn>c-officer',
      ]);
      expect(walks(await paths({ from: 'c-djeha', to: 'c-igpn', excludeLabels: ['Person', 'Agency'] }))).toEqual([
        'c-djeha>c-france>c-igpn',
      ]);
    });

    it('never walks an excluded type, and excluding never uncovers a hidden one', async () => {
      const around = await paths({ from: 'c-djeha', to: 'c-igpn', excludeTypes: ['BASED_IN'] });
      expect(walks(around)).toEqual(['c-djeha>c-cousin>c-officer>c-igpn']);
      expect(walks(await paths({ from: 'd-a', to: 'd-z', excludeTypes: ['FAMILY_OF'] }))).toEqual([]);
      const uncleared = await paths({ from: 'i-x', to: 'p-djeha', excludeLabels: ['Location'] }, UNCLEARED);
      expect(walks(uncleared)).toEqual(['i-x>p-herve>p-djeha']);
      const noPaid = await paths({ from: 'i-x', to: 'p-djeha', excludeTypes: ['PAID'] }, UNCLEARED);
      expect(walks(noPaid)).toEqual([]);
    });

    it('says which end is missing, and answers a path from an entity to itself', async () => {
      expect(await paths({ from: 'nobody', to: 'p-herve' })).toEqual({ kind: 'missing', end: 'from' });
      expect(await paths({ from: 'p-herve', to: 'nobody' })).toEqual({ kind: 'missing', end: 'to' });
      expect(walks(await paths({ from: 'p-herve', to: 'p-herve' }))).toEqual(['p-herve']);
    });

    it('sees what an import adds at once', async () => {
      await store().runImport(
        statements(
          "MATCH (a:Person {id: 'p-mimosa'}), (b:Person {id: 'd-z'}) CREATE (a)-[:ASSOCIATE_OF {id: 'r-new'}]->(b)",
        ),
        { dryRun: false, meta: META },
      );
      expect(walks(await paths({ from: 'p-mimosa', to: 'd-a' }))).toHaveLength(3);
      await store().runImport(statements("MATCH (:Person)-[r:ASSOCIATE_OF {id: 'r-new'}]->() DELETE r"), {
        dryRun: true,
        meta: META,
      });
      expect(walks(await paths({ from: 'p-mimosa', to: 'd-z' }))).toEqual(['p-mimosa>d-z']);
      await store().runImport(statements("MATCH (:Person)-[r:ASSOCIATE_OF {id: 'r-new'}]->() DELETE r"), {
        dryRun: false,
        meta: META,
      });
      expect(await paths({ from: 'p-mimosa', to: 'd-z' })).toEqual({ kind: 'paths', paths: [] });
    });
  });
}
