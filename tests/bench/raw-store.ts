/**
 * A store with nothing of Maillon in between, Kùzu or Neo4j: the baselines' side
 * of every figure. Each bench writes its baseline in the store's own Cypher where
 * the dialects differ (shortest paths, name search) and reads plain JS values.
 * Persons are drawn from the Person table ordered by id, so that the same seed
 * picks the same persons on both stores.
 */
import type { KuzuValue } from 'kuzu';
import type { StoreKind } from './options.ts';
import type { RawKuzu } from './raw-kuzu.ts';
import { pick, seededRandom } from './stats.ts';

export type RawRow = Readonly<Record<string, unknown>>;

export interface RawStore {
  readonly kind: StoreKind;
  query(cypher: string, params?: Readonly<Record<string, string>>): Promise<RawRow[]>;
  close(): Promise<void>;
}

export function rawStoreOfKuzu(kuzu: RawKuzu): RawStore {
  return {
    kind: 'kuzu',
    query: (cypher, params) => kuzu.query(cypher, params as Record<string, KuzuValue> | undefined),
    close: () => kuzu.close(),
  };
}

/** Every Person's id in id order: the list the benches draw from, the same on both stores. */
export const PERSON_IDS = 'MATCH (p:Person) RETURN p.id AS id, p.name AS name ORDER BY p.id';

export interface PersonRow {
  readonly id: string;
  readonly name: string;
}

export async function allPersons(store: RawStore): Promise<PersonRow[]> {
  return (await store.query(PERSON_IDS)).map((row) => ({ id: String(row.id), name: String(row.name) }));
}

/** `count` persons drawn from the whole Person table, the same ones for the same seed on either store. */
export async function randomPersons(store: RawStore, count: number, seed: number): Promise<PersonRow[]> {
  return pick(await allPersons(store), count, seededRandom(seed));
}
