/**
 * Fixed-window counters (rate limits, one alert per window) counted in batches:
 * one write transaction for every count that arrived while the last one was in
 * flight. Each count still gets the number a sequence of single increments would
 * give it, in the order the counts arrived, so "the first of the window" and
 * "over the limit" mean what they meant one increment at a time.
 */
import type { TxMeta } from '../ports/read-scope.ts';
import { run, type Runner } from './runner.ts';
import { COUNT_IN_WINDOWS } from './shared-state-queries.ts';
import { asNumber, asString } from './values.ts';

export interface CountTake {
  readonly key: string;
  readonly windowStart: number;
}

export interface WindowCount {
  readonly count: number;
  readonly windowStart: number;
}

const META: TxMeta = { user: 'system', operation: 'countInWindow' };

export async function countInWindows(runner: Runner, takes: readonly CountTake[]): Promise<WindowCount[]> {
  // One row per key; a key counted across a window's end in one batch counts in the later window.
  const byKey = new Map<string, { windowStart: number; n: number }>();
  for (const take of takes) {
    const known = byKey.get(take.key);
    byKey.set(take.key, {
      windowStart: Math.max(known?.windowStart ?? take.windowStart, take.windowStart),
      n: (known?.n ?? 0) + 1,
    });
  }
  const rows = await runner.write(META, (tx) =>
    run(tx, COUNT_IN_WINDOWS, { takes: [...byKey].map(([key, group]) => ({ key, ...group })) }),
  );
  const before = new Map(rows.map((row) => [asString(row.key), asNumber(row.before)]));
  const counted = new Map<string, number>();
  return takes.map((take) => {
    const group = byKey.get(take.key);
    const base = before.get(take.key);
    if (group === undefined || base === undefined) throw new Error(`counter ${take.key} was not counted`);
    const count = base + (counted.get(take.key) ?? 0) + 1;
    counted.set(take.key, count - base);
    return { count, windowStart: group.windowStart };
  });
}
