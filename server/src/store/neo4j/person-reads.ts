/**
 * The insider detector's read window, written in batches: the reads of every
 * request that arrived while the last write was in flight go in one transaction,
 * one statement per user. Each request is still answered the distinct count it
 * would have had alone, in arrival order: the count before the batch plus the
 * persons that this request and the ones before it in the batch added.
 */
import type { PersonReads } from '../SharedStateStore.ts';
import type { TxMeta } from '../ports/read-scope.ts';
import { run, type Runner } from './runner.ts';
import { RECORD_PERSON_READS } from './shared-state-queries.ts';
import { asNumber, asStrings } from './values.ts';

const META: TxMeta = { user: 'system', operation: 'recordPersonReads' };

export async function recordPersonReadsBatch(runner: Runner, batch: readonly PersonReads[]): Promise<number[]> {
  const byUser = new Map<string, PersonReads[]>();
  for (const reads of batch) byUser.set(reads.user, [...(byUser.get(reads.user) ?? []), reads]);
  const counts = new Map<PersonReads, number>();
  await runner.write(META, async (tx) => {
    counts.clear(); // a retried transaction counts again
    for (const [user, calls] of byUser) {
      const [row] = await run(tx, RECORD_PERSON_READS, {
        user,
        personIds: [...new Set(calls.flatMap((c) => c.personIds))],
        at: Math.max(...calls.map((c) => c.at)),
        // The earliest window of the batch: no request is told of fewer reads than it made.
        windowStart: Math.min(...calls.map((c) => c.windowStart)),
      });
      const created = new Set(asStrings(row?.created));
      let distinct = asNumber(row?.distinct) - created.size;
      for (const call of calls) {
        for (const person of call.personIds) {
          if (created.delete(person)) distinct++;
        }
        counts.set(call, distinct);
      }
    }
  });
  return batch.map((reads) => counts.get(reads) ?? 0);
}
