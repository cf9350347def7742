/**
 * The bench's command line, parsed apart from run.ts so that a test can hold it
 * to what README says. `--store` defaults to kuzu: `npm run bench` keeps measuring
 * the embedded store alone, as before Neo4j had figures of its own.
 */
import { parseArgs } from 'node:util';
import type { LoadMethod } from './datasets.ts';

export const FIGURES = [
  'neighbourhood',
  'paths',
  'search',
  'search-box',
  'import',
  'throughput',
  'client',
  'load',
  'import-reads',
  'crash',
  'redflags',
] as const;
export type Figure = (typeof FIGURES)[number];

export const STORES = ['kuzu', 'neo4j', 'both'] as const;
export type StoreChoice = (typeof STORES)[number];
export type StoreKind = 'kuzu' | 'neo4j';

/** The import figure's size (issue 11) unless --sizes names others: the CLI against COPY FROM of the same rows. */
export const IMPORT_PEOPLE = 50_000;
/** With --quick and no --sizes: a first look. */
export const QUICK_IMPORT_PEOPLE = 2000;

export interface BenchArgs {
  readonly sizes: readonly number[];
  /** People in each import figure's network: --sizes when given, else IMPORT_PEOPLE (QUICK_IMPORT_PEOPLE with --quick). */
  readonly importSizes: readonly number[];
  readonly json: string | undefined;
  readonly quick: boolean;
  readonly seed: number;
  readonly only: ReadonlySet<Figure>;
  readonly load: LoadMethod | 'auto';
  readonly store: StoreChoice;
  /** The stores measured, embedded first (the table's left column). */
  readonly stores: readonly StoreKind[];
  readonly help: boolean;
}

export const BENCH_USAGE = `Usage: npm run bench -- [options]

  --sizes N,N,...   people in the generated networks (default 10000,100000,1000000); the import
                    figure runs at these sizes when given, else at ${IMPORT_PEOPLE} people
  --store S         ${STORES.join(' | ')}: which store to measure, each against its own raw baseline (default kuzu)
  --only F,F,...    figures to run: ${FIGURES.join(', ')} (default all; --figures is the same)
  --quick           fewer samples and a smaller import, for a first look
  --seed N          seed of the generated networks and of the drawn persons (default 7)
  --load M          how the embedded store is loaded: auto | cli | copy (default auto)
  --json FILE       also write every figure as JSON
  --help            print this and exit

Every figure is printed with its aim and whether it was met. A requirement that is breached\n(a 5xx or DB_UNAVAILABLE under load, no recovery after a crash) makes the command exit 1.`;

export function storesOf(choice: StoreChoice): StoreKind[] {
  return choice === 'both' ? ['kuzu', 'neo4j'] : [choice];
}

export function parseBenchArgs(args: readonly string[]): BenchArgs {
  const { values } = parseArgs({
    args: [...args],
    options: {
      sizes: { type: 'string' },
      json: { type: 'string' },
      quick: { type: 'boolean', default: false },
      seed: { type: 'string', default: '7' },
      only: { type: 'string' },
      figures: { type: 'string' },
      load: { type: 'string', default: 'auto' },
      store: { type: 'string', default: 'kuzu' },
      help: { type: 'boolean', default: false },
    },
  });
  const sizes = (values.sizes ?? '10000,100000,1000000').split(',').map((s) => Number(s.trim()));
  if (sizes.some((n) => !Number.isInteger(n) || n < 100))
    throw new Error('--sizes takes whole numbers >= 100, e.g. 10000,100000');
  if (!['auto', 'cli', 'copy'].includes(values.load)) throw new Error('--load takes auto, cli or copy');
  if (!(STORES as readonly string[]).includes(values.store))
    throw new Error(`--store takes ${STORES.join(', ')} (got ${values.store})`);
  const figures = values.only ?? values.figures;
  const only = figures ? figures.split(',').map((s) => s.trim()) : [...FIGURES];
  for (const name of only)
    if (!(FIGURES as readonly string[]).includes(name)) throw new Error(`--only: unknown figure ${name}`);
  const seed = Number(values.seed);
  if (!Number.isInteger(seed)) throw new Error('--seed takes a whole number');
  const store = values.store as StoreChoice;
  const sorted = [...new Set(sizes)].sort((a, b) => a - b);
  return {
    sizes: sorted,
    importSizes: values.sizes !== undefined ? sorted : [values.quick ? QUICK_IMPORT_PEOPLE : IMPORT_PEOPLE],
    json: values.json,
    quick: values.quick,
    seed,
    only: new Set(only as Figure[]),
    load: values.load as LoadMethod | 'auto',
    store,
    stores: storesOf(store),
    help: values.help,
  };
}

export const STORE_NAME: Readonly<Record<StoreKind, string>> = { kuzu: 'Kùzu', neo4j: 'Neo4j' };
