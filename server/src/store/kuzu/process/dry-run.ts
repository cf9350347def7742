/**
 * A dry run of an import on a throw-away copy of the database, in a process of its own.
 * The import runs there as a real one would (batches through COPY FROM, committed into
 * the copy), so its counts and errors are a real run's and it is as fast; then that
 * process is killed and the copy deleted: nothing of the dry run remains, and the live
 * database never rolls anything back. Rolling back in Kùzu 0.11.3 is what broke it: a
 * rolled-back update left "Write-write conflict of updating the same row" on its row
 * until a restart, and a rolled-back relationship COPY crashed the process at its next
 * checkpoint (issue 11, import.ts). The copy costs a file copy of the database (the live
 * process copies it holding its write connection, so nothing commits meanwhile) and the
 * start of a process; the copy's process is watched for memory like the live one.
 */
import fs from 'node:fs';
import path from 'node:path';
import { LimitExceededError, StoreUnavailableError } from '../../../errors.ts';
import type { ImportOptions, ImportOutcome, ImportStatements } from '../../ports/GraphImport.ts';
import { ChildHandle } from './ChildHandle.ts';
import { ImportFeed } from './import-feed.ts';
import { readRssMb } from './memory-watch.ts';
import type { ChildOptions, OneChildMessage } from './protocol.ts';
import { fromWireError } from './wire-error.ts';

const CALL_ID = 1;
const WATCH_INTERVAL_MS = 200;

/** Where dry runs keep their copies under the data directory; what a killed run left is removed at start. */
export const dryRunsDir = (dataDir: string): string => path.join(dataDir, 'dry-runs');

let nextCopy = 1;

export async function dryRunOnCopy(input: {
  readonly child: ChildOptions;
  /** Copies the live database's files into the directory given (the live process does it). */
  readonly copyTo: (dir: string) => Promise<void>;
  readonly statements: ImportStatements;
  readonly options: Omit<ImportOptions, 'onProgress'>;
  readonly onProgress?: (done: number) => void;
  readonly memoryLimitMb: number;
}): Promise<ImportOutcome> {
  const dir = path.join(dryRunsDir(input.child.dataDir), `${process.pid}-${Date.now()}-${nextCopy++}`);
  let child: ChildHandle | undefined;
  try {
    await input.copyTo(dir);
    child = new ChildHandle(() => undefined);
    await child.open({ ...input.child, dataDir: dir, eagerSnapshot: false });
    return await runOn(child, input);
  } finally {
    if (child?.alive) {
      const exited = new Promise<void>((resolve) => child?.process.once('exit', () => resolve()));
      // Killed, not closed: closing checkpoints a copy about to be deleted (and would be the one
      // place a Kùzu crash after a failed run could still happen).
      child.kill();
      await exited;
    }
    fs.rmSync(dir, { recursive: true, force: true });
    // The folder itself too, unless another dry run is using it (then it is not empty).
    try {
      fs.rmdirSync(path.dirname(dir));
    } catch {
      // ENOTEMPTY: the other dry run removes it.
    }
  }
}

function runOn(
  child: ChildHandle,
  input: Pick<Parameters<typeof dryRunOnCopy>[0], 'statements' | 'options' | 'onProgress' | 'memoryLimitMb'>,
): Promise<ImportOutcome> {
  return new Promise<ImportOutcome>((resolve, reject) => {
    const feed = new ImportFeed(input.statements, (m) => child.send(m), CALL_ID);
    let overMemory = false;
    const watch = setInterval(() => {
      const rss = child.pid === undefined ? undefined : readRssMb(child.pid);
      if (rss !== undefined && rss > input.memoryLimitMb) {
        overMemory = true;
        child.kill();
      }
    }, WATCH_INTERVAL_MS);
    watch.unref();
    const done = (): void => {
      clearInterval(watch);
      feed.close();
      stopListening();
      child.process.off('exit', onExit);
    };
    const onMessage = (message: OneChildMessage): void => {
      if (message.kind === 'pull') feed.pull();
      else if (message.kind === 'progress') input.onProgress?.(message.done);
      else if (message.kind === 'result') {
        done();
        resolve(message.value as ImportOutcome);
      } else if (message.kind === 'error') {
        done();
        reject(feed.failure ?? fromWireError(message.error));
      }
    };
    const onExit = (): void => {
      done();
      reject(
        overMemory
          ? new LimitExceededError(
              `The dry run needed more than ${input.memoryLimitMb} MB of memory and was stopped. Narrow it and try again.`,
            )
          : new StoreUnavailableError('The dry run stopped unexpectedly; nothing was changed. Try again shortly.', 1),
      );
    };
    const stopListening = child.listen(onMessage);
    child.process.once('exit', onExit);
    // Committed, but into the copy: this is how the dry run gets a real run's counts and speed.
    const options = { ...input.options, dryRun: false };
    child.send({ kind: 'call', id: CALL_ID, method: 'runImport', args: [null, options], progress: true });
  });
}
