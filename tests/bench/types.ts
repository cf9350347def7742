/** What every bench returns and what run.ts prints and writes with --json. */
import { percentile, round } from './stats.ts';
export interface BenchRow {
  readonly name: string;
  /** Maillon's figure. */
  readonly ours: number | null;
  /** The same measure on the baseline, in the same run. */
  readonly baseline: number | null;
  readonly unit: string;
  /** How the ratio is read, e.g. 'ours/baseline p95'. */
  readonly ratio: number | null;
  /** The aim, e.g. '<= 1.5'. */
  readonly aim: string;
  readonly met: boolean | null;
  readonly note: string;
  /** A requirement rather than a figure: when not met, the bench command fails. */
  readonly required?: boolean;
  /**
   * A figure of the embedded store alone (its crash recovery, its import path, its
   * in-process index) or of no store at all (the client): the paired table says so
   * in the other column instead of leaving a gap.
   */
  readonly scope?: 'embedded-only' | 'no-store';
}

export interface BenchOptions {
  readonly quick: boolean;
  readonly seed: number;
  /** Where datasets are cached (git-ignored). */
  readonly cacheDir: string;
}

/** Progress for long work: stderr, so that stdout carries only the table. */
export const progress = (text: string): void => void process.stderr.write(`[bench] ${text}\n`);

/** A ratio row: `met` from a comparison, null values when a side could not be measured. */
export function ratioRow(row: {
  name: string;
  ours: number | null;
  baseline: number | null;
  unit: string;
  aim: { text: string; test: (ratio: number) => boolean };
  note: string;
}): BenchRow {
  const ratio = row.ours !== null && row.baseline !== null && row.baseline !== 0 ? row.ours / row.baseline : null;
  return {
    name: row.name,
    ours: row.ours,
    baseline: row.baseline,
    unit: row.unit,
    ratio,
    aim: row.aim.text,
    met: ratio === null ? null : row.aim.test(ratio),
    note: row.note,
  };
}

export const atMost = (limit: number) => ({ text: `<= ${limit}`, test: (ratio: number) => ratio <= limit });
export const atLeast = (limit: number) => ({ text: `>= ${limit}`, test: (ratio: number) => ratio >= limit });

/** The p50 row (the aim is on p95) and the p95 row of a latency figure measured against a baseline. */
export function latencyRows(figure: {
  label: string;
  ours: readonly number[];
  baseline: readonly number[];
  p95Aim: { text: string; test: (ratio: number) => boolean };
  note: string;
  p95Note: string;
}): BenchRow[] {
  const row = (p: number, aim: { text: string; test: (ratio: number) => boolean }, note: string) =>
    ratioRow({
      name: `${figure.label}: p${p}`,
      ours: round(percentile(figure.ours, p)),
      baseline: round(percentile(figure.baseline, p)),
      unit: 'ms',
      aim,
      note,
    });
  return [row(50, { text: '(p95 is the aim)', test: () => true }, figure.note), row(95, figure.p95Aim, figure.p95Note)];
}
