/**
 * The bench report as text: a header (machine, stores, datasets), a table of
 * figures, then the notes. On the embedded store alone (the default) the table
 * has one store's columns; with Neo4j it pairs the stores (format-paired.ts).
 */
import { formatPairedRows, show, showMet, showRatio, type StoreRow } from './format-paired.ts';
import { STORE_NAME, type StoreKind } from './options.ts';

export interface BenchReport {
  readonly machine: {
    cpus: number;
    model: string;
    memoryGb: number;
    node: string;
    platform: string;
    loadAverage: number[];
  };
  readonly sizes: readonly number[];
  readonly seed: number;
  readonly quick: boolean;
  /** The stores measured, embedded first. */
  readonly stores: readonly StoreKind[];
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly datasets: ReadonlyArray<{
    people: number;
    nodes: number;
    relationships: number;
    statements: number;
    loadedBy: string;
    loadSeconds: number;
    builtAt: string;
    /** A network other than the generator's (the hub network), by name. */
    network?: string;
    /** The same rows loaded into Neo4j, when Neo4j was measured. */
    neo4j?: { loadSeconds: number; cached: boolean };
  }>;
  readonly rows: readonly StoreRow[];
}

function datasetLine(d: BenchReport['datasets'][number]): string {
  const neo4j = d.neo4j
    ? `; on Neo4j loaded through the driver in ${d.neo4j.loadSeconds} s${d.neo4j.cached ? ' (cached store)' : ''}`
    : '';
  return (
    (d.network ? `${d.network}: ` : '') +
    `${d.people.toLocaleString('en')} people = ${d.nodes.toLocaleString('en')} nodes / ` +
    `${d.relationships.toLocaleString('en')} relationships (${d.network ? '' : `${d.statements} statements, `}${d.loadedBy === 'cli' ? 'imported through the CLI' : 'loaded with COPY FROM'} in ${d.loadSeconds} s, built ${d.builtAt}${neo4j})`
  );
}

export function formatTable(report: BenchReport): string {
  const m = report.machine;
  const lines = [
    `Maillon bench ${report.quick ? '(quick) ' : ''}${report.startedAt} -> ${report.finishedAt}`,
    `Machine: ${m.cpus} cpus (${m.model}), ${m.memoryGb} GB, Node ${m.node}, ${m.platform}, load average at start ${m.loadAverage.join(' ')}`,
    `Stores: ${report.stores.map((s) => STORE_NAME[s]).join(' and ')}` +
      (report.stores.includes('neo4j') ? ', each against its own raw baseline' : ' (--store neo4j or both adds Neo4j)'),
    `Datasets (generator, seed ${report.seed}): ` +
      (report.datasets.length === 0 ? 'none' : report.datasets.map(datasetLine).join('; ')),
    '',
  ];
  if (report.stores.includes('neo4j'))
    return [...lines, ...formatPairedRows(report.rows, report.stores)].join('\n') + '\n';
  const header = ['#', 'figure', 'ours', 'baseline', 'unit', 'ratio', 'aim', 'met'];
  const cells = report.rows.map((row, index) => [
    String(index + 1),
    row.name,
    show(row.ours),
    show(row.baseline),
    row.unit,
    showRatio(row.ratio),
    row.aim,
    showMet(row.met),
  ]);
  const widths = header.map((h, column) => Math.max(h.length, ...cells.map((c) => (c[column] ?? '').length)));
  const line = (values: string[]) => `| ${values.map((v, i) => v.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  lines.push(line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...cells.map(line), '', 'Notes:');
  report.rows.forEach((row, index) => {
    if (row.note) lines.push(`  ${index + 1}. ${row.note}`);
  });
  return lines.join('\n') + '\n';
}
