/**
 * Progress of a long import on stderr: what is done, the rate and the time left,
 * redrawn at most four times a second (on a terminal in place, otherwise one line
 * per update so that logs and tests can read it).
 */
const MIN_INTERVAL_MS = 250;

export interface ProgressLine {
  readonly phase: 'validating' | 'running';
  readonly done: number;
  /** Total when known (statements to run), for the percentage and ETA. */
  readonly total?: number;
  /** Fraction done when the total is not a count (bytes read while validating). */
  readonly fraction?: number;
}

export class ProgressPrinter {
  private last = 0;
  private readonly startedAt = Date.now();
  private phaseStart = { at: Date.now(), done: 0, phase: '' };
  private drawn = false;

  constructor(private readonly out: NodeJS.WriteStream = process.stderr) {}

  update(line: ProgressLine, force = false): void {
    const now = Date.now();
    if (line.phase !== this.phaseStart.phase) this.phaseStart = { at: now, done: line.done, phase: line.phase };
    if (!force && now - this.last < MIN_INTERVAL_MS) return;
    this.last = now;
    const text = describe(line, (now - this.phaseStart.at) / 1000, line.done - this.phaseStart.done);
    if (this.out.isTTY) this.out.write(`\r\x1b[2K${text}`);
    else this.out.write(`${text}\n`);
    this.drawn = true;
  }

  finish(): void {
    if (this.drawn && this.out.isTTY) this.out.write('\n');
    this.drawn = false;
  }

  get elapsedSeconds(): number {
    return (Date.now() - this.startedAt) / 1000;
  }
}

function describe(line: ProgressLine, seconds: number, doneInPhase: number): string {
  const rate = seconds > 0 ? doneInPhase / seconds : 0;
  const fraction = line.total !== undefined && line.total > 0 ? line.done / line.total : line.fraction;
  const parts = [
    `${line.phase}: ${line.done.toLocaleString('en')}${line.total !== undefined ? `/${line.total.toLocaleString('en')}` : ''} statements`,
  ];
  if (fraction !== undefined) parts.push(`${(fraction * 100).toFixed(1)}%`);
  parts.push(`${Math.round(rate).toLocaleString('en')} statements/s`);
  if (fraction !== undefined && fraction > 0 && fraction < 1 && seconds > 0.5) {
    parts.push(`ETA ${formatSeconds((seconds / fraction) * (1 - fraction))}`);
  }
  return parts.join(' | ');
}

function formatSeconds(seconds: number): string {
  if (seconds < 60) return `${Math.ceil(seconds)}s`;
  const minutes = Math.floor(seconds / 60);
  return `${minutes}m${String(Math.ceil(seconds % 60)).padStart(2, '0')}s`;
}
