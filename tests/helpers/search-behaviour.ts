/**
 * What a user typing into the search box must see, on any store: a typo of one
 * edit, prefixes while typing, accents and case folded, aliases below names,
 * the label filter, words of descriptions below every name, and imports taken in at once. Run against the embedded store
 * as production builds it (tests/integration/search-index.test.ts) and against a
 * real Neo4j (tests/neo4j/search-neo4j.test.ts), which also compares the two.
 */
import { expect, it } from 'vitest';
import type { GraphStore } from '../../server/src/store/GraphStore.ts';
import type { SearchQuery } from '../../server/src/store/ports/GraphReads.ts';

export const META = { user: 'search-test', operation: 'search' };

export const SEARCH_GRAPH = [
  "CREATE (:Person {id: 'p-herve', name: 'Hervé Marchal', aliases: ['Mimo']})",
  "CREATE (:Person {id: 'p-djeha', name: 'Mohamed Djeha', description: 'Dock foreman at the port, per the court file.'})",
  "CREATE (:Person {id: 'p-mimosa', name: 'Mimosa Dupont'})",
  "CREATE (:Person {id: 'p-elodie', name: 'Élodie Varenne', aliases: ['La Fouine']})",
  "CREATE (:Person {id: 'p-elodie-2', name: 'Elodie Varennes'})",
  "CREATE (:Person {id: 'p-fouine', name: 'Fouine Garcia'})",
  "CREATE (:Organization {id: 'o-djeha', name: 'Djeha', kind: 'criminal'})",
  "CREATE (:Location {id: 'l-marseille', name: 'Port of Marseille', kind: 'port'})",
  "CREATE (:Person {id: 'p-locksmith', name: 'Paul Serrurier', description: 'A locksmith and police reservist whose revelations started the inquiry.'})",
  "CREATE (:Event {id: 'e-revelations', name: 'Revelations', kind: 'disclosure', description: \"The reservist's revelations to Le Monde.\"})",
  "CREATE (:Informant {id: 'i-x', name: 'Source X', codename: 'X', reliability: 'B', active: true})",
  "MATCH (i:Informant {id: 'i-x'}), (p:Person {id: 'p-djeha'}) CREATE (i)-[:IDENTIFIES_AS {id: 'r-identifies'}]->(p)",
];

/** Queries the two stores must answer alike: names, aliases, accents, prefixes, one typo, labels. */
export const SEARCH_QUERIES: readonly SearchQuery[] = [
  { text: 'djeha', limit: 10 },
  { text: 'Djha', limit: 10 },
  { text: 'Djeah', limit: 10 },
  { text: 'dje', limit: 10 },
  { text: 'mimo', limit: 10 },
  { text: 'mimmo', limit: 10 },
  { text: 'mim', limit: 10 },
  { text: 'ELODIE', limit: 10 },
  { text: 'élodie varenne', limit: 10 },
  { text: 'la fouine', limit: 10 },
  { text: 'fouine', limit: 10 },
  { text: 'la fou', limit: 10 },
  { text: 'port of marseille', limit: 10 },
  { text: 'marsei', limit: 10 },
  { text: 'djeha', labels: ['Person'], limit: 10 },
  { text: 'varenes', limit: 10 },
  { text: 'zzzzqq', limit: 10 },
  { text: 'reservist', limit: 10 },
  { text: 'revelations', limit: 10 },
  { text: 'paul reservist', limit: 10 },
  { text: 'the locksmith', limit: 10 },
  { text: 'monde', limit: 10 },
  { text: 'locksmth', limit: 10 },
  { text: 'foreman', limit: 10 },
  { text: 'port', limit: 10 },
  { text: 'reservist', labels: ['Event'], limit: 10 },
];

export const statementsOf = (lines: readonly string[]) =>
  (async function* () {
    let index = 0;
    for (const cypher of lines) yield { cypher, index: index++, line: index, column: 1 };
  })();

export async function loadSearchGraph(store: GraphStore): Promise<void> {
  await store.ensureSchema();
  await store.runImport(statementsOf(SEARCH_GRAPH), { dryRun: false, meta: META });
}

export async function topHits(store: GraphStore, query: SearchQuery): Promise<Array<[string, number]>> {
  return (await store.search(query, META)).map((hit) => [hit.entity.id, hit.score]);
}

const ids = async (store: GraphStore, text: string, labels?: SearchQuery['labels']): Promise<string[]> =>
  (await store.search({ text, limit: 10, ...(labels ? { labels } : {}) }, META)).map((hit) => hit.entity.id);

/** The behaviour itself; `store()` gives a store loaded with SEARCH_GRAPH. */
export function defineSearchBehaviour(store: () => GraphStore): void {
  it('finds Djeha through a typo: "Djha" (a letter dropped) and "Djeah" (two swapped)', async () => {
    expect(await ids(store(), 'Djha')).toEqual(['o-djeha', 'p-djeha']);
    expect(await ids(store(), 'Djeah')).toEqual(['o-djeha', 'p-djeha']);
  });

  it('finds an alias through a typo: "mimmo" finds Mimo', async () => {
    expect(await ids(store(), 'mimmo')).toEqual(['p-herve']);
  });

  it('ranks the exact name, then the exact alias, then names that start with it, then other words', async () => {
    expect(await topHits(store(), { text: 'fouine', limit: 10 })).toEqual([
      ['p-fouine', 0.8],
      ['p-elodie', 0.5],
    ]);
    expect(await topHits(store(), { text: 'la fouine', limit: 10 })).toEqual([['p-elodie', 0.9]]);
    expect(await topHits(store(), { text: 'la fou', limit: 10 })).toEqual([['p-elodie', 0.7]]);
    expect(await topHits(store(), { text: 'djeha', limit: 10 })).toEqual([
      ['o-djeha', 1],
      ['p-djeha', 0.5],
    ]);
  });

  it('folds accents and case, and finds a name while it is being typed', async () => {
    expect(await ids(store(), 'ELODIE')).toEqual(['p-elodie', 'p-elodie-2']);
    expect(await ids(store(), 'élodie varenne')).toEqual(['p-elodie', 'p-elodie-2']);
    expect(await ids(store(), 'marsei')).toEqual(['l-marseille']);
  });

  it('keeps to the labels asked for', async () => {
    expect(await ids(store(), 'djeha', ['Person'])).toEqual(['p-djeha']);
    expect(await ids(store(), 'djeha', ['Organization'])).toEqual(['o-djeha']);
  });

  it('never answers with an informant for the name of the person it identifies as', async () => {
    const hits = await store().search({ text: 'mohamed djeha', limit: 100 }, META);
    expect(hits.map((hit) => hit.entity.id)).toEqual(['p-djeha']);
    expect(JSON.stringify(hits)).not.toContain('i-x');
  });

  it('finds words of a description, always below the names that match (issue 15: "reservist")', async () => {
    expect(await topHits(store(), { text: 'reservist', limit: 10 })).toEqual([
      ['p-locksmith', 0.2],
      ['e-revelations', 0.2],
    ]);
    expect(await topHits(store(), { text: 'revelations', limit: 10 })).toEqual([
      ['e-revelations', 1],
      ['p-locksmith', 0.2],
    ]);
    expect(await ids(store(), 'paul reservist')).toEqual(['p-locksmith']);
    expect(await ids(store(), 'the locksmith')).toEqual(['p-locksmith']);
    expect(await ids(store(), 'monde')).toEqual(['e-revelations']);
    expect(await ids(store(), 'port')).toEqual(['l-marseille', 'p-djeha']);
    // Descriptions are matched by prefix only: a typo there finds nothing.
    expect(await ids(store(), 'locksmth')).toEqual([]);
  });

  it('never answers with an informant for a word of the description of the person it identifies as', async () => {
    const hits = await store().search({ text: 'foreman', limit: 100 }, META);
    expect(hits.map((hit) => hit.entity.id)).toEqual(['p-djeha']);
    expect(JSON.stringify(hits)).not.toContain('i-x');
  });

  it('finds what an import adds or renames at once, typos included', async () => {
    await store().runImport(
      statementsOf([
        "CREATE (:Person {id: 'p-new', name: 'Quentin Orbanov'})",
        "MATCH (p:Person {id: 'p-mimosa'}) SET p.name = 'Mimosa Lebrun', p.aliases = ['Lavande']",
        "MATCH (p:Person {id: 'p-locksmith'}) SET p.description = 'Retired customs broker.'",
      ]),
      { dryRun: false, meta: META },
    );
    expect(await ids(store(), 'broker')).toEqual(['p-locksmith']);
    expect(await ids(store(), 'locksmith')).toEqual([]);
    expect(await ids(store(), 'orbanof')).toEqual(['p-new']);
    expect(await ids(store(), 'lavadne')).toEqual(['p-mimosa']);
    expect(await ids(store(), 'dupont')).toEqual([]);
  });
}
