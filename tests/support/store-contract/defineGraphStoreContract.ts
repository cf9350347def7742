/**
 * The GraphStore contract: one suite that every adapter reruns (Kùzu always,
 * Neo4j whenever NEO4J_URI is set). Each part opens its own fresh store through
 * `makeStore` and loads tiny graph literals through `runImport`, so the suite
 * also proves that the adapter runs plain Neo4j-dialect import statements.
 */
import { describe } from 'vitest';
import { describeAccounts } from './accounts-contract.ts';
import { describeExploreServices } from './explore-services-contract.ts';
import { describeHub } from './hub-contract.ts';
import { describeImports } from './import-contract.ts';
import { describeNeighbourhood } from './neighbourhood-contract.ts';
import { describePaths } from './path-contract.ts';
import { describeReads } from './read-contract.ts';
import { describeSearchRanking } from './search-rank-contract.ts';
import type { MakeStore } from './types.ts';

export type { MakeStore, OpenedStore } from './types.ts';

export function defineGraphStoreContract(name: string, makeStore: MakeStore): void {
  describe(`GraphStore contract: ${name}`, () => {
    describeReads(makeStore);
    describeSearchRanking(makeStore);
    describeHub(makeStore);
    describeNeighbourhood(makeStore);
    describePaths(makeStore);
    describeExploreServices(makeStore);
    describeImports(makeStore);
    describeAccounts(makeStore);
  });
}
