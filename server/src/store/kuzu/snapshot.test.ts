import { describe, expect, it } from 'vitest';
import { StoreUnavailableError } from '../../errors.ts';
import { createLogger } from '../../logger.ts';
import type { KuzuConnection, Row } from './KuzuConnection.ts';
import { SnapshotCache } from './snapshot.ts';

const logger = createLogger('snapshot-test').child({}, { level: 'silent' });

/** A read connection over an empty graph whose every query takes `delayMs`; counts the queries. */
function slowReader(delayMs: number) {
  const reader = {
    queries: 0,
    query: async (): Promise<Row[]> => {
      reader.queries += 1;
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      return [];
    },
  };
  return reader;
}

const asConnection = (reader: ReturnType<typeof slowReader>) => reader as unknown as KuzuConnection;

describe('SnapshotCache', () => {
  it('tells a caller to come back while a slow build goes on, then serves the built snapshot', async () => {
    const reader = slowReader(5);
    const cache = new SnapshotCache(asConnection(reader), logger, { waitMs: 1 });
    const first = cache.get();
    await expect(first).rejects.toBeInstanceOf(StoreUnavailableError);
    await expect(first).rejects.toThrow(/being built/);
    const queriesOfOneBuild = await (async () => {
      for (;;) {
        try {
          await cache.get();
          return reader.queries;
        } catch (error) {
          if (!(error instanceof StoreUnavailableError)) throw error;
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
      }
    })();
    // The build that the first call started is the one served: nothing was read twice.
    expect((await cache.get()).nodeCount).toBe(0);
    expect(reader.queries).toBe(queriesOfOneBuild);
  });

  it('starts the next build as soon as the graph changes when eager, and only on demand otherwise', async () => {
    const eager = slowReader(0);
    new SnapshotCache(asConnection(eager), logger, { eager: true }).invalidate();
    const lazy = slowReader(0);
    new SnapshotCache(asConnection(lazy), logger).invalidate();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(eager.queries).toBeGreaterThan(0);
    expect(lazy.queries).toBe(0);
  });
});
