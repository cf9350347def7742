/**
 * Which nodes a neighbourhood export holds: the seeds and every node within `depth` steps of
 * them, walked in both directions over the types the reader's scope shows (a hidden type is
 * not walked, so an uncleared export never reaches a node only through an identity link).
 * Only ids are kept, never records, so a large neighbourhood costs a string per node.
 */
import { UserInputError } from '../errors.ts';
import type { GraphReads } from '../store/ports/GraphReads.ts';
import type { ReadScope, TxMeta } from '../store/ports/read-scope.ts';

/** Ids expanded per adjacency call. */
const FRONTIER_CHUNK = 500;
/** Relationships read per expanded node: every one (the caps of the explorer do not apply to an export). */
const ALL_RELATIONSHIPS = 10_000_000;

export interface NeighbourhoodInput {
  readonly store: Pick<GraphReads, 'adjacent' | 'getEntities'>;
  readonly seeds: readonly string[];
  readonly depth: number;
  readonly scope: ReadScope;
  readonly meta: TxMeta;
}

export async function neighbourhoodIds(input: NeighbourhoodInput): Promise<string[]> {
  const { store, scope, meta } = input;
  const seeds = [...new Set(input.seeds)];
  const existing = new Set((await store.getEntities(seeds, meta)).map((e) => e.id));
  const missing = seeds.filter((id) => !existing.has(id));
  if (missing.length > 0) throw new UserInputError(`No entity has the id ${missing.map((id) => `"${id}"`).join(', ')}`);
  const seen = new Set(seeds);
  let frontier = seeds;
  for (let level = 0; level < input.depth && frontier.length > 0; level++) {
    const next: string[] = [];
    for (let i = 0; i < frontier.length; i += FRONTIER_CHUNK) {
      const ids = frontier.slice(i, i + FRONTIER_CHUNK);
      const { relationships } = await store.adjacent({ ids, perNodeLimit: ALL_RELATIONSHIPS }, scope, meta);
      for (const r of relationships) {
        for (const id of [r.source, r.target]) {
          if (!seen.has(id)) {
            seen.add(id);
            next.push(id);
          }
        }
      }
    }
    frontier = next;
  }
  return [...seen].sort();
}
