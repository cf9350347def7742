/**
 * npm run bench [-- --sizes 10000,100000,1000000 --json out.json --quick --seed 7 --only neighbourhood,paths --load auto|cli|copy]
 *
 * Prints the machine, the dataset sizes, then one row per figure: our number, the
 * baseline measured in the same run, the ratio, the aim and whether it is met.
 * Datasets come from the generator and are loaded through the import CLI once,
 * then cached under .tmp/bench/. Progress goes to stderr, the table to stdout.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { benchClient } from './client.bench.ts';
import { crashBench } from './crash.bench.ts';
import { ensureDataset, ROOT, type Dataset, type LoadMethod } from './datasets.ts';
import { benchImport } from './import.bench.ts';
import { loadBench } from './load.bench.ts';
import { neighbourhoodBench } from './neighbourhood.bench.ts';
import { pathsBench } from './paths.bench.ts';
import { searchBench } from './search.bench.ts';
import { openRawKuzu } from './raw-kuzu.ts';
import { startBenchServer, type BenchServer } from './server-process.ts';
import { throughputBench } from './throughput.bench.ts';
import { progress, type BenchRow } from './types.ts';
import { formatTable } from './format.ts';

const FIGURES = ['neighbourhood', 'paths', 'search', 'import', 'throughput', 'client', 'load', 'crash'] as const;
type Figure = (typeof FIGURES)[number];
/** The import figure's size (issue 11): the CLI against COPY FROM of the same rows. */
const IMPORT_PEOPLE = 50_000;

interface PhasedBench {
  raw(kuzu: Awaited<ReturnType<typeof openRawKuzu>>): Promise<void>;
  server(server: BenchServer): Promise<BenchRow[]>;
}

function options() {
  const { values } = parseArgs({
    options: {
      sizes: { type: 'string', default: '10000,100000,1000000' },
      json: { type: 'string' },
      quick: { type: 'boolean', default: false },
      seed: { type: 'string', default: '7' },
      only: { type: 'string' },
      load: { type: 'string', default: 'auto' },
    },
  });
  const sizes = values.sizes.split(',').map((s) => Number(s.trim()));
  if (sizes.some((n) => !Number.isInteger(n) || n < 100))
    throw new Error('--sizes takes whole numbers >= 100, e.g. 10000,100000');
  if (!['auto', 'cli', 'copy'].includes(values.load)) throw new Error('--load takes auto, cli or copy');
  const only = values.only ? values.only.split(',') : [...FIGURES];
  for (const name of only)
    if (!(FIGURES as readonly string[]).includes(name)) throw new Error(`--only: unknown figure ${name}`);
  return {
    sizes: [...new Set(sizes)].sort((a, b) => a - b),
    json: values.json,
    quick: values.quick,
    seed: Number(values.seed),
    only: new Set(only as Figure[]),
    load: values.load as LoadMethod | 'auto',
  };
}

function machine() {
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    model: cpus[0]?.model ?? 'unknown',
    memoryGb: Number((os.totalmem() / 1024 ** 3).toFixed(1)),
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    loadAverage: os.loadavg().map((n) => Number(n.toFixed(2))),
  };
}

/** Raw phases first (read-only Kùzu), then one server on the same data: a store has one owner at a time. */
async function benchDataset(dataset: Dataset, benches: readonly PhasedBench[]): Promise<BenchRow[]> {
  // Variable-length matches over 1 M nodes need more than the default 1 GB buffer pool.
  const kuzu = openRawKuzu({ dataDir: dataset.dataDir, bufferPoolMb: 4096 });
  try {
    for (const bench of benches) await bench.raw(kuzu);
  } finally {
    await kuzu.close();
  }
  progress(`starting the server on ${dataset.people.toLocaleString('en')} people`);
  const server = await startBenchServer({ dataDir: dataset.dataDir });
  const rows: BenchRow[] = [];
  try {
    for (const bench of benches) rows.push(...(await bench.server(server)));
  } finally {
    await server.stop();
  }
  return rows;
}

async function main(): Promise<void> {
  const opts = options();
  const cacheDir = path.join(ROOT, '.tmp', 'bench');
  const largest = opts.sizes[opts.sizes.length - 1] ?? 10_000;
  const importPeople = opts.quick ? 2000 : IMPORT_PEOPLE;
  const started = new Date();
  const header = {
    machine: machine(),
    sizes: opts.sizes,
    seed: opts.seed,
    quick: opts.quick,
    startedAt: started.toISOString(),
  };
  progress(`machine: ${JSON.stringify(header.machine)}`);

  const rows: BenchRow[] = [];
  const datasets: Dataset[] = [];
  const needsData = ['neighbourhood', 'paths', 'search', 'throughput', 'load', 'crash'].some((f) =>
    opts.only.has(f as Figure),
  );
  for (const people of needsData ? opts.sizes : []) {
    const dataset = await ensureDataset({ people, seed: opts.seed, cacheDir, load: opts.load });
    datasets.push(dataset);
    const benches: PhasedBench[] = [];
    const input = { quick: opts.quick, seed: opts.seed, people };
    if (opts.only.has('neighbourhood')) benches.push(neighbourhoodBench(input));
    if (opts.only.has('paths')) benches.push(pathsBench(input));
    if (opts.only.has('search')) benches.push(searchBench(input));
    if (people === largest && opts.only.has('throughput')) benches.push(throughputBench(input));
    if (people === largest && opts.only.has('load')) benches.push(loadBench(input));
    // Last on the dataset: it kills the store process under the server.
    if (people === largest && opts.only.has('crash')) benches.push(crashBench(input));
    rows.push(...(await benchDataset(dataset, benches)));
  }
  if (opts.only.has('import')) rows.push(...(await benchImport({ people: importPeople, seed: opts.seed })));
  if (opts.only.has('client')) rows.push(...(await benchClient({ quick: opts.quick })));

  const report = {
    ...header,
    finishedAt: new Date().toISOString(),
    datasets: datasets.map((d) => ({
      people: d.people,
      nodes: d.nodes,
      relationships: d.relationships,
      statements: d.statements,
      loadedBy: d.loadedBy ?? 'cli',
      loadSeconds: Number(d.importSeconds.toFixed(1)),
      builtAt: d.builtAt,
    })),
    rows,
  };
  process.stdout.write(formatTable(report));
  // Zero 5xx under load and recovery after a store crash are requirements, not figures: a breach fails the command.
  const breached = rows.filter((row) => (row.aim === '= 0' || row.required === true) && row.met === false);
  if (breached.length > 0) {
    process.stdout.write(`\nFAILED: ${breached.map((row) => `${row.name} = ${row.ours}`).join('; ')}\n`);
    process.exitCode = 1;
  }
  if (opts.json) {
    fs.writeFileSync(opts.json, JSON.stringify(report, null, 2) + '\n');
    process.stdout.write(`\nWrote ${opts.json}\n`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
