/**
 * The bench's choice of store and its paired table (tests/bench/): `--store`
 * keeps `npm run bench` on the embedded store, the embedded server never sees a
 * NEO4J_* variable (it would start on Neo4j), and the paired table puts every
 * figure once with each store's number against its own baseline, naming why a
 * side is empty.
 */
import { describe, expect, it } from 'vitest';
import { formatPairedRows, type StoreRow } from '../bench/format-paired.ts';
import { BENCH_USAGE, FIGURES, parseBenchArgs, STORES } from '../bench/options.ts';
import { serverEnv } from '../bench/server-process.ts';

describe('bench --store', () => {
  it('defaults to the embedded store alone', () => {
    const args = parseBenchArgs([]);
    expect(args.store).toBe('kuzu');
    expect(args.stores).toEqual(['kuzu']);
  });

  it('measures Neo4j alone or both stores, embedded first', () => {
    expect(parseBenchArgs(['--store', 'neo4j']).stores).toEqual(['neo4j']);
    expect(parseBenchArgs(['--store', 'both', '--sizes', '100000,10000']).stores).toEqual(['kuzu', 'neo4j']);
    expect(parseBenchArgs(['--store', 'both', '--sizes', '100000,10000']).sizes).toEqual([10_000, 100_000]);
  });

  // `npm run bench -- --help` answered "Unknown option '--help'" with a stack trace.
  it('answers --help with a usage naming every figure and store', () => {
    expect(parseBenchArgs(['--help']).help).toBe(true);
    expect(parseBenchArgs([]).help).toBe(false);
    for (const name of [...FIGURES, ...STORES]) expect(BENCH_USAGE).toContain(name);
  });

  it('refuses a store it does not know, naming the choices', () => {
    expect(() => parseBenchArgs(['--store', 'postgres'])).toThrow('--store takes kuzu, neo4j, both (got postgres)');
    expect(() => parseBenchArgs(['--only', 'neighbourhood,bogus'])).toThrow('--only: unknown figure bogus');
  });
});

// Issue 11: the import figure ran at 50,000 people whatever --sizes said, so a million could not be measured.
describe('bench import figure sizes', () => {
  it('runs at 50,000 people unless --sizes names others, and --figures is --only', () => {
    expect(parseBenchArgs([]).importSizes).toEqual([50_000]);
    expect(parseBenchArgs(['--quick']).importSizes).toEqual([2000]);
    const million = parseBenchArgs(['--figures', 'import', '--sizes', '1000000']);
    expect(million.importSizes).toEqual([1_000_000]);
    expect([...million.only]).toEqual(['import']);
  });
});

describe('the bench server environment', () => {
  const base = { PATH: '/bin', NEO4J_URI: 'bolt://elsewhere:7687', NEO4J_PASSWORD: 'secret', NEO4J_DATABASE: 'x' };

  it('gives the embedded server no NEO4J_* variable, so it starts on Kùzu', () => {
    const env = serverEnv({ kind: 'kuzu', dataDir: '/data/src' }, '/tmp/copy', base);
    expect(Object.keys(env).filter((name) => name.startsWith('NEO4J_'))).toEqual([]);
    expect(env).toMatchObject({ PATH: '/bin', MAILLON_DATA_DIR: '/tmp/copy' });
  });

  it('points the Neo4j server at the bench Neo4j, not at the environment one', () => {
    const settings = { uri: 'bolt://127.0.0.1:7999', user: 'neo4j', password: 'bench' };
    const env = serverEnv({ kind: 'neo4j', settings, pid: 42 }, '/tmp/scratch', base);
    expect(env).toMatchObject({ NEO4J_URI: settings.uri, NEO4J_USER: 'neo4j', NEO4J_PASSWORD: 'bench' });
    expect(env.NEO4J_DATABASE).toBeUndefined();
  });
});

describe('the paired table', () => {
  const row = (store: StoreRow['store'], name: string, ours: number, extra: Partial<StoreRow> = {}): StoreRow => ({
    store,
    name,
    ours,
    baseline: ours / 2,
    unit: 'ms',
    ratio: 2,
    aim: '<= 1.5',
    met: false,
    note: `${store} note for ${name}`,
    ...extra,
  });
  const cellsOf = (lines: string[], figure: string): string[] =>
    (lines.find((l) => l.includes(` ${figure} `)) ?? '')
      .split('|')
      .slice(1, -1)
      .map((c) => c.trim());

  it('puts each figure once, each store against its own baseline', () => {
    const lines = formatPairedRows(
      [row('kuzu', 'neighbourhood p95', 12), row('neo4j', 'neighbourhood p95', 30)],
      ['kuzu', 'neo4j'],
    );
    expect(lines[0]).toMatch(/figure .*Kùzu: ours .*raw Kùzu .*ratio .*Neo4j: ours .*raw Neo4j .*ratio/);
    expect(lines.filter((l) => l.startsWith('|') && l.includes('neighbourhood p95'))).toHaveLength(1);
    expect(cellsOf(lines, 'neighbourhood p95')).toEqual([
      '1',
      'neighbourhood p95',
      'ms',
      '12',
      '6',
      '2.000',
      '<= 1.5 NO',
      '30',
      '15',
      '2.000',
      '<= 1.5 NO',
    ]);
    expect(lines).toContain('  1. [Kùzu] kuzu note for neighbourhood p95');
    expect(lines).toContain('  1. [Neo4j] neo4j note for neighbourhood p95');
  });

  it('says "embedded only", "no store" or "not run" instead of leaving a side empty', () => {
    const lines = formatPairedRows(
      [
        row('kuzu', 'crash recovery', 900, { scope: 'embedded-only' }),
        row('none', 'fcose layout', 700, { scope: 'no-store' }),
        row('kuzu', 'paths p95', 4),
      ],
      ['kuzu'],
    );
    expect(cellsOf(lines, 'crash recovery')[7]).toBe('embedded only');
    expect(cellsOf(lines, 'fcose layout')[3]).toBe('700');
    expect(cellsOf(lines, 'fcose layout')[7]).toBe('no store (client)');
    expect(cellsOf(lines, 'paths p95')[7]).toBe('not run');
  });
});
