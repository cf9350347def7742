/**
 * The database side of an import's statement stream (see import-feed.ts): an
 * async iterable that asks the API process for the next batch as soon as it
 * starts on the current one. When the API process fails the stream, or goes
 * away, the next statement taken throws, so the transaction rolls back instead of
 * committing a file cut short.
 */
import type { ImportStatement } from '../../ports/GraphImport.ts';

export class StatementChannel implements AsyncIterable<ImportStatement> {
  private readonly batches: ImportStatement[][] = [];
  private ended = false;
  private asked = false;
  private failure: Error | undefined;
  private wake: (() => void) | undefined;

  constructor(private readonly ask: () => void) {}

  deliver(batch: ImportStatement[], last: boolean): void {
    this.asked = false;
    this.batches.push(batch);
    if (last) this.ended = true;
    this.wake?.();
  }

  fail(error: Error): void {
    this.failure ??= error;
    this.wake?.();
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<ImportStatement> {
    this.request();
    for (;;) {
      const batch = this.batches.shift();
      if (batch === undefined) {
        if (this.failure) throw this.failure;
        if (this.ended) return;
        await new Promise<void>((resolve) => (this.wake = resolve));
        this.wake = undefined;
        continue;
      }
      // Read ahead: the next batch travels while this one runs.
      this.request();
      for (const statement of batch) {
        if (this.failure) throw this.failure;
        yield statement;
      }
    }
  }

  private request(): void {
    if (this.asked || this.ended || this.failure) return;
    this.asked = true;
    try {
      this.ask();
    } catch (error) {
      this.fail(error instanceof Error ? error : new Error(String(error)));
    }
  }
}
