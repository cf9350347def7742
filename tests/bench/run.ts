/**
 * npm run bench [-- --sizes 10000,100000,1000000 --json out.json --quick --seed 7 --only neighbourhood,paths
 *                  --load auto|cli|copy --store kuzu|neo4j|both]
 *
 * Prints the machine, the stores, the dataset sizes, then one row per figure: our
 * number, the baseline measured in the same run, the ratio, the aim and whether it
 * is met; with Neo4j, each figure on both stores side by side, each store against
 * its own raw baseline (format-paired.ts), on the same generated rows.
 * Datasets come from the generator and are loaded through the import CLI once,
 * then cached under .tmp/bench/. Progress goes to stderr, the table to stdout.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { benchClient } from './client.bench.ts';
import { crashBench } from './crash.bench.ts';
import { ensureDataset, ROOT, type Dataset } from './datasets.ts';
import { formatTable, type BenchReport } from './format.ts';
import type { StoreRow } from './format-paired.ts';
import { benchImport } from './import.bench.ts';
import { importReadsBench } from './import-reads.bench.ts';
import { ensureHubDataset, HUB_SHAPE, hubIds } from './hub-network.ts';
import { loadBench } from './load.bench.ts';
import { neighbourhoodBench } from './neighbourhood.bench.ts';
import { neo4jForDataset } from './neo4j-dataset.ts';
import { BENCH_USAGE, parseBenchArgs, STORE_NAME, type BenchArgs, type Figure, type StoreKind } from './options.ts';
import { pathsBench } from './paths.bench.ts';
import { openRawKuzu } from './raw-kuzu.ts';
import { openRawNeo4j } from './raw-neo4j.ts';
import { rawStoreOfKuzu, type RawStore } from './raw-store.ts';
import { redFlagsBench } from './redflags.bench.ts';
import { searchBench } from './search.bench.ts';
import { searchBoxBench } from './search-box.bench.ts';
import { startBenchServer, type BenchServer, type BenchStore } from './server-process.ts';
import { throughputBench } from './throughput.bench.ts';
import { progress, type BenchRow } from './types.ts';

interface PhasedBench {
  readonly figure: Figure;
  raw(store: RawStore): Promise<void>;
  server(server: BenchServer): Promise<BenchRow[]>;
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

/** Raw phases first, then one server on the same data: an embedded store has one owner at a time. */
async function measure(
  options: { dataset: Dataset; benches: readonly PhasedBench[]; store: BenchStore },
  raw: RawStore,
): Promise<BenchRow[]> {
  try {
    for (const bench of options.benches) await bench.raw(raw);
  } finally {
    await raw.close();
  }
  progress(
    `starting the server on ${options.dataset.people.toLocaleString('en')} people, ${STORE_NAME[options.store.kind]}`,
  );
  const server = await startBenchServer(options.store);
  const rows: BenchRow[] = [];
  try {
    for (const bench of options.benches) {
      try {
        rows.push(...(await bench.server(server)));
      } catch (error) {
        // One figure that cannot be measured should not cost the table of the whole run.
        rows.push(failedRow(bench.figure, options.dataset.people, error));
      }
    }
  } finally {
    await server.stop();
  }
  return rows;
}

/** The benches of one dataset on one store; crash recovery is the embedded store's process, so Kùzu only. */
function benchesFor(opts: BenchArgs, people: number, store: StoreKind): PhasedBench[] {
  const largest = opts.sizes[opts.sizes.length - 1] ?? 10_000;
  const input = { quick: opts.quick, seed: opts.seed, people };
  const benches: PhasedBench[] = [];
  if (opts.only.has('neighbourhood')) benches.push({ figure: 'neighbourhood', ...neighbourhoodBench(input) });
  if (opts.only.has('paths')) benches.push({ figure: 'paths', ...pathsBench(input) });
  if (opts.only.has('search')) benches.push({ figure: 'search', ...searchBench(input) });
  if (opts.only.has('redflags')) benches.push({ figure: 'redflags', ...redFlagsBench(input) });
  if (people === largest && opts.only.has('throughput'))
    benches.push({ figure: 'throughput', ...throughputBench(input) });
  if (people === largest && opts.only.has('load')) benches.push({ figure: 'load', ...loadBench(input) });
  // The explorer's search box in Chromium (issue 13: hits within 300 ms of the last key).
  if (people === largest && opts.only.has('search-box'))
    benches.push({ figure: 'search-box', ...searchBoxBench(input) });
  // Embedded only: what it pins is the embedded store's process (its queue, deadlines and audit journal).
  if (people === largest && opts.only.has('import-reads') && store === 'kuzu')
    benches.push({ figure: 'import-reads', ...importReadsBench(input) });
  // Last on the dataset: it kills the store process under the server.
  if (people === largest && opts.only.has('crash') && store === 'kuzu')
    benches.push({ figure: 'crash', ...crashBench(input) });
  return benches;
}

/** A figure that failed: shown in the table as not measured, and it fails the command (`required`). */
function failedRow(figure: string, people: number, error: unknown): BenchRow {
  const message = error instanceof Error ? error.message : String(error);
  progress(`${figure} failed: ${message}`);
  return {
    name: `${figure} (${people.toLocaleString('en')} people): FAILED`,
    ours: null,
    baseline: null,
    unit: '-',
    ratio: null,
    aim: 'measured',
    met: false,
    required: true,
    note: `not measured: ${message.slice(0, 300)}`,
  };
}

const datasetEntry = (dataset: Dataset): BenchReport['datasets'][number] => ({
  people: dataset.people,
  nodes: dataset.nodes,
  relationships: dataset.relationships,
  statements: dataset.statements,
  loadedBy: dataset.loadedBy ?? 'cli',
  loadSeconds: Number(dataset.importSeconds.toFixed(1)),
  builtAt: dataset.builtAt,
});

const onStore = (store: StoreKind | 'none', rows: readonly BenchRow[]): StoreRow[] =>
  rows.map((row) => ({ ...row, store }));

async function main(): Promise<void> {
  const opts = parseBenchArgs(process.argv.slice(2));
  if (opts.help) {
    console.log(BENCH_USAGE);
    return;
  }
  const cacheDir = path.join(ROOT, '.tmp', 'bench');
  const started = new Date();
  const header = {
    machine: machine(),
    sizes: opts.sizes,
    seed: opts.seed,
    quick: opts.quick,
    stores: opts.stores,
    startedAt: started.toISOString(),
  };
  progress(`machine: ${JSON.stringify(header.machine)}`);
  progress(`stores: ${opts.stores.map((s) => STORE_NAME[s]).join(', ')}`);

  const rows: StoreRow[] = [];
  const datasets: BenchReport['datasets'][number][] = [];
  const needsData = (
    [
      'neighbourhood',
      'paths',
      'search',
      'search-box',
      'redflags',
      'throughput',
      'load',
      'import-reads',
      'crash',
    ] as const
  ).some((f) => opts.only.has(f));
  for (const people of needsData ? opts.sizes : []) {
    const dataset = await ensureDataset({ people, seed: opts.seed, cacheDir, load: opts.load });
    let neo4jLoad: { loadSeconds: number; cached: boolean } | undefined;
    if (opts.stores.includes('kuzu')) {
      // Variable-length matches over 1 M nodes need more than the default 1 GB buffer pool.
      const raw = rawStoreOfKuzu(openRawKuzu({ dataDir: dataset.dataDir, bufferPoolMb: 4096 }));
      const store = { kind: 'kuzu', dataDir: dataset.dataDir } as const;
      rows.push(...onStore('kuzu', await measure({ dataset, benches: benchesFor(opts, people, 'kuzu'), store }, raw)));
    }
    if (opts.stores.includes('neo4j')) {
      const neo4j = await neo4jForDataset(dataset);
      neo4jLoad = { loadSeconds: Number(neo4j.load.seconds.toFixed(1)), cached: neo4j.load.cached };
      try {
        const store = { kind: 'neo4j', settings: neo4j, pid: neo4j.pid } as const;
        const benches = benchesFor(opts, people, 'neo4j');
        rows.push(...onStore('neo4j', await measure({ dataset, benches, store }, openRawNeo4j(neo4j))));
      } finally {
        await neo4j.stop();
      }
    }
    datasets.push({ ...datasetEntry(dataset), ...(neo4jLoad ? { neo4j: neo4jLoad } : {}) });
  }
  // A network the generator does not make (issue 13): hubs, 2-hop expansions only, embedded store.
  if (opts.only.has('neighbourhood') && opts.stores.includes('kuzu')) {
    const dataset = await ensureHubDataset({ seed: opts.seed, cacheDir });
    const network = { name: 'hub network', hubs: hubIds(HUB_SHAPE) };
    const benches = [
      { figure: 'neighbourhood' as const, ...neighbourhoodBench({ ...opts, people: dataset.people, network }) },
    ];
    const raw = rawStoreOfKuzu(openRawKuzu({ dataDir: dataset.dataDir }));
    rows.push(
      ...onStore('kuzu', await measure({ dataset, benches, store: { kind: 'kuzu', dataDir: dataset.dataDir } }, raw)),
    );
    datasets.push({ ...datasetEntry(dataset), network: network.name });
  }
  // The import figure is the embedded store's import path against Kùzu's COPY FROM.
  if (opts.only.has('import') && opts.stores.includes('kuzu')) {
    for (const people of opts.importSizes) {
      const imported = await benchImport({ people, seed: opts.seed });
      rows.push(
        ...onStore(
          'kuzu',
          imported.map((row) => ({ ...row, scope: 'embedded-only' as const })),
        ),
      );
    }
  }
  if (opts.only.has('client'))
    rows.push(
      ...onStore(
        'none',
        (await benchClient({ quick: opts.quick })).map((row) => ({ ...row, scope: 'no-store' as const })),
      ),
    );

  const report = {
    ...header,
    finishedAt: new Date().toISOString(),
    datasets,
    rows,
  };
  process.stdout.write(formatTable(report));
  // Zero 5xx under load and recovery after a store crash are requirements, not figures: a breach fails the command.
  const breached = rows.filter((row) => (row.aim === '= 0' || row.required === true) && row.met === false);
  if (breached.length > 0) {
    process.stdout.write(`\nFAILED: ${breached.map((row) => `${row.name} = ${row.ours} (${row.store})`).join('; ')}\n`);
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
