/**
 * Which processes hold files under a directory open (Linux /proc), so that a
 * CLI refused by the embedded store's file lock can say who holds it rather
 * than leave the admin guessing. Best effort: returns [] where /proc is absent.
 */
import fs from 'node:fs';
import path from 'node:path';

export interface Holder {
  readonly pid: number;
  readonly command: string;
}

export function findHolders(dir: string): Holder[] {
  const root = path.resolve(dir);
  let pids: string[];
  try {
    pids = fs.readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return [];
  }
  const holders: Holder[] = [];
  for (const pid of pids) {
    if (Number(pid) === process.pid) continue;
    if (!holdsFileUnder(pid, root)) continue;
    holders.push({ pid: Number(pid), command: commandOf(pid) });
  }
  return holders;
}

function holdsFileUnder(pid: string, root: string): boolean {
  try {
    return fs.readdirSync(`/proc/${pid}/fd`).some((fd) => {
      try {
        const target = fs.readlinkSync(`/proc/${pid}/fd/${fd}`);
        return target === root || target.startsWith(root + path.sep);
      } catch {
        return false;
      }
    });
  } catch {
    return false;
  }
}

function commandOf(pid: string): string {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean).join(' ').slice(0, 200);
  } catch {
    return '?';
  }
}
