/**
 * Checkpoints of the embedded database, run by the store rather than by Kùzu. Kùzu's automatic
 * checkpoint runs inside the COMMIT of whatever write first finds the write-ahead log past 16 MB,
 * and waits there for every other transaction to end while holding the lock a read needs to end.
 * With a read in flight, the commit gave up after about 6 s ("Timeout waiting for active
 * transactions to leave the system before checkpointing"), and so did every write after it
 * while reads kept coming (measured with Kùzu alone: 7 of 102 writes beside one reader, each
 * about 6 s). An audit append is such a write: the server would have refused every answer.
 * So the database opens without automatic checkpoints, and the store checkpoints when the log
 * has grown, holding the write connection and letting no read run meanwhile.
 */
import fs from 'node:fs';
import type { Logger } from '../../logger.ts';

/** Kùzu's own default threshold for its automatic checkpoint. */
export const WAL_CHECKPOINT_BYTES = 16 * 1024 * 1024;
const CHECK_EVERY_MS = 1_000;

export class WalCheckpoints {
  private readonly timer: NodeJS.Timeout;
  private running: Promise<void> | undefined;

  constructor(
    private readonly options: {
      readonly walPath: string;
      readonly thresholdBytes: number;
      /** One CHECKPOINT with no transaction open: the store holds its connections for it. */
      readonly checkpoint: () => Promise<void>;
      readonly logger: Logger;
    },
  ) {
    this.timer = setInterval(() => void this.checkNow(), CHECK_EVERY_MS);
    this.timer.unref();
  }

  /** Checkpoints if the log has passed the threshold; resolves when that checkpoint is done. */
  checkNow(): Promise<void> {
    if (this.running) return this.running;
    if (walBytes(this.options.walPath) <= this.options.thresholdBytes) return Promise.resolve();
    const started = performance.now();
    this.running = this.options
      .checkpoint()
      .then(() => this.options.logger.debug({ ms: Math.round(performance.now() - started) }, 'checkpointed'))
      .catch((error: unknown) => this.options.logger.warn({ err: error }, 'checkpoint failed; retried later'))
      .finally(() => (this.running = undefined));
    return this.running;
  }

  /** Stops checking; waits for a checkpoint under way. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }
}

function walBytes(walPath: string): number {
  try {
    return fs.statSync(walPath).size;
  } catch {
    return 0;
  }
}
