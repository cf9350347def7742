import kuzu from 'kuzu';
import type { Database } from 'kuzu';
import { afterEach, expect, it } from 'vitest';
import { KuzuConnection } from './KuzuConnection.ts';

const databases: Database[] = [];
afterEach(async () => {
  for (const database of databases.splice(0)) await database.close();
});

function reads(): KuzuConnection {
  const database = new kuzu.Database(':memory:');
  databases.push(database);
  return new KuzuConnection(database, { connections: 2 });
}

it('idle runs its task once the reads in flight are done, and holds the reads sent meanwhile', async () => {
  const connection = reads();
  const order: string[] = [];
  const inFlight = connection
    .query('UNWIND range(1, 200000) AS x RETURN sum(x) AS s')
    .then(() => order.push('read in flight'));
  let sentDuring: Promise<unknown> | undefined;
  await connection.idle(async () => {
    // Lets the read's own callbacks (a few promise steps behind its end) run first.
    await new Promise((resolve) => setImmediate(resolve));
    order.push('task');
    sentDuring = connection.query('RETURN 1 AS one').then(() => order.push('read sent during the task'));
    await new Promise((resolve) => setTimeout(resolve, 20));
    order.push('task done');
  });
  await Promise.all([inFlight, sentDuring]);
  expect(order).toEqual(['read in flight', 'task', 'task done', 'read sent during the task']);
  await connection.close();
});

it('idle is refused, not left waiting, once the connection is closed', async () => {
  const connection = reads();
  await connection.close();
  await expect(connection.idle(async () => 'ran')).rejects.toThrow(/closed/);
});
