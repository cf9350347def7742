/**
 * Lowers the scheduling priority of the calling thread alone. Linux keeps a nice value per
 * thread, and setpriority(PRIO_PROCESS, id) given a thread's id sets that thread's: a thread
 * validating a 10 MB import script then gives way to the threads answering requests when the
 * cores are short (issue 11: entity lookups beside an import). Elsewhere, or when the thread's
 * id cannot be read, nothing changes.
 */
import fs from 'node:fs';
import os from 'node:os';

export function lowerThisThreadPriority(): void {
  if (process.platform !== 'linux') return;
  try {
    // "<pid>/task/<tid>"
    const tid = Number(fs.readlinkSync('/proc/thread-self').split('/').at(-1));
    if (Number.isInteger(tid) && tid > 0) os.setPriority(tid, os.constants.priority.PRIORITY_LOW);
  } catch {
    // Priority is a courtesy to other requests, never a reason to fail the import.
  }
}
