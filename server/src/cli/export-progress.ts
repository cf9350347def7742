/**
 * Progress of an export on stderr, like the import's: what is written and the rate, redrawn at
 * most four times a second (in place on a terminal, one line per update otherwise).
 */
const MIN_INTERVAL_MS = 250;

export class ExportProgress {
  private last = 0;
  private readonly startedAt = Date.now();
  private drawn = false;

  constructor(private readonly out: NodeJS.WriteStream = process.stderr) {}

  update(total: { nodes: number; relationships: number }, force = false): void {
    const now = Date.now();
    if (!force && now - this.last < MIN_INTERVAL_MS) return;
    this.last = now;
    const seconds = (now - this.startedAt) / 1000;
    const done = total.nodes + total.relationships;
    const rate = seconds > 0 ? Math.round(done / seconds) : 0;
    const text =
      `exporting: ${total.nodes.toLocaleString('en')} nodes, ${total.relationships.toLocaleString('en')} ` +
      `relationships | ${rate.toLocaleString('en')} entities/s`;
    this.out.write(this.out.isTTY ? `\r\x1b[2K${text}` : `${text}\n`);
    this.drawn = true;
  }

  finish(): void {
    if (this.drawn && this.out.isTTY) this.out.write('\n');
    this.drawn = false;
  }
}
