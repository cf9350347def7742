import kuzu from 'kuzu';
import { afterEach, expect, it, vi } from 'vitest';
import { quietLogger } from '../../../../tests/support/quiet-logger.ts';
import { NameIndex } from '../search/NameIndex.ts';
import { typedText } from '../search/ranking.ts';
import { KuzuConnection } from './KuzuConnection.ts';
import { ensureSchema } from './schema.ts';
import { SearchIndexCache } from './search-index-cache.ts';

const closing: Array<() => Promise<void>> = [];
afterEach(async () => {
  vi.restoreAllMocks();
  for (const close of closing.splice(0)) await close();
});

// At 1,000,000 people the whole Person table went into the index in one step: the event loop
// was held for 9 to 35 s, a call queued meanwhile passed its deadline and the server could not start.
it('builds the index a page at a time, taking in every node, past the holes deletions leave', async () => {
  const database = new kuzu.Database(':memory:');
  const connection = new KuzuConnection(database, { connections: 1 });
  closing.push(async () => {
    await connection.close();
    await database.close();
  });
  await connection.exclusive(ensureSchema);
  for (let i = 1; i <= 7; i++)
    await connection.query('CREATE (:Person {id: $id, name: $name})', { id: `p-${i}`, name: `Nadia Person${i}` });
  await connection.query("MATCH (n:Person {id: 'p-3'}) DELETE n");
  await connection.query("CREATE (:Organization {id: 'o-1', name: 'Ofast'})");

  const upsert = vi.spyOn(NameIndex.prototype, 'upsert');
  const index = await new SearchIndexCache(connection, quietLogger, 2).get(60_000);

  const steps = upsert.mock.calls.map(([nodes]) => [...nodes].length);
  expect(Math.max(...steps)).toBeLessThanOrEqual(2);
  expect(index?.size).toBe(7);
  const found = index?.search({ ...typedText('nadia'), limit: 20 }).map((hit) => hit.id);
  expect(found?.sort()).toEqual(['p-1', 'p-2', 'p-4', 'p-5', 'p-6', 'p-7']);
  expect(index?.labelOf('o-1')).toBe('Organization');
});
