/**
 * Figure: `search` through GraphQL (HTTP to the real server) against the raw
 * store for the same queries. On Kùzu the server answers from its name index and
 * the baseline is the CONTAINS scan of the folded names, which is what search was
 * before the index (aim: p95 at most 0.05x). On Neo4j the server asks Neo4j's
 * full-text index and ranks the hits; the baseline is the same full-text query
 * (the same Lucene text) in plain Cypher, so the ratio is Maillon's cost over the
 * index (aim: p95 at most 1.5x, as for expansions). The raw phase also builds the
 * embedded store's NameIndex in this process over every node as stored, and again
 * with a description on every person (search-descriptions.ts), for build time,
 * memory and in-process search times side by side.
 */
import v8 from 'node:v8';
import vm from 'node:vm';
import { NODE_LABELS } from '../../server/src/model/index.ts';
import { SEARCH_INDEX } from '../../server/src/store/neo4j/queries.ts';
import { luceneQuery } from '../../server/src/store/neo4j/lucene.ts';
import { searchTokens } from '../../server/src/store/search/fold.ts';
import type { IndexedNode } from '../../server/src/store/search/NameIndex.ts';
import {
  describeTimes,
  describedNodes,
  descriptionQueries,
  indexFigure,
  type IndexFigure,
} from './search-descriptions.ts';
import { STORE_NAME, type StoreKind } from './options.ts';
import { PERSON_IDS, type RawStore } from './raw-store.ts';
import { typedQueries, type TypedQuery } from './search-queries.ts';
import type { BenchServer } from './server-process.ts';
import { timed } from './stats.ts';
import { atMost, latencyRows, progress, type BenchRow } from './types.ts';

const RAW_SEARCH: Readonly<Record<StoreKind, { cypher: string; param: (text: string) => string }>> = {
  kuzu: {
    cypher:
      'MATCH (n:Person) WHERE n.searchText CONTAINS $q RETURN n.id AS id, n.name AS name ORDER BY n.name LIMIT 20',
    param: (text) => searchTokens(text).join(' '),
  },
  neo4j: {
    cypher:
      `CALL db.index.fulltext.queryNodes('${SEARCH_INDEX}', $q) YIELD node, score ` +
      'RETURN node.id AS id, node.name AS name, score LIMIT 20',
    param: (text) => luceneQuery(text) ?? text,
  },
};
const P95_AIM: Readonly<Record<StoreKind, number>> = { kuzu: 0.05, neo4j: 1.5 };
const GRAPHQL_SEARCH = 'query Search($q: String!) { search(query: $q, limit: 20) { score entity { id label name } } }';
const ANALYST = 'bench-search';
const WARM_UP = 4;

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

const heapMb = (): number => {
  gc();
  return process.memoryUsage().heapUsed / 1_048_576;
};

async function storedNodes(store: RawStore): Promise<IndexedNode[]> {
  const nodes: IndexedNode[] = [];
  const text = (value: unknown): string | null => (value === null || value === undefined ? null : String(value));
  for (const label of NODE_LABELS) {
    const rows = await store.query(
      `MATCH (n:\`${label}\`) RETURN n.id AS id, n.name AS name, n.aliases AS aliases, n.description AS description`,
    );
    for (const row of rows) {
      const aliases = Array.isArray(row.aliases) ? row.aliases.map(String) : null;
      nodes.push({ id: String(row.id), label, name: text(row.name), aliases, description: text(row.description) });
    }
  }
  return nodes;
}

export function searchBench(options: { quick: boolean; seed: number; people: number }) {
  const count = options.quick ? 15 : 50;
  const label = `search, ${options.people.toLocaleString('en')} people`;
  let queries: TypedQuery[] = [];
  let raw: number[] = [];
  let stored: IndexFigure | undefined;
  let described: IndexFigure | undefined;
  let kind: StoreKind = 'kuzu';

  return {
    async raw(store: RawStore): Promise<void> {
      kind = store.kind;
      const names = (await store.query(PERSON_IDS)).map((row) => String(row.name));
      queries = typedQueries(names, count, options.seed + 5);
      progress(
        `${label}: raw ${STORE_NAME[kind]} ${kind === 'kuzu' ? 'CONTAINS scan' : 'full-text query'}, ${queries.length} queries`,
      );
      raw = [];
      const baseline = RAW_SEARCH[kind];
      for (const [i, query] of queries.entries()) {
        const { ms } = await timed(() => store.query(baseline.cypher, { q: baseline.param(query.text) }));
        if (i >= WARM_UP) raw.push(ms);
      }
      // The NameIndex is the embedded store's: on Neo4j the server asks the full-text index instead.
      if (kind !== 'kuzu') return;
      progress(`${label}: the name index in this process, as stored and with descriptions`);
      const nodes = await storedNodes(store);
      const withDescriptions = describedNodes(nodes, options.seed + 6);
      const typedDescriptions = descriptionQueries(withDescriptions, count, options.seed + 7);
      const figure = (indexed: readonly IndexedNode[]) =>
        indexFigure({ nodes: indexed, queries, descriptionQueries: typedDescriptions, heapMb });
      stored = figure(nodes);
      described = figure(withDescriptions);
    },

    async server(server: BenchServer): Promise<BenchRow[]> {
      const token = await server.analystToken(ANALYST);
      await awaitSearchIndex(server, { analyst: ANALYST, token }, queries);
      progress(`${label}: GraphQL, ${queries.length} queries`);
      const ours: number[] = [];
      let failures = 0;
      const found = { typo: 0, typos: 0 };
      for (const [i, query] of queries.entries()) {
        await server.resetVolume(ANALYST);
        const { ms, value } = await timed(() => server.gql(GRAPHQL_SEARCH, { q: query.text }, token));
        if (value.status !== 200 || value.body.errors) failures++;
        if (query.kind === 'typo') {
          found.typos++;
          if (((value.body.data?.search as unknown[] | undefined) ?? []).length > 0) found.typo++;
        }
        if (i >= WARM_UP) ours.push(ms);
      }
      const kinds = [...new Set(queries.map((q) => q.kind))].join(', ');
      const note =
        `${queries.length} queries typed from ${count} random persons' names (${kinds}; after ${WARM_UP} warm-up); ` +
        (kind === 'kuzu'
          ? `raw: \`${RAW_SEARCH.kuzu.cypher}\` in-process on the Person table only; `
          : `raw: \`${RAW_SEARCH.neo4j.cypher}\` over Bolt with the Lucene text the store sends; `) +
        `ours: HTTP + auth + audit + JSON over every label, ` +
        `ranked exact name > alias > prefix > words > typo; ${found.typo} of ${found.typos} one-swap typos found a name` +
        (kind === 'kuzu' ? ' (the scan finds none)' : '') +
        (kind === 'kuzu'
          ? `. The embedded store's index built in the bench process over the nodes as stored: ` +
            indexNote(stored) +
            `; with a description on every person: ${indexNote(described)}`
          : '') +
        (failures > 0 ? `; ${failures} GraphQL answers were errors` : '');
      return [
        ...latencyRows({
          label,
          ours,
          baseline: raw,
          p95Aim: atMost(P95_AIM[kind]),
          note,
          p95Note: failures > 0 ? `${failures} errors` : '',
        }),
        ...(kind !== 'kuzu' || !stored || !described
          ? []
          : [
              indexMemoryRow(label, stored, 'names and aliases as stored'),
              indexMemoryRow(label, described, DESCRIBED),
            ]),
      ];
    },
  };
}

const DESCRIBED = 'a description on every person';

function indexNote(figure: IndexFigure | undefined): string {
  if (!figure) return 'not built';
  const descriptions =
    figure.descriptions.length > 0 ? `, description words ${describeTimes(figure.descriptions)}` : '';
  return `${Math.round(figure.ms)} ms, ${Math.round(figure.mb)} MB of heap, names ${describeTimes(figure.names)}${descriptions}`;
}

function indexMemoryRow(label: string, built: IndexFigure, what: string): BenchRow {
  return {
    name: `${label}: index memory, ${what}`,
    ours: Math.round(built.mb),
    baseline: null,
    unit: 'MB',
    ratio: null,
    aim: 'reported',
    met: null,
    note: `heap the NameIndex takes over every node (${what}), built in ${Math.round(built.ms)} ms`,
    scope: 'embedded-only',
  };
}

/** The index builds in the background after a start; until then searches scan, so wait as for the snapshot. */
export async function awaitSearchIndex(
  server: BenchServer,
  { analyst, token }: { analyst: string; token: string },
  queries: readonly TypedQuery[],
): Promise<void> {
  const typo = queries.find((q) => q.kind === 'typo');
  if (!typo) return;
  const started = Date.now();
  for (;;) {
    await server.resetVolume(analyst);
    const answer = await server.gql(GRAPHQL_SEARCH, { q: typo.text }, token);
    if (((answer.body.data?.search as unknown[] | undefined) ?? []).length > 0) return;
    if (Date.now() - started > 10 * 60_000) throw new Error('the search index was not ready after 10 minutes');
    progress(`waiting for the store's search index (${Math.round((Date.now() - started) / 1000)} s)`);
    await new Promise((resolve) => setTimeout(resolve, 2000));
  }
}
