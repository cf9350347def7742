/**
 * Loads batched node and relationship statements with COPY FROM inside the
 * import's transaction. Measured on Kùzu 0.11.3 (2 shared cores, 50,000 people,
 * 250,000 ASSOCIATE_OF rows, inside a transaction):
 * - `UNWIND $rows MATCH (a {id: row.a}), (b {id: row.b}) CREATE ...`: 16-43 s per 1,000 rows;
 * - `COPY ... FROM (UNWIND $rows AS row RETURN ...)`: ~0.1 s per 1,000 rows, most of it
 *   the binding taking the parameter (an UNWIND alone costs the same);
 * - COPY FROM a CSV file: ~0.1 s per statement whatever its size up to 1,000 rows,
 *   ~2.5 s per 50,000 rows.
 * So rows are written to one scratch file per table as they come (memory stays
 * bounded) and copied together: every node table first, then every relationship
 * table, once per run of batches (until another kind of statement, or
 * MAX_ROWS_PER_FLUSH rows). The generator's file interleaves node and relationship
 * batches: copying at each change of table took 774 COPY statements at 50,000
 * people, this takes one per table and endpoint pair (38).
 *
 * Copying relationships after nodes that come later in the file must not change
 * what the file means: Neo4j's MATCH skips a relationship whose end does not exist
 * yet. The ids of the node rows gathered are kept with the statement that creates
 * them; a relationship row naming one created by a later statement is dropped here.
 * An end neither gathered nor in the database is skipped by COPY (IGNORE_ERRORS;
 * values were checked in bulk-rows.ts), as a MATCH finding nothing would skip it.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { BulkBatch, BulkTarget } from './bulk-rows.ts';
import { quote } from './ddl.ts';
import type { Session } from './KuzuConnection.ts';

/** Rows gathered before they are copied even if only batches follow (bounds the ids kept in memory). */
const MAX_ROWS_PER_FLUSH = 300_000;

const keyOf = (t: BulkTarget): string => `${t.table}|${t.from ?? ''}|${t.to ?? ''}`;

interface PendingTable {
  readonly target: BulkTarget;
  readonly file: string;
  fd: number;
  rows: number;
  /** Statement numbers of its batches, for an error's location. */
  first: number;
  last: number;
  /** Relationship rows with an end not gathered when they came (see add). */
  waiting: { line: string; from: string | undefined; to: string | undefined; index: number }[];
}

export class BulkCopy {
  private readonly tables = new Map<string, PendingTable>();
  /** Per node label, the ids gathered and not copied yet, with the statement creating each. */
  private readonly createdBy = new Map<string, Map<string, number>>();
  private rows = 0;
  private readonly prefix: string;
  /** True once a COPY ran in this transaction (a rollback after it needs care: import.ts). */
  copied = false;

  constructor(
    private readonly session: Session,
    private readonly scratchDir: string,
  ) {
    fs.mkdirSync(scratchDir, { recursive: true });
    this.prefix = `import-${process.pid}-${Date.now()}`;
  }

  /** Statement numbers of the batches gathered and not yet copied (for an error's location). */
  get pendingStatements(): { first: number; last: number } | undefined {
    if (this.tables.size === 0) return undefined;
    const all = [...this.tables.values()];
    return { first: Math.min(...all.map((t) => t.first)), last: Math.max(...all.map((t) => t.last)) };
  }

  /** False when what was gathered must be copied first (enough rows). */
  accepts(): boolean {
    return this.rows < MAX_ROWS_PER_FLUSH;
  }

  /** Adds statement `index`'s rows (the caller flushed first if `accepts` said so). */
  add(batch: BulkBatch, index: number): void {
    const { target } = batch;
    const table = this.tableOf(target, index);
    let lines = batch.lines;
    if (target.relationship && target.ends) {
      // Ends gathered already come earlier in the file; any other end may still be created by a later
      // batch of this run, so such rows wait in memory until the flush knows every id gathered.
      const [fromLabel, toLabel] = target.ends;
      const gathered = (label: string, id: string | undefined): boolean =>
        id !== undefined && this.createdBy.get(label)?.has(id) === true;
      lines = [];
      batch.lines.forEach((line, i) => {
        const [from, to] = batch.ids[i] ?? [];
        if (gathered(fromLabel, from) && gathered(toLabel, to)) lines.push(line);
        else table.waiting.push({ line, from, to, index });
      });
    } else {
      const ids = this.createdBy.get(target.table) ?? new Map<string, number>();
      this.createdBy.set(target.table, ids);
      // A repeated id keeps its first statement; COPY refuses the repeat anyway.
      for (const [id] of batch.ids) if (id !== undefined && !ids.has(id)) ids.set(id, index);
    }
    if (lines.length > 0) fs.writeSync(table.fd, lines.join('\n') + '\n');
    table.rows += batch.lines.length;
    this.rows += batch.lines.length;
  }

  private tableOf(target: BulkTarget, index: number): PendingTable {
    const key = keyOf(target);
    let table = this.tables.get(key);
    if (!table) {
      const file = path.join(this.scratchDir, `${this.prefix}-${this.tables.size}.csv`);
      table = { target, file, fd: fs.openSync(file, 'w'), rows: 0, first: index, last: index, waiting: [] };
      this.tables.set(key, table);
    }
    table.last = index;
    return table;
  }

  /** Writes the waiting rows whose ends no later batch creates (the others a MATCH would not find). */
  private settle(table: PendingTable): void {
    const [fromLabel, toLabel] = table.target.ends ?? ['', ''];
    const later = (label: string, id: string | undefined, index: number): boolean =>
      id !== undefined && (this.createdBy.get(label)?.get(id) ?? -1) > index;
    const kept = table.waiting.filter((w) => !later(fromLabel, w.from, w.index) && !later(toLabel, w.to, w.index));
    if (kept.length > 0) fs.writeSync(table.fd, kept.map((w) => w.line).join('\n') + '\n');
    table.waiting = [];
  }

  /**
   * Copies what was gathered, node tables first; before any other statement runs, and
   * at the end. A failure names the first statement of the table it failed on (`failedAt`).
   */
  async flush(): Promise<void> {
    const order = [...this.tables.values()].sort(
      (a, b) => Number(a.target.relationship) - Number(b.target.relationship) || a.first - b.first,
    );
    try {
      for (const table of order) {
        this.settle(table);
        fs.closeSync(table.fd);
        table.fd = -1;
        if (table.rows === 0) continue;
        this.failedAt = { first: table.first, last: table.last };
        const { table: name, from, to } = table.target;
        const options = ['HEADER=false', ...(from && to ? [`from='${from}'`, `to='${to}'`] : [])];
        if (table.target.relationship) options.push('IGNORE_ERRORS=true');
        this.copied = true;
        // Names come from the model's allow-list (bulk-rows.ts), the path from this module.
        await this.session.raw(`COPY ${quote(name)} FROM '${table.file.replace(/'/g, "\\'")}' (${options.join(', ')})`);
        this.failedAt = undefined;
      }
    } finally {
      this.clear();
    }
  }

  /** Statements of the table whose COPY failed in the last flush. */
  failedAt: { first: number; last: number } | undefined;

  /** Removes the scratch files, whatever happened. */
  dispose(): void {
    this.clear();
  }

  private clear(): void {
    for (const table of this.tables.values()) {
      if (table.fd >= 0) fs.closeSync(table.fd);
      fs.rmSync(table.file, { force: true });
    }
    this.tables.clear();
    this.createdBy.clear();
    this.rows = 0;
  }
}
