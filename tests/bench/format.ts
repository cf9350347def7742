/** The bench report as text: a header (machine, datasets), a table of figures, then the notes. */
import type { BenchRow } from './types.ts';

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
  }>;
  readonly rows: readonly BenchRow[];
}

const show = (value: number | null): string =>
  value === null ? '-' : value.toLocaleString('en', { maximumFractionDigits: 2 });
const showRatio = (value: number | null): string =>
  value === null ? '-' : Math.abs(value) < 0.01 ? value.toPrecision(2) : value.toFixed(3);
const showMet = (met: boolean | null): string => (met === null ? '-' : met ? 'yes' : 'NO');

export function formatTable(report: BenchReport): string {
  const m = report.machine;
  const lines = [
    `Maillon bench ${report.quick ? '(quick) ' : ''}${report.startedAt} -> ${report.finishedAt}`,
    `Machine: ${m.cpus} cpus (${m.model}), ${m.memoryGb} GB, Node ${m.node}, ${m.platform}, load average at start ${m.loadAverage.join(' ')}`,
    `Datasets (generator, seed ${report.seed}): ` +
      (report.datasets.length === 0
        ? 'none'
        : report.datasets
            .map(
              (d) =>
                `${d.people.toLocaleString('en')} people = ${d.nodes.toLocaleString('en')} nodes / ` +
                `${d.relationships.toLocaleString('en')} relationships (${d.statements} statements, ${d.loadedBy === 'cli' ? 'imported through the CLI' : 'loaded with COPY FROM'} in ${d.loadSeconds} s, built ${d.builtAt})`,
            )
            .join('; ')),
    '',
  ];
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
