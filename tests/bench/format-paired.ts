/**
 * The bench report with one column group per store: each figure once, Maillon on
 * the embedded store against raw Kùzu beside Maillon on Neo4j against raw Neo4j,
 * each ratio against its own baseline. A figure only one side can have says so in
 * the other column ("embedded only", "no store") rather than leaving a gap; a
 * store the run did not measure reads "not run".
 */
import { STORE_NAME, type StoreKind } from './options.ts';
import type { BenchRow } from './types.ts';

/** A row as run.ts collects it: which store it measured (`none` for the client). */
export type StoreRow = BenchRow & { readonly store: StoreKind | 'none' };

const SIDES: readonly StoreKind[] = ['kuzu', 'neo4j'];

export const show = (value: number | null): string =>
  value === null ? '-' : value.toLocaleString('en', { maximumFractionDigits: 2 });
export const showRatio = (value: number | null): string =>
  value === null ? '-' : Math.abs(value) < 0.01 ? value.toPrecision(2) : value.toFixed(3);
export const showMet = (met: boolean | null): string => (met === null ? '-' : met ? 'yes' : 'NO');

interface Figure {
  readonly name: string;
  readonly unit: string;
  readonly bySide: Partial<Record<StoreKind | 'none', StoreRow>>;
}

/** Figures in the order they were first measured, each with its row per store. */
export function pairFigures(rows: readonly StoreRow[]): Figure[] {
  const figures = new Map<string, { name: string; unit: string; bySide: Figure['bySide'] }>();
  for (const row of rows) {
    const figure = figures.get(row.name) ?? { name: row.name, unit: row.unit, bySide: {} };
    figure.bySide[row.store] = row;
    figures.set(row.name, figure);
  }
  return [...figures.values()];
}

/** The four cells of one store's side: ours, raw, ratio, aim and met. */
function sideCells(figure: Figure, side: StoreKind, measured: readonly StoreKind[]): string[] {
  const row = figure.bySide[side] ?? (side === 'kuzu' ? figure.bySide.none : undefined);
  if (row) return [show(row.ours), show(row.baseline), showRatio(row.ratio), `${row.aim} ${showMet(row.met)}`];
  const other = SIDES.map((s) => figure.bySide[s]).find((r) => r !== undefined);
  const why =
    figure.bySide.none !== undefined
      ? 'no store (client)'
      : other?.scope === 'embedded-only'
        ? 'embedded only'
        : measured.includes(side)
          ? 'not measured'
          : 'not run';
  return [why, '', '', ''];
}

export function formatPairedRows(rows: readonly StoreRow[], measured: readonly StoreKind[]): string[] {
  const figures = pairFigures(rows);
  const sideHeader = (side: StoreKind) => {
    const name = STORE_NAME[side];
    return [`${name}: ours`, `raw ${name}`, 'ratio', 'aim met'];
  };
  const header = ['#', 'figure', 'unit', ...sideHeader('kuzu'), ...sideHeader('neo4j')];
  const cells = figures.map((figure, index) => [
    String(index + 1),
    figure.name,
    figure.unit,
    ...sideCells(figure, 'kuzu', measured),
    ...sideCells(figure, 'neo4j', measured),
  ]);
  const widths = header.map((h, column) => Math.max(h.length, ...cells.map((c) => (c[column] ?? '').length)));
  const line = (values: string[]) => `| ${values.map((v, i) => v.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  const lines = [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...cells.map(line), '', 'Notes:'];
  figures.forEach((figure, index) => {
    for (const store of [...SIDES, 'none'] as const) {
      const note = figure.bySide[store]?.note;
      if (note) lines.push(`  ${index + 1}. ${store === 'none' ? '' : `[${STORE_NAME[store]}] `}${note}`);
    }
  });
  return lines;
}
