/**
 * Tiny graph literals for the store contract, written as plain Neo4j-dialect
 * import statements (each adapter translates them as it translates import files).
 */
import type { ImportStatement } from '../../../server/src/store/ports/GraphImport.ts';
import type { ReadScope, TxMeta } from '../../../server/src/store/ports/read-scope.ts';

export const META: TxMeta = { user: 'contract', operation: 'contract-test' };
export const CLEARED: ReadScope = { hiddenRelTypes: [] };
export const UNCLEARED: ReadScope = { hiddenRelTypes: ['IDENTIFIES_AS'] };

export function statements(...cyphers: string[]): ImportStatement[] {
  return cyphers.map((cypher, i) => ({ index: i + 1, cypher, line: i + 1, column: 1 }));
}

/** People, an organisation, an agency and an informant whose identity link is restricted. */
export const SMALL_GRAPH = [
  "CREATE (:Person {id: 'p-herve', name: 'Hervé Marchal', aliases: ['Mimo'], nationality: 'FR', sources: ['doc-1']})",
  "CREATE (:Person {id: 'p-djeha', name: 'Mohamed Djeha', birthDate: '1980-02-03'})",
  "CREATE (:Person {id: 'p-mimosa', name: 'Mimosa Dupont'})",
  "CREATE (:Organization {id: 'o-djeha', name: 'Djeha', kind: 'criminal'})",
  "CREATE (:Informant {id: 'i-x', name: 'Source X', codename: 'X', reliability: 'B', active: true})",
  "CREATE (:Agency {id: 'a-police', name: 'Police judiciaire', kind: 'police', staffWithFileAccess: 120})",
  "CREATE (:Document {id: 'doc-1', name: 'Internal report', title: 'Internal report'})",
  `MATCH (a:Person {id: 'p-herve'}), (b:Person {id: 'p-djeha'})
   CREATE (a)-[:PAID {id: 'r-paid', amount: 100, currency: 'EUR', method: 'cash', at: '2023-05-01', sources: ['doc-1']}]->(b)`,
  `MATCH (a:Person {id: 'p-herve'}), (b:Agency {id: 'a-police'})
   CREATE (a)-[:EMPLOYED_BY {id: 'r-employed', rank: 'brigadier', since: '2015-01-01'}]->(b)`,
  "MATCH (i:Informant {id: 'i-x'}), (p:Person {id: 'p-djeha'}) CREATE (i)-[:IDENTIFIES_AS {id: 'r-identifies'}]->(p)",
  "MATCH (h:Person {id: 'p-herve'}), (i:Informant {id: 'i-x'}) CREATE (h)-[:HANDLES {id: 'r-handles'}]->(i)",
  // No id: the store must give it one.
  "MATCH (p:Person {id: 'p-djeha'}), (o:Organization {id: 'o-djeha'}) CREATE (p)-[:MEMBER_OF {role: 'boss'}]->(o)",
];

export const SMALL_GRAPH_IDS = ['p-herve', 'p-djeha', 'p-mimosa', 'o-djeha', 'i-x', 'a-police', 'doc-1'];

const spokeIds = (prefix: string, count: number): string[] =>
  Array.from({ length: count }, (_, i) => `${prefix}-${i + 1}`);

/** A hub with `outgoing` ASSOCIATE_OF relationships to spokes and `incoming` from others. */
export function hubGraph(outgoing: number, incoming: number): string[] {
  const list = (ids: string[]): string => `[${ids.map((id) => `'${id}'`).join(', ')}]`;
  return [
    "CREATE (:Person {id: 'p-hub', name: 'Hub'})",
    `UNWIND ${list(spokeIds('spoke-out', outgoing))} AS sid CREATE (:Person {id: sid, name: sid})`,
    `UNWIND ${list(spokeIds('spoke-in', incoming))} AS sid CREATE (:Person {id: sid, name: sid})`,
    `MATCH (h:Person {id: 'p-hub'}), (s:Person) WHERE s.id STARTS WITH 'spoke-out-' CREATE (h)-[:ASSOCIATE_OF]->(s)`,
    `MATCH (h:Person {id: 'p-hub'}), (s:Person) WHERE s.id STARTS WITH 'spoke-in-' CREATE (s)-[:ASSOCIATE_OF]->(h)`,
  ];
}
