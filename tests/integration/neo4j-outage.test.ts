/**
 * Neo4j outages, without Neo4j: the store is pointed at loopback endpoints that
 * behave like a dead database. Whatever happens, a request must settle quickly with
 * DB_UNAVAILABLE and a Retry-After (the API turns it into a 503), never hang, and
 * leave no socket behind. Timings are not asserted: the generous test timeout is
 * the only clock, and the driver bounds are what keep each case far inside it.
 */
import net from 'node:net';
import { pino } from 'pino';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ErrorCode, StoreUnavailableError } from '../../server/src/errors.ts';
import { Neo4jStore } from '../../server/src/store/neo4j/Neo4jStore.ts';
import { FakeBoltServer } from '../neo4j/fake-bolt-server.ts';

const META = { user: 'outage-test', operation: 'test' };
const TEST_TIMEOUT_MS = 10_000;
/** The outages are the point here; their warnings would only bury the test report. */
const quiet = pino({ level: 'silent' });
const cleanups: Array<() => Promise<void>> = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function storeAt(uri: string): Neo4jStore {
  const store = new Neo4jStore({ uri, user: 'neo4j', password: 'not-used', queryTimeoutMs: 2000, logger: quiet });
  cleanups.push(() => store.close());
  return store;
}

/** A port nothing listens on: the connection is refused at once. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Accepts connections and never says a word, like a hung host or a firewall that swallows packets. */
async function blackHole(): Promise<{ port: number; accepted: () => number; close: () => Promise<void> }> {
  const sockets = new Set<net.Socket>();
  let accepted = 0;
  const server = net.createServer((socket) => {
    accepted += 1;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const close = async (): Promise<void> => {
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  cleanups.push(async () => {
    if (server.listening) await close();
  });
  return { port: (server.address() as net.AddressInfo).port, accepted: () => accepted, close };
}

async function expectUnavailable(promise: Promise<unknown>): Promise<StoreUnavailableError> {
  const error: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(StoreUnavailableError);
  const unavailable = error as StoreUnavailableError;
  expect(unavailable.code).toBe(ErrorCode.DB_UNAVAILABLE);
  expect(unavailable.extensions.retryAfter).toBeGreaterThan(0);
  return unavailable;
}

const tcpSockets = (): number => process.getActiveResourcesInfo().filter((r) => r === 'TCPSocketWrap').length;

describe('Neo4jStore when Neo4j is down', () => {
  it(
    'reports a refused connection as DB_UNAVAILABLE',
    async () => {
      const store = storeAt(`bolt://127.0.0.1:${await closedPort()}`);
      await expectUnavailable(store.ping());
      await expectUnavailable(store.getEntities(['p-1'], META));
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'reports a server that accepts and never answers as DB_UNAVAILABLE, without leaving sockets open',
    async () => {
      const before = tcpSockets();
      const hole = await blackHole();
      const store = storeAt(`bolt://127.0.0.1:${hole.port}`);
      await expectUnavailable(store.ping());
      expect(hole.accepted()).toBeGreaterThan(0);
      // While it is known to be down, requests fail without touching the network.
      const acceptedSoFar = hole.accepted();
      await expectUnavailable(store.getEntities(['p-1'], META));
      await expectUnavailable(store.stats({ hiddenRelTypes: [] }, META));
      expect(hole.accepted()).toBe(acceptedSoFar);
      // Nothing of the store's is stuck in a handshake with the black hole.
      await vi.waitFor(() => expect(tcpSockets()).toBe(before));
      await hole.close();
      await expectUnavailable(store.ping());
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'fails fast when the database dies, then serves again once it is back',
    async () => {
      const before = tcpSockets();
      const bolt = new FakeBoltServer();
      await bolt.start();
      cleanups.push(() => bolt.stop());
      const store = storeAt(bolt.uri);
      await store.ping();

      await bolt.stop();
      const error = await expectUnavailable(store.ping());
      expect(error.retryAfterSeconds).toBeGreaterThan(0);
      await expectUnavailable(store.getEntities(['p-1'], META));

      await bolt.start();
      // Retry-After says when to come back; poll a little past it.
      await vi.waitFor(() => store.ping(), { timeout: 8000, interval: 250 });

      await store.close();
      await bolt.stop();
      await vi.waitFor(() => expect(tcpSockets()).toBe(before));
    },
    TEST_TIMEOUT_MS + 5000,
  );

  it(
    'gives up on a database that hangs mid-connection instead of waiting forever',
    async () => {
      const before = tcpSockets();
      const bolt = new FakeBoltServer();
      await bolt.start();
      cleanups.push(() => bolt.stop());
      const store = storeAt(bolt.uri);
      await store.ping();

      // The pooled connection stays open, but no answer ever comes: only the store's own deadline can end the wait.
      bolt.frozen = true;
      await expectUnavailable(store.getEntities(['p-1'], META));
      const receivedSoFar = bolt.received.length;
      await expectUnavailable(store.ping());
      expect(bolt.received.length).toBe(receivedSoFar);

      await store.close();
      await bolt.stop();
      await vi.waitFor(() => expect(tcpSockets()).toBe(before));
    },
    TEST_TIMEOUT_MS + 5000,
  );
});
