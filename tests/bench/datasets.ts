/**
 * Benchmark datasets: the generator's network for (people, seed) as a Cypher file,
 * the same rows as CSV for COPY FROM, and an embedded store loaded either through
 * the import CLI (as a user would) or, for sizes the CLI would take hours over,
 * with COPY FROM and then finished by the store itself (relationship ids, search
 * text) so that the server sees what an import would have left. Built datasets
 * are cached under .tmp/bench/ (git-ignored), keyed by size, seed and a
 * fingerprint of the generator and model sources, so reruns skip the load.
 */
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { generateNetwork } from '../../server/src/generator/index.ts';
import { createLogger } from '../../server/src/logger.ts';
import { KuzuStore } from '../../server/src/store/kuzu/KuzuStore.ts';
import { CopyRowCollector, copyIntoEmpty, type CopyFile } from './copy-rows.ts';
import { openRawKuzu } from './raw-kuzu.ts';
import { treeRssBytes } from './server-process.ts';
import { progress } from './types.ts';

/** How a dataset's store was filled. */
export type LoadMethod = 'cli' | 'copy';

/** Up to this many people `auto` loads through the CLI; above, with COPY FROM. */
export const CLI_LOAD_MAX_PEOPLE = 10_000;

export const ROOT = path.resolve(import.meta.dirname, '../..');

export interface Dataset {
  readonly people: number;
  readonly seed: number;
  readonly dir: string;
  readonly cypherFile: string;
  /** MAILLON_DATA_DIR of the store the CLI loaded (holds `kuzu/`). */
  readonly dataDir: string;
  readonly copyFiles: readonly CopyFile[];
  readonly nodes: number;
  readonly relationships: number;
  readonly statements: number;
  /** Wall-clock seconds of the load: `npm run import` from process start to exit, or COPY plus finishing. */
  readonly importSeconds: number;
  /** Absent in datasets cached before COPY loading existed: those came through the CLI. */
  readonly loadedBy?: LoadMethod;
  readonly builtAt: string;
}

/** Changes to the generator or the model make a new dataset. */
function fingerprint(): string {
  const hash = crypto.createHash('sha1');
  for (const dir of ['server/src/generator', 'server/src/model']) {
    for (const file of fs.readdirSync(path.join(ROOT, dir)).sort()) {
      if (file.endsWith('.ts') && !file.endsWith('.test.ts')) hash.update(fs.readFileSync(path.join(ROOT, dir, file)));
    }
  }
  return hash.digest('hex').slice(0, 10);
}

/** Writes the Cypher file and, from the same pass, the CSV files. */
export function writeNetwork(options: { people: number; seed: number; dir: string }) {
  fs.mkdirSync(options.dir, { recursive: true });
  const cypherFile = path.join(options.dir, 'network.cypher');
  const fd = fs.openSync(cypherFile, 'w');
  let pending: string[] = [];
  let pendingChars = 0;
  let statements = 0;
  const flush = () => {
    fs.writeSync(fd, pending.join(''));
    pending = [];
    pendingChars = 0;
  };
  const rows = new CopyRowCollector();
  const result = generateNetwork({
    people: options.people,
    seed: options.seed,
    listener: rows,
    sink: (text) => {
      if (!text.startsWith('//')) statements++;
      pending.push(text);
      pendingChars += text.length;
      if (pendingChars > 1 << 20) flush();
    },
  });
  flush();
  fs.closeSync(fd);
  const copyFiles = rows.write(path.join(options.dir, 'csv'));
  return { cypherFile, copyFiles, nodes: result.nodes, relationships: result.relationships, statements };
}

export interface CliRun {
  /** Wall clock from process start to exit. */
  readonly seconds: number;
  /** Highest resident memory of the CLI and its children together (sampled every 100 ms), MB. */
  readonly peakMb: number;
  /**
   * The CLI's own last line on memory, each process's peak (VmHWM) apart: "this process 573 MB,
   * database processes 3.3 GB". Which side grows with the file is what sizes a machine.
   */
  readonly peakSplit: string | undefined;
}

/** The parenthesis of the CLI's `peak memory 3.9 GB (this process 573 MB, database processes 3.3 GB)`. */
const peakSplitOf = (output: string): string | undefined => /^peak memory [^(]*\(([^)]*)\)/m.exec(output)?.[1];

/** Runs the import CLI as a user would. Progress lines go to stderr. */
export function importWithCli(options: { cypherFile: string; dataDir: string; dryRun?: boolean }): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const args = [
      '--import',
      'tsx',
      'server/src/cli/import.ts',
      options.cypherFile,
      ...(options.dryRun ? ['--dry-run'] : []),
    ];
    const child = spawn(process.execPath, args, {
      cwd: ROOT,
      env: {
        ...process.env,
        MAILLON_DATA_DIR: options.dataDir,
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let lastShown = 0;
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => {
      const text = chunk.toString();
      output += text;
      const line = text.trim().split('\n').pop() ?? '';
      if (line.startsWith('running') && Date.now() - lastShown > 10_000) {
        lastShown = Date.now();
        progress(`  import: ${line}`);
      }
    });
    let peak = 0;
    const sampler = setInterval(() => {
      if (child.pid !== undefined) peak = Math.max(peak, treeRssBytes(child.pid));
    }, 100);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearInterval(sampler);
      const seconds = (performance.now() - started) / 1000;
      if (code === 0) resolve({ seconds, peakMb: Math.round(peak / 2 ** 20), peakSplit: peakSplitOf(output) });
      else reject(new Error(`npm run import exited with ${code}: ${output.slice(-2000)}`));
    });
  });
}

/**
 * COPY FROM of every CSV file into empty tables, then an empty import through the
 * store, which gives relationships their ids and folds names into the search
 * column exactly as a real import's last step does. Resolves with wall-clock seconds.
 */
export async function loadWithCopy(options: { copyFiles: readonly CopyFile[]; dataDir: string }): Promise<number> {
  const started = performance.now();
  const kuzu = openRawKuzu({ dataDir: options.dataDir, readOnly: false });
  try {
    await copyIntoEmpty(kuzu, options.copyFiles, (file, index) =>
      progress(
        `  COPY ${index + 1}/${options.copyFiles.length}: ${file.table} (${file.rows.toLocaleString('en')} rows)`,
      ),
    );
  } finally {
    await kuzu.close();
  }
  // The store's own log lines would interleave with the bench's progress lines.
  const store = new KuzuStore({
    dataDir: options.dataDir,
    logger: createLogger('bench-load').child({}, { level: 'warn' }),
  });
  try {
    await store.ensureSchema();
    await store.runImport([], { dryRun: false, meta: { user: 'bench', operation: 'loadWithCopy', requestId: '-' } });
  } finally {
    await store.close();
  }
  return (performance.now() - started) / 1000;
}

/** `auto`: the CLI up to CLI_LOAD_MAX_PEOPLE, COPY above. */
export function loadMethodFor(people: number, requested: LoadMethod | 'auto'): LoadMethod {
  if (requested !== 'auto') return requested;
  return people <= CLI_LOAD_MAX_PEOPLE ? 'cli' : 'copy';
}

/** The dataset for (people, seed), built (generate, then load) unless cached. */
export async function ensureDataset(options: {
  people: number;
  seed: number;
  cacheDir: string;
  load: LoadMethod | 'auto';
}): Promise<Dataset> {
  const loadedBy = loadMethodFor(options.people, options.load);
  // v2: list elements were loaded with their quotes before; such a cache is built again.
  const suffix = loadedBy === 'copy' ? '-copy-v2' : '';
  const dir = path.join(options.cacheDir, `people-${options.people}-seed-${options.seed}-${fingerprint()}${suffix}`);
  const metaFile = path.join(dir, 'dataset.json');
  if (fs.existsSync(metaFile)) {
    progress(`dataset ${options.people.toLocaleString('en')} people: cached in ${path.relative(ROOT, dir)}`);
    return JSON.parse(fs.readFileSync(metaFile, 'utf8')) as Dataset;
  }
  fs.rmSync(dir, { recursive: true, force: true });
  progress(`dataset ${options.people.toLocaleString('en')} people: generating`);
  const network = writeNetwork({ people: options.people, seed: options.seed, dir });
  progress(
    `dataset ${options.people.toLocaleString('en')} people: ${network.nodes.toLocaleString('en')} nodes, ` +
      `${network.relationships.toLocaleString('en')} relationships, ${network.statements} statements; ` +
      (loadedBy === 'cli' ? 'importing through the CLI' : 'loading with COPY FROM'),
  );
  const dataDir = path.join(dir, 'data');
  let importSeconds: number;
  try {
    importSeconds =
      loadedBy === 'cli'
        ? (await importWithCli({ cypherFile: network.cypherFile, dataDir })).seconds
        : await loadWithCopy({ copyFiles: network.copyFiles, dataDir });
  } catch (error) {
    if (loadedBy === 'copy') throw error;
    // Reported, then tried once more on an empty store: one failed build should not cost the whole run.
    progress(
      `import failed, trying once more: ${error instanceof Error ? error.message.slice(0, 500) : String(error)}`,
    );
    fs.rmSync(dataDir, { recursive: true, force: true });
    importSeconds = (await importWithCli({ cypherFile: network.cypherFile, dataDir })).seconds;
  }
  progress(`dataset ${options.people.toLocaleString('en')} people: loaded in ${importSeconds.toFixed(1)} s`);
  const dataset: Dataset = {
    people: options.people,
    seed: options.seed,
    dir,
    dataDir,
    ...network,
    importSeconds,
    loadedBy,
    builtAt: new Date().toISOString(),
  };
  fs.writeFileSync(metaFile, JSON.stringify(dataset, null, 2));
  return dataset;
}
