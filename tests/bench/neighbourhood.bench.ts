/**
 * Figure 1: the 2-hop `neighbourhood` through GraphQL (HTTP to the real server)
 * against the raw 2-hop query in the same store (Kùzu or Neo4j; the Cypher is
 * the same in both dialects) on the same data, over the same random
 * persons. Aim: p95 within 1.5x.
 */
import { allPersons, type RawStore } from './raw-store.ts';
import type { BenchServer } from './server-process.ts';
import { STORE_NAME, type StoreKind } from './options.ts';
import { percentile, pick, round, seededRandom, timed } from './stats.ts';
import { atMost, latencyRows, progress, type BenchRow } from './types.ts';

const RAW_2HOP = 'MATCH p = (a:Person {id: $id})-[*1..2]-(b) RETURN p LIMIT 200';
const GRAPHQL_2HOP = `query Expand($ids: [ID!]!) {
  neighbourhood(ids: $ids, depth: 2) {
    nodes { id label name properties sources }
    relationships { id type source target properties sources }
    truncated
  }
}`;
const WARM_UP = 5;
const HOW_OURS_EXPANDS: Readonly<Record<StoreKind, string>> = {
  kuzu:
    'Ours is one store call: the store process expands both levels over its in-memory adjacency snapshot (built ' +
    'in the background after the start, awaited before measuring), then reads the records of the nodes and ' +
    'relationships kept by primary key, keeping them beside the snapshot for the next call',
  neo4j:
    'Ours on Neo4j expands level by level with capped Cypher queries over Bolt (store/traversal/neighbourhood-by-queries.ts), ' +
    'then reads the records kept',
};
const ANALYST = 'bench-neighbourhood';

export function neighbourhoodBench(options: { quick: boolean; seed: number; people: number }) {
  const samples = options.quick ? 30 : 100;
  let seeds: string[] = [];
  let raw: number[] = [];
  let kind: StoreKind = 'kuzu';
  const label = `2-hop neighbourhood, ${options.people.toLocaleString('en')} people`;

  return {
    async raw(store: RawStore): Promise<void> {
      kind = store.kind;
      const persons = (await allPersons(store)).map((person) => person.id);
      seeds = pick(persons, samples + WARM_UP, seededRandom(options.seed));
      progress(`${label}: raw ${STORE_NAME[store.kind]}, ${samples} persons`);
      raw = [];
      for (const [index, id] of seeds.entries()) {
        const { ms } = await timed(() => store.query(RAW_2HOP, { id }));
        if (index >= WARM_UP) raw.push(ms);
      }
    },

    async server(server: BenchServer): Promise<BenchRow[]> {
      progress(`${label}: GraphQL, ${samples} persons`);
      const token = await server.analystToken(ANALYST);
      const ours: number[] = [];
      let failures = 0;
      let bytes = 0;
      for (const [index, id] of seeds.entries()) {
        await server.resetVolume(ANALYST);
        const { ms, value } = await timed(() => server.gql(GRAPHQL_2HOP, { ids: [id] }, token));
        if (value.status !== 200 || value.body.errors) failures++;
        if (index >= WARM_UP) {
          ours.push(ms);
          bytes += value.bytes;
        }
      }
      const floor: number[] = [];
      for (let i = 0; i < 10; i++) floor.push((await timed(() => server.gql('{ me { username } }', {}, token))).ms);
      const note =
        `same ${samples} random persons (after ${WARM_UP} warm-up); raw: \`${RAW_2HOP}\` ${kind === 'kuzu' ? 'in-process' : 'over Bolt'}; ` +
        `ours: HTTP + auth + audit + JSON, limit 200 nodes, 50 rels per node, mean answer ${Math.round(bytes / samples / 1024)} KB` +
        `; a bare \`{ me }\` round trip (HTTP, token, purpose, audit) takes ${round(percentile(floor, 50))} ms p50. ` +
        HOW_OURS_EXPANDS[kind] +
        '; then the server writes an audit record, where the baseline is one query' +
        (failures > 0 ? `; ${failures} GraphQL answers were errors` : '');
      return latencyRows({
        label,
        ours,
        baseline: raw,
        p95Aim: atMost(1.5),
        note,
        p95Note: failures > 0 ? `${failures} errors` : '',
      });
    },
  };
}
