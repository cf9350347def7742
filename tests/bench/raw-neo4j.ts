/**
 * Neo4j with nothing of Maillon in between: one session over Bolt, auto-commit
 * queries with parameters, integers read as JS numbers. That is the plainest
 * use of the driver, the Neo4j counterpart of raw-kuzu.ts.
 */
import neo4j from 'neo4j-driver';
import type { RawStore } from './raw-store.ts';

export interface Neo4jSettings {
  readonly uri: string;
  readonly user: string;
  readonly password: string;
}

export function openRawNeo4j(settings: Neo4jSettings): RawStore {
  const driver = neo4j.driver(settings.uri, neo4j.auth.basic(settings.user, settings.password), {
    disableLosslessIntegers: true,
  });
  const session = driver.session();
  return {
    kind: 'neo4j',
    query: async (cypher, params) => (await session.run(cypher, params ?? {})).records.map((r) => r.toObject()),
    close: async () => {
      await session.close();
      await driver.close();
    },
  };
}
