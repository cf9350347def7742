/**
 * Figure 6: a mixed workload (entity lookups, 2-hop expansions, searches) with
 * autocannon against the real server on the largest dataset: zero 5xx asserted
 * in the output, p99 and the memory growth of the server process and of the
 * embedded store's process reported.
 */
import { cannon } from './cannon.ts';
import { randomPersons, type PersonRow, type RawStore } from './raw-store.ts';
import { PURPOSE, type BenchServer } from './server-process.ts';
import { percentile, round, timed } from './stats.ts';
import { progress, type BenchRow } from './types.ts';

const ANALYSTS = 10;
/** Pause between two volume resets: each analyst is reset about once a second without loading the server much. */
const RESET_PAUSE_MS = 100;
const CONNECTIONS = 10;
const LOOKUP = 'query Lookup($id: ID!) { entity(id: $id) { id label name properties sources } }';
const EXPAND = `query Expand($ids: [ID!]!) {
  neighbourhood(ids: $ids, depth: 2, limit: 100) { nodes { id label name } relationships { id type source target } truncated }
}`;
const SEARCH = 'query Search($q: String!) { search(query: $q, limit: 20) { score matched entity { id label name } } }';

const mb = (bytes: number): number => Math.round(bytes / 1_048_576);
const PROBE_ANALYST = 'bench-load-search';

/** Searches one at a time while the load runs, each timed: the search latency a user typing meets under load. */
function searchProbe(server: BenchServer, persons: readonly PersonRow[]) {
  const ms: number[] = [];
  let failures = 0;
  let running = true;
  const texts = persons.flatMap(({ name }) => {
    const [given = name, family = ''] = name.split(' ');
    const swap = family.length >= 5 ? family.slice(0, 2) + (family[3] ?? '') + (family[2] ?? '') + family.slice(4) : '';
    return [given, family.slice(0, 3), swap].filter((text) => text.length > 0);
  });
  const loop = (async () => {
    const token = await server.analystToken(PROBE_ANALYST);
    for (let i = 0; running; i++) {
      if (i % 20 === 0) await server.resetVolume(PROBE_ANALYST);
      const { ms: taken, value } = await timed(() => server.gql(SEARCH, { q: texts[i % texts.length] ?? '' }, token));
      if (value.status !== 200 || value.body.errors) failures++;
      ms.push(taken);
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      return { ms, failures };
    },
  };
}

const IMPORT = 'mutation($s: String!) { importCypher(script: $s) { ok errors { message } } }';

/**
 * Imports one after another while the load runs, each adding people tied to the
 * load's persons: expansions must keep answering (no DB_UNAVAILABLE) and see them.
 */
function importsBeside(server: BenchServer, persons: readonly PersonRow[]) {
  let running = true;
  let imports = 0;
  let failures = 0;
  const loop = (async () => {
    for (let round = 0; running; round++) {
      const lines = persons.slice(0, 10).map((person, i) => {
        const id = `bench-load-import-${round}-${i}`;
        return (
          `CREATE (:Person {id: '${id}', name: 'Imported ${round} ${i}'});\n` +
          `MATCH (a:Person {id: '${id}'}), (b:Person {id: '${person.id}'}) CREATE (a)-[:ASSOCIATE_OF {id: 'r-${id}'}]->(b);`
        );
      });
      const answer = await server.asAdmin(IMPORT, { s: lines.join('\n') });
      const report = answer.body.data?.importCypher as { ok?: boolean } | undefined;
      if (report?.ok === true) imports++;
      else failures++;
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      return { imports, failures };
    },
  };
}

export function loadBench(options: { quick: boolean; seed: number; people: number }) {
  const seconds = options.quick ? 10 : 60;
  let persons: PersonRow[] = [];
  return {
    async raw(store: RawStore): Promise<void> {
      persons = await randomPersons(store, 60, options.seed + 2);
    },

    async server(server: BenchServer): Promise<BenchRow[]> {
      const names = Array.from({ length: ANALYSTS }, (_, i) => `bench-load-${i}`);
      const tokens = await Promise.all(names.map((name) => server.analystToken(name)));
      const requests = persons.map((person, index) => {
        const kind = index % 3;
        const query = kind === 0 ? LOOKUP : kind === 1 ? EXPAND : SEARCH;
        const variables =
          kind === 0
            ? { id: person.id }
            : kind === 1
              ? { ids: [person.id] }
              : { q: person.name.split(' ')[1] ?? person.name };
        return {
          body: JSON.stringify({ query, variables }),
          headers: { authorization: `Bearer ${tokens[index % ANALYSTS] ?? ''}`, 'x-purpose': PURPOSE },
        };
      });

      // Keep the analysts under the insider rule's volume threshold (see server-process.ts).
      let running = true;
      // A refused reset is counted and reported, not thrown: thrown here, it would reject while
      // nobody awaits this loop yet and take the whole run's table down with it.
      const resets = (async () => {
        let resetCount = 0;
        const refused: string[] = [];
        while (running) {
          await server
            .resetVolume(names[resetCount++ % ANALYSTS] ?? '')
            .catch((error: unknown) => refused.push(error instanceof Error ? error.message : String(error)));
          await new Promise((resolve) => setTimeout(resolve, RESET_PAUSE_MS));
        }
        return { resetCount, refused };
      })();

      await cannon({ url: `${server.url}/graphql`, requests, connections: CONNECTIONS, seconds: 2 });
      const before = server.memory();
      progress(`load: mixed workload, ${CONNECTIONS} connections, ${seconds} s`);
      const probe = searchProbe(server, persons);
      const importing = importsBeside(server, persons);
      const result = await cannon({ url: `${server.url}/graphql`, requests, connections: CONNECTIONS, seconds });
      const imported = await importing.stop();
      const after = server.memory();
      running = false;
      const { resetCount, refused: refusedResets } = await resets;
      const searches = await probe.stop();

      const size = `${options.people.toLocaleString('en')} people`;
      const codes = JSON.stringify(result.errorCodes);
      const workload =
        `${seconds} s, ${CONNECTIONS} connections, lookups/2-hop expansions (limit 100)/searches in turn over 60 persons, ` +
        `${ANALYSTS} analysts; ${result.total} requests, ${result.non2xx} non-2xx, ${result.errors} connection errors, ` +
        `GraphQL error codes ${codes}` +
        (result.errorCodes.SESSION_SUSPENDED
          ? " (SESSION_SUSPENDED: an analyst crossed the insider rule's volume threshold between two resets)"
          : '') +
        '; ' +
        `an admin reset the analysts' read volume ${resetCount} times meanwhile` +
        (refusedResets.length > 0
          ? ` (${refusedResets.length} refused, first: ${refusedResets[0]?.slice(0, 160)})`
          : '');
      return [
        {
          name: `load ${size}: 5xx answers`,
          ours: result.status5xx,
          baseline: null,
          unit: 'count',
          ratio: null,
          aim: '= 0',
          met: result.status5xx === 0,
          note: workload,
        },
        {
          name: `load ${size}: DB_UNAVAILABLE while imports ran`,
          ours: result.errorCodes.DB_UNAVAILABLE ?? 0,
          baseline: null,
          unit: 'count',
          ratio: null,
          aim: '= 0',
          met: (result.errorCodes.DB_UNAVAILABLE ?? 0) === 0,
          note:
            `${imported.imports} imports committed one after another beside the load (10 people and their ties each)` +
            (imported.failures > 0 ? `, ${imported.failures} refused` : ''),
        },
        {
          name: `load ${size}: latency p99 (p50)`,
          ours: result.p99,
          baseline: null,
          unit: 'ms',
          ratio: null,
          aim: 'reported',
          met: null,
          note: `p50 ${result.p50} ms, ${result.requestsPerSecond.toFixed(1)} req/s`,
        },
        {
          name: `load ${size}: search p95 under the load`,
          ours: round(percentile(searches.ms, 95)),
          baseline: null,
          unit: 'ms',
          ratio: null,
          aim: '<= 50 ms',
          met: searches.ms.length > 0 ? percentile(searches.ms, 95) <= 50 : null,
          note:
            `${searches.ms.length} searches one after another beside the load (given name, a family name's first ` +
            `letters, a family name with two letters swapped), p50 ${round(percentile(searches.ms, 50))} ms` +
            (searches.failures > 0 ? `; ${searches.failures} answers were errors` : ''),
        },
        {
          name: `load ${size}: memory growth, server + store`,
          ours: mb(after.server - before.server + (after.children - before.children)),
          baseline: null,
          unit: 'MB',
          ratio: null,
          aim: 'reported',
          met: null,
          note:
            `RSS before/after the run: server ${mb(before.server)} -> ${mb(after.server)} MB, ` +
            `store (embedded store processes, or Neo4j) ${mb(before.children)} -> ${mb(after.children)} MB`,
        },
      ];
    },
  };
}
