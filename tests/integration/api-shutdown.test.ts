// Stopping the server lets a request in flight finish, then refuses new connections.
import { describe, expect, it } from 'vitest';
import type { GraphStore } from '../../server/src/store/GraphStore.ts';
import { startTestServer } from '../helpers/test-server.ts';

let releaseStats: () => void = () => undefined;
let statsStarted: () => void = () => undefined;
const statsRunning = new Promise<void>((resolve) => (statsStarted = resolve));

/**
 * Holds the `stats` query's read until the test releases it, so that a request is surely in flight
 * (the red-flag book's own reads of the counts, in the background, pass).
 */
function slowStats(store: GraphStore): GraphStore {
  return new Proxy(store, {
    get(target, property, receiver) {
      if (property === 'stats') {
        return async (...args: Parameters<GraphStore['stats']>) => {
          if (args[1].operation !== 'stats') return target.stats(...args);
          statsStarted();
          await new Promise<void>((resolve) => (releaseStats = resolve));
          return target.stats(...args);
        };
      }
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

describe('graceful shutdown', () => {
  it('finishes the request in flight and then stops listening', async () => {
    const server = await startTestServer({ wrapStore: slowStats, env: { MAILLON_SHUTDOWN_GRACE_MS: '30000' } });
    const token = await server.adminToken();
    const inFlight = server.gql<{ stats: { nodes: number } }>('{ stats { nodes } }', {}, { token });
    await statsRunning;
    const stopped = server.stop();
    setTimeout(() => releaseStats(), 300);
    const { status, body } = await inFlight;
    expect(status).toBe(200);
    expect(body.data?.stats.nodes).toBe(0);
    await stopped;
    await expect(fetch(`${server.url}/health`)).rejects.toThrow();
  });
});
