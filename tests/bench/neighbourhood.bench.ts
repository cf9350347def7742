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
import { atMost, latencyRows, progress, ratioRow, type BenchRow } from './types.ts';

const RAW_2HOP = 'MATCH p = (a:Person {id: $id})-[*1..2]-(b) RETURN p LIMIT 200';
/** The cheapest 2-hop answer, ids only: what issue 13 held expansions against (15.8x on the hub network). */
const RAW_2HOP_IDS = 'MATCH (a:Person {id: $id})-[*1..2]-(b) RETURN DISTINCT b.id AS id LIMIT 200';
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

/** A network other than the generator's: its name in the figure, and persons that must be among the seeds. */
export interface NamedNetwork {
  readonly name: string;
  /** Hubs of the network: half the seeds are drawn from their neighbours. */
  readonly hubs: readonly string[];
}

const HUB_NEIGHBOURS = 'MATCH (h:Person {id: $id})-[]-(p:Person) RETURN DISTINCT p.id AS id ORDER BY id';

/** Random persons; on a hub network half of them next to a hub, where a 2-hop expansion meets the hub's ties. */
async function drawSeeds(store: RawStore, count: number, seed: number, network?: NamedNetwork): Promise<string[]> {
  const random = seededRandom(seed);
  const persons = (await allPersons(store)).map((person) => person.id);
  if (!network) return pick(persons, count, random);
  const nextToHubs: string[] = [];
  for (const id of network.hubs)
    for (const row of await store.query(HUB_NEIGHBOURS, { id })) nextToHubs.push(String(row.id));
  const near = pick(nextToHubs, Math.floor(count / 2), random);
  const anywhere = pick(persons, count - near.length, random);
  // Interleaved, so that warm-up and percentiles see both kinds.
  return anywhere.flatMap((id, i) => (near[i] === undefined ? [id] : [id, near[i]]));
}

export function neighbourhoodBench(options: { quick: boolean; seed: number; people: number; network?: NamedNetwork }) {
  const samples = options.quick ? 30 : 100;
  let seeds: string[] = [];
  let raw: number[] = [];
  let rawIds: number[] = [];
  let kind: StoreKind = 'kuzu';
  const label = `2-hop neighbourhood, ${options.network ? `${options.network.name}, ` : ''}${options.people.toLocaleString('en')} people`;

  return {
    async raw(store: RawStore): Promise<void> {
      kind = store.kind;
      seeds = await drawSeeds(store, samples + WARM_UP, options.seed, options.network);
      progress(`${label}: raw ${STORE_NAME[store.kind]}, ${samples} persons`);
      raw = [];
      rawIds = [];
      for (const [index, id] of seeds.entries()) {
        const { ms } = await timed(() => store.query(RAW_2HOP, { id }));
        const ids = await timed(() => store.query(RAW_2HOP_IDS, { id }));
        if (index >= WARM_UP) {
          raw.push(ms);
          rawIds.push(ids.ms);
        }
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
        `same ${samples} random persons${options.network ? ` (half of them next to one of its ${options.network.hubs.length} hubs)` : ''} (after ${WARM_UP} warm-up); raw: \`${RAW_2HOP}\` ${kind === 'kuzu' ? 'in-process' : 'over Bolt'}; ` +
        `ours: HTTP + auth + audit + JSON, limit 200 nodes, 50 rels per node, mean answer ${Math.round(bytes / samples / 1024)} KB` +
        `; a bare \`{ me }\` round trip (HTTP, token, purpose, audit) takes ${round(percentile(floor, 50))} ms p50. ` +
        HOW_OURS_EXPANDS[kind] +
        '; then the server writes an audit record, where the baseline is one query' +
        (failures > 0 ? `; ${failures} GraphQL answers were errors` : '');
      const idsOnly = ratioRow({
        name: `${label}: p95 against ids only`,
        ours: round(percentile(ours, 95)),
        baseline: round(percentile(rawIds, 95)),
        unit: 'ms',
        aim: { text: 'reported', test: () => true },
        note: `baseline \`${RAW_2HOP_IDS}\`, same persons (p50 ${round(percentile(rawIds, 50))} ms): no records, no paths`,
      });
      const rows = latencyRows({
        label,
        ours,
        baseline: raw,
        p95Aim: atMost(1.5),
        note,
        p95Note: failures > 0 ? `${failures} errors` : '',
      });
      return [...rows, idsOnly];
    },
  };
}
