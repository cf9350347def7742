/**
 * Loads consecutive batches bound for the same table with one COPY FROM inside
 * the import's transaction. Measured on Kùzu 0.11.3 (2 shared cores, 50,000
 * people, 250,000 ASSOCIATE_OF rows, inside a transaction):
 * - `UNWIND $rows MATCH (a {id: row.a}), (b {id: row.b}) CREATE ...`: 16-43 s per 1,000 rows;
 * - `COPY ... FROM (UNWIND $rows AS row RETURN ...)`: ~0.1 s per 1,000 rows, most of it
 *   the binding taking the parameter (an UNWIND alone costs the same);
 * - COPY FROM a CSV file: ~0.1 s per statement whatever its size up to 1,000 rows,
 *   ~2.5 s per 50,000 rows: so rows are gathered across statements, written to a
 *   scratch file as they come (memory stays bounded), and copied once per table run.
 * A COPY into a relationship table rolled back (a dry run) and the database closed
 * afterwards did not crash in these runs (the integration test does it every run).
 * A relationship whose endpoint does not exist is skipped, as a MATCH finding
 * nothing would skip it (IGNORE_ERRORS; values were checked in bulk-rows.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { BulkBatch, BulkTarget } from './bulk-rows.ts';
import { quote } from './ddl.ts';
import type { Session } from './KuzuConnection.ts';

/** Rows gathered before a COPY runs even if the next batch has the same table. */
const MAX_ROWS_PER_COPY = 200_000;

const sameTarget = (a: BulkTarget, b: BulkTarget): boolean => a.table === b.table && a.from === b.from && a.to === b.to;

export class BulkCopy {
  private pending: { target: BulkTarget; rows: number; first: number; last: number } | undefined;
  private fd: number | undefined;
  private readonly file: string;

  constructor(
    private readonly session: Session,
    scratchDir: string,
  ) {
    fs.mkdirSync(scratchDir, { recursive: true });
    this.file = path.join(scratchDir, `import-${process.pid}-${Date.now()}.csv`);
  }

  /** Statement numbers of the batches gathered and not yet copied (for an error's location). */
  get pendingStatements(): { first: number; last: number } | undefined {
    return this.pending && { first: this.pending.first, last: this.pending.last };
  }

  /** False when what was gathered must be copied first (another table, or enough rows). */
  accepts(batch: BulkBatch): boolean {
    return !this.pending || (sameTarget(this.pending.target, batch.target) && this.pending.rows < MAX_ROWS_PER_COPY);
  }

  /** Adds statement `index`'s rows (the caller flushed first if `accepts` said so). */
  add(batch: BulkBatch, index: number): void {
    this.fd ??= fs.openSync(this.file, 'w');
    fs.writeSync(this.fd, batch.lines.join('\n') + '\n');
    if (this.pending) {
      this.pending.rows += batch.lines.length;
      this.pending.last = index;
    } else this.pending = { target: batch.target, rows: batch.lines.length, first: index, last: index };
  }

  /** Copies what was gathered; before any other statement runs, and at the end. */
  async flush(): Promise<void> {
    const pending = this.pending;
    if (!pending || this.fd === undefined) return;
    fs.closeSync(this.fd);
    this.fd = undefined;
    const { table, from, to } = pending.target;
    const options = ['HEADER=false', ...(from && to ? [`from='${from}'`, `to='${to}'`] : [])];
    if (pending.target.relationship) options.push('IGNORE_ERRORS=true');
    // Names come from the model's allow-list (bulk-rows.ts), the path from this module.
    await this.session.raw(`COPY ${quote(table)} FROM '${this.file.replace(/'/g, "\\'")}' (${options.join(', ')})`);
    this.pending = undefined;
  }

  /** Removes the scratch file, whatever happened. */
  dispose(): void {
    if (this.fd !== undefined) fs.closeSync(this.fd);
    this.fd = undefined;
    fs.rmSync(this.file, { force: true });
  }
}
