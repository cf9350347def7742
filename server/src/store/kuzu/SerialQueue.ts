/**
 * Runs async tasks one after another. A Kùzu connection must not run two
 * queries at once, and an open transaction must not see another caller's
 * statements, so every use of a connection goes through its queue.
 */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task, task);
    // The queue continues whether the task failed or not; the caller sees the failure.
    this.tail = result.catch(() => undefined);
    return result;
  }

  /** Resolves once every task queued so far has settled. */
  async drain(): Promise<void> {
    await this.tail;
  }
}
