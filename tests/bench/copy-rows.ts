/**
 * The generator's rows as CSV files for Kùzu's `COPY FROM`: one file per node label
 * and one per (relationship type, start label, end label), with every column of the
 * store's model-derived table in table order (absent values empty, i.e. NULL). The
 * raw baseline of the import bench loads exactly the rows the Cypher file creates.
 */
import fs from 'node:fs';
import path from 'node:path';
import { labelOfId, type Props, type Value } from '../../server/src/generator/CypherWriter.ts';
import type { WriteListener } from '../../server/src/generator/index.ts';
import type { NodeLabel, RelType } from '../../server/src/model/index.ts';
import { schemaTables } from '../../server/src/store/kuzu/ddl.ts';
import type { RawKuzu } from './raw-kuzu.ts';

export interface CopyFile {
  readonly table: string;
  readonly file: string;
  /** For relationship tables with several (FROM, TO) pairs. */
  readonly from?: string;
  readonly to?: string;
  readonly rows: number;
}

const csvText = (text: string): string => `"${text.replace(/"/g, '""')}"`;

function csvValue(value: Value | undefined): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return csvText(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  // Kùzu reads a list cell as [a,b] and keeps any quotes around an element as part of it (quoted
  // elements loaded as 'doc-synthetic' with the quotes), so elements go bare, and one that a bare
  // list cannot hold is refused rather than loaded split.
  const unsafe = value.find((element) => /[,[\]{}]/.test(element) || element.trim() !== element);
  if (unsafe !== undefined) throw new Error(`a CSV list cell cannot hold ${JSON.stringify(unsafe)} for COPY FROM`);
  return csvText(`[${value.join(',')}]`);
}

/** Collects the generator's rows (as its WriteListener) and writes them as CSV files. */
export class CopyRowCollector implements WriteListener {
  private readonly columnsOf = new Map(schemaTables().map((table) => [table.name, table.columns.map(([n]) => n)]));
  private readonly nodeLines = new Map<string, string[]>();
  private readonly relLines = new Map<string, { type: string; from: string; to: string; lines: string[] }>();

  node(label: NodeLabel, props: Props): void {
    const lines = this.nodeLines.get(label) ?? [];
    lines.push(this.cells(label, props).join(','));
    this.nodeLines.set(label, lines);
  }

  rel(type: RelType, from: string, to: string, props: Props): void {
    const key = `${type}-${labelOfId(from)}-${labelOfId(to)}`;
    const entry = this.relLines.get(key) ?? { type, from: labelOfId(from), to: labelOfId(to), lines: [] };
    entry.lines.push([csvText(from), csvText(to), ...this.cells(type, props)].join(','));
    this.relLines.set(key, entry);
  }

  /** Writes one file per table (and endpoint pair) into `dir`, listed in a valid load order (nodes first). */
  write(dir: string): CopyFile[] {
    fs.mkdirSync(dir, { recursive: true });
    const files: CopyFile[] = [];
    for (const [label, lines] of this.nodeLines) {
      const file = path.join(dir, `node-${label}.csv`);
      fs.writeFileSync(file, lines.join('\n') + '\n');
      files.push({ table: label, file, rows: lines.length });
    }
    for (const [key, entry] of this.relLines) {
      const file = path.join(dir, `rel-${key}.csv`);
      fs.writeFileSync(file, entry.lines.join('\n') + '\n');
      files.push({ table: entry.type, file, from: entry.from, to: entry.to, rows: entry.lines.length });
    }
    return files;
  }

  /** Every column of the table in table order; the adapter's hidden search columns stay empty. */
  private cells(table: string, props: Props): string[] {
    return (this.columnsOf.get(table) ?? []).map((column) => csvValue(props[column]));
  }
}

/** The COPY statement for one file (file paths come from this module, never from a user). */
export function copyStatement(file: CopyFile): string {
  const options = ['HEADER=false', ...(file.from ? [`from='${file.from}'`, `to='${file.to ?? ''}'`] : [])];
  return `COPY \`${file.table}\` FROM '${file.file.replace(/'/g, "\\'")}' (${options.join(', ')})`;
}

/**
 * Creates the store's tables in an empty database and runs COPY FROM for every
 * file, in order; resolves with the milliseconds spent in the COPY statements alone.
 */
export async function copyIntoEmpty(
  kuzu: RawKuzu,
  files: readonly CopyFile[],
  onCopied: (file: CopyFile, index: number) => void = () => undefined,
): Promise<number> {
  for (const table of schemaTables()) await kuzu.query(table.create);
  let copyMs = 0;
  for (const [index, file] of files.entries()) {
    const started = performance.now();
    await kuzu.query(copyStatement(file));
    copyMs += performance.now() - started;
    onCopied(file, index);
  }
  return copyMs;
}
