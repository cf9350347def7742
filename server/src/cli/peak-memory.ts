/**
 * The peak resident memory of a command-line run: this process and the database
 * processes it starts (the embedded store's, a dry run's copy), which is what an
 * admin sizing a machine for a large import needs to know (issue 11 asks for it).
 * Each process's own peak comes from the kernel (VmHWM, so a short peak between two
 * samples is not missed); children are looked up every half second while they live,
 * since a dry run's process is gone by the time the report is printed. Outside
 * Linux (no /proc) only this process's peak is known.
 */
import fs from 'node:fs';

const SAMPLE_MS = 500;

export interface PeakMemoryFigures {
  /** This process's peak resident memory, bytes. */
  readonly self: number;
  /** The highest peak of each child process seen, summed, bytes (0 when none was seen). */
  readonly children: number;
  /** How many child processes were seen. */
  readonly childCount: number;
}

export class PeakMemory {
  private readonly childPeaks = new Map<number, number>();
  private readonly timer: NodeJS.Timeout;

  constructor() {
    this.timer = setInterval(() => this.sample(), SAMPLE_MS);
    this.timer.unref();
  }

  /** Samples once more (the children may be about to exit) and stops. */
  stop(): PeakMemoryFigures {
    this.sample();
    clearInterval(this.timer);
    let children = 0;
    for (const peak of this.childPeaks.values()) children += peak;
    return { self: process.resourceUsage().maxRSS * 1024, children, childCount: this.childPeaks.size };
  }

  private sample(): void {
    for (const pid of childPids(process.pid)) {
      const peak = peakRss(pid);
      if (peak !== undefined) this.childPeaks.set(pid, Math.max(peak, this.childPeaks.get(pid) ?? 0));
    }
  }
}

function childPids(pid: number): number[] {
  try {
    return fs
      .readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8')
      .split(/\s+/)
      .filter((s) => s !== '')
      .map(Number);
  } catch {
    return [];
  }
}

/** VmHWM of a process, bytes; undefined once it is gone or without /proc. */
function peakRss(pid: number): number | undefined {
  try {
    const match = /^VmHWM:\s+(\d+)\s+kB/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** "peak memory 2.3 GB (this process 610 MB, database process 1.7 GB)". */
export function describePeakMemory(figures: PeakMemoryFigures): string {
  const total = figures.self + figures.children;
  const parts = [`this process ${bytes(figures.self)}`];
  if (figures.childCount > 0)
    parts.push(`database process${figures.childCount > 1 ? 'es' : ''} ${bytes(figures.children)}`);
  return `peak memory ${bytes(total)} (${parts.join(', ')})`;
}

function bytes(n: number): string {
  const mb = n / 2 ** 20;
  return mb >= 1024 ? `${(mb / 1024).toFixed(1)} GB` : `${Math.round(mb)} MB`;
}
