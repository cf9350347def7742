/** The store a command-line tool works on, with a clear refusal while a running server holds the embedded one. */
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../config.ts';
import type { Logger } from '../logger.ts';
import { createStore } from '../store/create-store.ts';
import type { GraphStore } from '../store/GraphStore.ts';
import { findHolders } from '../store/store-holders.ts';

const IMPORT_ACTION = {
  done: 'nothing was imported',
  instead: 'import through the running server with the importCypher mutation (as an admin)',
};

/** Opens the configured store; explains a lock held by a running server instead of failing obscurely. */
export async function openStore(
  logger: Logger,
  action: { readonly done: string; readonly instead: string } = IMPORT_ACTION,
): Promise<GraphStore> {
  const config = loadConfig();
  try {
    return await createStore(config, logger);
  } catch (error) {
    if (config.neo4j !== undefined) throw error;
    // Kùzu admits one process per database: whoever holds its files is why opening failed.
    const holders = findHolders(path.join(config.dataDir, 'kuzu')).concat(findHolders(config.dataDir));
    const unique = [...new Map(holders.map((h) => [h.pid, h])).values()];
    const message = error instanceof Error ? error.message : String(error);
    if (unique.length === 0 && !/lock/i.test(message)) throw error;
    throw new StoreBusyError(
      `The embedded store at ${path.resolve(config.dataDir)} is in use by another process` +
        (unique.length === 0 ? '.' : `:\n${unique.map((h) => `    pid ${h.pid}: ${h.command}`).join('\n')}\n`) +
        `\nOnly one process may open it, so ${action.done} and nothing was touched.\n` +
        `Either stop the server and run this command again, or ${action.instead}.`,
    );
  }
}

export class StoreBusyError extends Error {}

/**
 * The memory cap of the import command's own database process when MAILLON_KUZU_MEMORY_MB is
 * not set: half the machine, between 2048 MB (the server's default) and 16 GB. Kùzu keeps an
 * import's uncommitted changes in memory until its one transaction commits, so the database
 * process grows with the file (3.3 GB at a million people, measured); with the server's
 * 2048 MB it was stopped at 84 % of that file. The server keeps its default:
 * there the cap protects every other request from one query.
 */
export function importMemoryLimitMb(env: NodeJS.ProcessEnv = process.env, totalBytes = os.totalmem()): string {
  const set = env.MAILLON_KUZU_MEMORY_MB;
  if (set !== undefined && set.trim() !== '') return set;
  const half = Math.floor(totalBytes / 2 ** 20 / 2);
  return String(Math.max(2048, Math.min(16_384, half)));
}
