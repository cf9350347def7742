/**
 * Audit appends while an import holds the write connection. Kùzu admits one
 * write transaction at a time, and an import's lasts as long as the file: an
 * append queued behind it used to wait past its deadline, get the database
 * process killed, and take the import down with it. While an import runs,
 * records are made durable here instead (one JSON line each, fsync'd before the
 * append resolves), then written to the audit table as soon as the import ends,
 * committed or not, and at the next open if the process died first (records
 * already in the table are skipped by sequence number).
 */
import fs from 'node:fs';
import type { AuditRecord } from '../../model/records.ts';

export class AuditJournal {
  private readonly pending: AuditRecord[] = [];

  constructor(private readonly file: string) {
    if (!fs.existsSync(file)) return;
    for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
      // A line cut short by a crash was never acknowledged: its append failed for its caller.
      if (line.trim() === '') continue;
      try {
        this.pending.push(JSON.parse(line) as AuditRecord);
      } catch {
        break;
      }
    }
  }

  /** The newest record written here and not yet in the table. */
  get last(): AuditRecord | undefined {
    return this.pending[this.pending.length - 1];
  }

  get size(): number {
    return this.pending.length;
  }

  /** Durable when it returns. `tableHead` is the last sequence number in the table (checked when nothing is pending). */
  append(records: readonly AuditRecord[], tableHead: number): void {
    let head = this.last?.seq ?? tableHead;
    for (const record of records) {
      if (record.seq <= head) throw new Error(`Audit record ${record.seq} does not follow ${head}.`);
      head = record.seq;
    }
    const fd = fs.openSync(this.file, 'a');
    try {
      fs.writeSync(fd, records.map((r) => JSON.stringify(r) + '\n').join(''));
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    this.pending.push(...records);
  }

  /** Hands the pending records to `write` (in order), then forgets them once it resolved. */
  async drain(write: (records: readonly AuditRecord[]) => Promise<void>): Promise<void> {
    while (this.pending.length > 0) {
      const batch = [...this.pending];
      await write(batch);
      this.pending.splice(0, batch.length);
    }
    fs.rmSync(this.file, { force: true });
  }
}
