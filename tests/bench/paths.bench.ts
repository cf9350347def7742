/**
 * Figure 2: the `paths` service (through GraphQL) against the store's own
 * shortest path (Kùzu's `* SHORTEST`, Neo4j's `shortestPath`) between the same
 * random pairs of persons, with the lengths compared pair by pair. Aim: 0.5x of
 * the raw store's time or better.
 */
import { STORE_NAME, type StoreKind } from './options.ts';
import { allPersons, type RawStore } from './raw-store.ts';
import type { BenchServer } from './server-process.ts';
import { percentile, pick, round, seededRandom, timed } from './stats.ts';
import { atMost, progress, ratioRow, type BenchRow } from './types.ts';

/** One shortest path of up to 8 hops, in each store's dialect. */
const RAW_SHORTEST: Readonly<Record<StoreKind, string>> = {
  kuzu: 'MATCH p = (a:Person {id: $from})-[* SHORTEST 1..8]-(b:Person {id: $to}) RETURN length(p) AS length LIMIT 1',
  // shortestPath refuses a path from a node to itself.
  neo4j:
    'MATCH (a:Person {id: $from}), (b:Person {id: $to}) WHERE a <> b ' +
    'MATCH p = shortestPath((a)-[*1..8]-(b)) RETURN length(p) AS length LIMIT 1',
};
const HOW_OURS_SEARCHES: Readonly<Record<StoreKind, string>> = {
  kuzu:
    'Ours is one store call: the store process searches from both ends over its in-memory adjacency snapshot ' +
    '(typed arrays built in the background after a start or a committed import, awaited before measuring), then ' +
    'reads the records on the paths found by primary key, grouped by label',
  neo4j:
    'Ours on Neo4j: the two ends read by id, then one allShortestPaths query over the visible relationship types, ' +
    'then the records on the paths found',
};
const GRAPHQL_PATHS = `query Paths($from: ID!, $to: ID!) {
  paths(from: $from, to: $to, maxLength: 8, limit: 1) { length nodes { id } }
}`;
const ANALYST = 'bench-paths';

export function pathsBench(options: { quick: boolean; seed: number; people: number }) {
  const samples = options.quick ? 10 : 40;
  let pairs: Array<[string, string]> = [];
  let raw: Array<{ ms: number; length: number | null }> = [];
  let kind: StoreKind = 'kuzu';
  const label = `paths between random persons, ${options.people.toLocaleString('en')} people`;

  return {
    async raw(store: RawStore): Promise<void> {
      kind = store.kind;
      const persons = (await allPersons(store)).map((person) => person.id);
      const random = seededRandom(options.seed + 1);
      pairs = Array.from({ length: samples }, () => pick(persons, 2, random) as [string, string]);
      progress(`${label}: ${STORE_NAME[kind]} shortest path, ${samples} pairs`);
      raw = [];
      for (const [from, to] of pairs) {
        const { ms, value } = await timed(() => store.query(RAW_SHORTEST[kind], { from, to }));
        raw.push({ ms, length: value[0] === undefined ? null : Number(value[0].length) });
      }
    },

    async server(server: BenchServer): Promise<BenchRow[]> {
      progress(`${label}: paths service, ${samples} pairs`);
      const token = await server.analystToken(ANALYST);
      const ours: number[] = [];
      const mismatches: string[] = [];
      for (const [index, [from, to]] of pairs.entries()) {
        await server.resetVolume(ANALYST);
        const { ms, value } = await timed(() => server.gql(GRAPHQL_PATHS, { from, to }, token));
        ours.push(ms);
        const found = (value.body.data?.paths as Array<{ length: number }> | undefined)?.[0];
        const length = value.body.errors ? `error ${value.body.errors[0]?.extensions?.code}` : (found?.length ?? null);
        const expected = raw[index]?.length ?? null;
        if (length !== expected) mismatches.push(`${from}-${to}: ours ${length}, ${STORE_NAME[kind]} ${expected}`);
      }
      const rawMs = raw.map((r) => r.ms);
      const lengths = raw.map((r) => r.length ?? 'none').join(',');
      const note =
        `${samples} pairs, lengths ${lengths}; ` +
        (mismatches.length === 0
          ? 'every length identical'
          : `${mismatches.length} length mismatches: ${mismatches.slice(0, 5).join('; ')}`) +
        `; ours through HTTP+GraphQL (auth, audit, JSON), raw ${kind === 'kuzu' ? 'Kùzu in-process' : 'Neo4j over Bolt'}. ` +
        HOW_OURS_SEARCHES[kind];
      return [
        ratioRow({
          name: `${label}: p50`,
          ours: round(percentile(ours, 50)),
          baseline: round(percentile(rawMs, 50)),
          unit: 'ms',
          aim: atMost(0.5),
          note,
        }),
        ratioRow({
          name: `${label}: p95`,
          ours: round(percentile(ours, 95)),
          baseline: round(percentile(rawMs, 95)),
          unit: 'ms',
          aim: atMost(0.5),
          note: mismatches.length > 0 ? `${mismatches.length} mismatches` : 'lengths identical',
        }),
      ];
    },
  };
}
