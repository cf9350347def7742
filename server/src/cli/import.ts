/**
 * npm run import -- FILE.cypher [--dry-run] [--json] [--user NAME]
 *
 * Loads a Neo4j-style Cypher file into the store the environment selects
 * (NEO4J_URI, else the embedded store under MAILLON_DATA_DIR). The file is read
 * in chunks and validated statement by statement (sandbox, Neo4j's parser, the
 * model) before anything runs; then it is read again and streamed to the store,
 * which runs it as one transaction: all or nothing, in bounded memory.
 * Progress goes to stderr, the report to stdout, then the run's peak memory (this
 * process and the database's) to stderr. The import is recorded in the audit trail. Exit code: 0 imported (or dry run passed), 1 refused, 2 could not run.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigError } from '../config.ts';
import { MaillonError } from '../errors.ts';
import { formatReport } from '../import/report.ts';
import { ImportNotRecordedError, runImport } from '../import/run-import.ts';
import type { ImportReport } from '../import/types.ts';
import { createLogger } from '../logger.ts';
import type { GraphStore } from '../store/GraphStore.ts';
import { ProgressPrinter } from './import-progress.ts';
import { importMemoryLimitMb, openStore, StoreBusyError } from './open-store.ts';
import { describePeakMemory, PeakMemory } from './peak-memory.ts';

const USAGE = `Usage: npm run import -- FILE.cypher [--dry-run] [--json] [--user NAME]

  --dry-run   validate and run without keeping anything (a rolled-back transaction, or a throw-away
              copy of the embedded database for larger files); report what would be created
  --json      print the report as JSON
  --user      name recorded in the audit trail (default: cli:<your login>)

The embedded database process grows with what the file creates (about 3.3 GB for a million
people, in Kùzu's own memory): unless MAILLON_KUZU_MEMORY_MB says otherwise, this command lets it
use half the machine's memory (at least 2048 MB, at most 16 GB). The peak is printed at the end.
A file holding one statement of tens of MB may need a larger JavaScript heap than Node's default:
NODE_OPTIONS=--max-old-space-size=4096.`;

interface Options {
  readonly file: string;
  readonly dryRun: boolean;
  readonly json: boolean;
  readonly user: string;
}

class UsageError extends Error {}

function parseArgs(args: readonly string[]): Options {
  let file: string | undefined;
  let dryRun = false;
  let json = false;
  let user = `cli:${os.userInfo().username}`;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (arg === '--dry-run') dryRun = true;
    else if (arg === '--json') json = true;
    else if (arg === '--user') user = args[++i] ?? '';
    else if (!arg.startsWith('--') && file === undefined) file = arg;
    else throw new UsageError(`unknown argument ${arg}`);
  }
  if (file === undefined) throw new UsageError('name the Cypher file to import');
  if (user === '') throw new UsageError('--user needs a name');
  return { file, dryRun, json, user };
}

const logger = createLogger('maillon-import');

const readFile = (file: string): fs.ReadStream => fs.createReadStream(file, { highWaterMark: 1 << 20 });

/** Through the one import entry, streamed from the file, recorded as a command-line import. */
function importFile(store: GraphStore, options: Options, progress: ProgressPrinter): Promise<ImportReport> {
  return runImport(store, {
    script: { open: () => readFile(options.file), bytes: fs.statSync(options.file).size, name: options.file },
    fileName: path.basename(options.file),
    dryRun: options.dryRun,
    meta: { user: options.user, operation: 'import' },
    audit: { role: 'ADMIN', purpose: 'command-line import', clientAddress: 'cli', logger },
    // The start and the end of the run always show; in between, the printer keeps to its pace.
    onProgress: (line) =>
      progress.update(line, line.phase === 'running' && (line.done === 0 || line.done === line.total)),
  });
}

function printReport(report: ImportReport, options: Options): void {
  console.log(options.json ? JSON.stringify(report, null, 2) : formatReport(report, options.file));
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  if (args.length === 0 || args.includes('--help') || args.includes('-h')) {
    console.log(USAGE);
    return args.length === 0 ? 2 : 0;
  }
  let store: GraphStore | undefined;
  const peak = new PeakMemory();
  try {
    const options = parseArgs(args);
    if (!fs.existsSync(options.file)) throw new UsageError(`no such file: ${options.file}`);
    process.env.MAILLON_KUZU_MEMORY_MB = importMemoryLimitMb();
    store = await openStore(logger);
    const progress = new ProgressPrinter();
    let report: ImportReport;
    try {
      report = await importFile(store, options, progress);
    } catch (error) {
      if (!(error instanceof ImportNotRecordedError)) throw error;
      progress.finish();
      printReport(error.report, options);
      console.error(error.message);
      console.error(describePeakMemory(peak.stop()));
      return 2;
    }
    progress.finish();
    printReport(report, options);
    // Sizing a machine for the next large file starts from this figure.
    console.error(describePeakMemory(peak.stop()));
    return report.ok ? 0 : 1;
  } catch (error) {
    if (error instanceof UsageError) console.error(`${error.message}\n\n${USAGE}`);
    else if (error instanceof StoreBusyError || error instanceof ConfigError || error instanceof MaillonError) {
      console.error(error.message);
    } else console.error(error instanceof Error ? error.message : error);
    return 2;
  } finally {
    await store?.close().catch(() => undefined);
    peak.stop();
  }
}

process.exitCode = await main();
