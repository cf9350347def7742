/** The embedded store's files, opened as the server would, and written behind its back as someone with disk access would. */
import path from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { KuzuStore } from '../../server/src/store/kuzu/KuzuStore.ts';
import { quietLogger } from '../support/quiet-logger.ts';

const run = promisify(execFile);

export async function withStore<T>(dataDir: string, use: (store: KuzuStore) => Promise<T>): Promise<T> {
  const store = new KuzuStore({ logger: quietLogger, dataDir, bufferPoolMb: 64 });
  try {
    await store.ensureSchema();
    return await use(store);
  } finally {
    await store.close();
  }
}

/**
 * Runs one statement on the database file itself, as someone with disk access would.
 * It runs in a separate process: Kùzu 0.11.3 can crash the process that reopens a
 * database when results of an earlier connection are collected late, and a crash here
 * must not take the test worker with it.
 */
export async function onDisk(dataDir: string, statement: string): Promise<Record<string, unknown>[]> {
  const script = `
    import kuzu from 'kuzu';
    const database = new kuzu.Database(process.argv[1], 64 * 1024 * 1024);
    const connection = new kuzu.Connection(database);
    const result = await connection.query(process.argv[2]);
    const rows = result.getAllSync();
    result.close();
    // Into the database file itself, not only the write-ahead log.
    (await connection.query('CHECKPOINT')).close();
    await connection.close();
    await database.close();
    process.stdout.write(JSON.stringify(rows));
  `;
  const { stdout } = await run(
    process.execPath,
    ['--input-type=module', '-e', script, path.join(dataDir, 'kuzu'), statement],
    { cwd: path.resolve(import.meta.dirname, '../..') },
  );
  return JSON.parse(stdout) as Record<string, unknown>[];
}
