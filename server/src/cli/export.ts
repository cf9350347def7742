/**
 * npm run export -- OUT.cypher [--ids a,b --depth N] [--force] [--user NAME]
 *
 * Writes the graph of the store the environment selects (NEO4J_URI, else the embedded store
 * under MAILLON_DATA_DIR), or the neighbourhood of some ids, as a Cypher file in APOC's
 * cypher-shell format that `npm run import` (either store) and Neo4j's cypher-shell load back.
 * A server-side admin tool like the import: it reads everything, informant identities
 * included, and records itself in the audit trail. Streamed page by page; written to a
 * temporary file that takes the name only when complete and recorded. Progress on stderr.
 * Exit code: 0 written, 1 refused (bad arguments, file exists, unknown id), 2 could not run.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AuditTrail } from '../audit/AuditTrail.ts';
import { ConfigError, loadConfig } from '../config.ts';
import { MaillonError, UserInputError } from '../errors.ts';
import { exportCypher, type ExportSelection } from '../export/export-cypher.ts';
import { ExportFileExistsError, writeExportFile } from '../export/write-file.ts';
import { createLogger } from '../logger.ts';
import type { GraphStore } from '../store/GraphStore.ts';
import { ExportProgress } from './export-progress.ts';
import { openStore, StoreBusyError } from './open-store.ts';

const USAGE = `Usage: npm run export -- OUT.cypher [--ids a,b --depth N] [--force] [--user NAME]

  --ids       export the neighbourhood of these entity ids (comma-separated) instead of the whole graph
  --depth     steps from the ids to include (default 1); relationships between included nodes come along
  --force     replace OUT.cypher if it exists (otherwise an existing file is never touched)
  --user      name recorded in the audit trail (default: cli:<your login>)`;

interface Options {
  readonly file: string;
  readonly selection?: ExportSelection;
  readonly force: boolean;
  readonly user: string;
}

class UsageError extends Error {}

function parseDepth(value: string | undefined): number {
  const depth = Number(value);
  if (value === undefined || !/^\d+$/.test(value) || depth > 100)
    throw new UsageError('--depth needs a whole number from 0 to 100');
  return depth;
}

function parseArgs(args: readonly string[]): Options {
  let file: string | undefined;
  let ids: string[] | undefined;
  let depth: number | undefined;
  let force = false;
  let user = `cli:${os.userInfo().username}`;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (arg === '--force') force = true;
    else if (arg === '--ids')
      ids = (args[++i] ?? '')
        .split(',')
        .map((id) => id.trim())
        .filter((id) => id !== '');
    else if (arg === '--depth') depth = parseDepth(args[++i]);
    else if (arg === '--user') user = args[++i] ?? '';
    else if (!arg.startsWith('--') && file === undefined) file = arg;
    else throw new UsageError(`unknown argument ${arg}`);
  }
  if (file === undefined) throw new UsageError('name the Cypher file to write');
  if (user === '') throw new UsageError('--user needs a name');
  if (ids?.length === 0) throw new UsageError('--ids needs at least one id');
  if (depth !== undefined && ids === undefined) throw new UsageError('--depth goes with --ids');
  return { file, force, user, ...(ids ? { selection: { ids, depth: depth ?? 1 } } : {}) };
}

const logger = createLogger('maillon-export');

async function exportTo(store: GraphStore, options: Options, idsInAudit: number): Promise<string> {
  const progress = new ExportProgress();
  const ids: string[] = [];
  let total = { nodes: 0, relationships: 0 };
  const meta = { user: options.user, operation: 'exportCypher' };
  const chunks = exportCypher({
    store,
    // A server-side admin tool reads everything, as the import writes anything.
    scope: { hiddenRelTypes: [] },
    meta,
    ...(options.selection ? { selection: options.selection } : {}),
    onBatch: (batch, sum) => {
      if (ids.length + batch.ids.length <= idsInAudit) ids.push(...batch.ids);
      total = { ...sum };
      progress.update(total);
    },
  });
  const written = await writeExportFile(options.file, chunks, {
    force: options.force,
    // Recorded before the file takes its name: an export nobody can trace never appears.
    beforeCommit: async ({ sha256, bytes }) => {
      progress.update(total, true);
      progress.finish();
      const all = total.nodes + total.relationships;
      await new AuditTrail({ store, logger }).record({
        user: options.user,
        role: 'ADMIN',
        operation: 'exportCypher',
        purpose: 'command-line export',
        entityIds: all <= idsInAudit ? ids : (options.selection?.ids ?? []),
        outcome: 'OK',
        requestId: randomUUID(),
        clientAddress: 'cli',
        details: {
          fileName: path.basename(options.file),
          sha256,
          bytes,
          nodes: total.nodes,
          relationships: total.relationships,
          ...(options.selection ? { ids: options.selection.ids, depth: options.selection.depth } : { whole: true }),
          ...(all > idsInAudit ? { entityIdsListed: false } : {}),
        },
      });
    },
  });
  return `Wrote ${options.file}: ${total.nodes.toLocaleString('en')} nodes, ${total.relationships.toLocaleString('en')} relationships, ${written.bytes.toLocaleString('en')} bytes (sha256 ${written.sha256}).`;
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  if (args.length === 0 || args.includes('--help') || args.includes('-h')) {
    console.log(USAGE);
    return args.length === 0 ? 2 : 0;
  }
  let store: GraphStore | undefined;
  try {
    const options = parseArgs(args);
    if (!options.force && fs.existsSync(options.file)) throw new ExportFileExistsError(options.file);
    store = await openStore(logger, {
      done: 'nothing was exported',
      instead: 'export through the running server with the exportCypher query (as an admin)',
    });
    console.log(await exportTo(store, options, loadConfig().exportLimit));
    return 0;
  } catch (error) {
    if (error instanceof UsageError) console.error(`${error.message}\n\n${USAGE}`);
    else console.error(error instanceof Error ? error.message : error);
    const refused =
      error instanceof UsageError || error instanceof ExportFileExistsError || error instanceof UserInputError;
    if (
      !refused &&
      !(error instanceof StoreBusyError || error instanceof ConfigError || error instanceof MaillonError)
    ) {
      logger.error({ err: error }, 'export failed');
    }
    return refused ? 1 : 2;
  } finally {
    await store?.close().catch(() => undefined);
  }
}

process.exitCode = await main();
