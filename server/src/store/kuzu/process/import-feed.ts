/**
 * The API side of an import's statement stream across the process boundary. The
 * database process asks for the next batch when it starts running the current
 * one (import-channel.ts), so at most one batch waits there, one runs, and one is
 * being read here: memory stays bounded whatever the file's size, and reading
 * the file overlaps with running it. A failing source is reported to the
 * database process, which rolls the transaction back.
 */
import type { ImportStatement, ImportStatements } from '../../ports/GraphImport.ts';
import type { OneParentMessage } from './protocol.ts';
import { toWireError } from './wire-error.ts';

/** A batch closes at whichever comes first; one statement larger than that goes alone. */
const MAX_BATCH_STATEMENTS = 256;
const MAX_BATCH_CHARS = 4 << 20;

export class ImportFeed {
  /** Set when the source threw: the error the caller gets, rather than its copy from the other side. */
  failure: Error | undefined;
  private readonly iterator: Iterator<ImportStatement> | AsyncIterator<ImportStatement>;
  private pulling: Promise<void> = Promise.resolve();
  private finished = false;

  constructor(
    source: ImportStatements,
    private readonly send: (message: OneParentMessage) => void,
    private readonly id: number,
  ) {
    this.iterator = Symbol.asyncIterator in source ? source[Symbol.asyncIterator]() : source[Symbol.iterator]();
  }

  /** Answers one request of the database process with the next batch. */
  pull(): void {
    this.pulling = this.pulling.then(() => this.sendBatch());
  }

  /** The import is over (committed, failed or the process died): release the source (a file handle). */
  close(): void {
    if (this.finished) return;
    this.finished = true;
    this.pulling = this.pulling.then(async () => {
      await this.iterator.return?.();
    });
    this.pulling.catch(() => undefined);
  }

  private async sendBatch(): Promise<void> {
    if (this.finished) return;
    const batch: ImportStatement[] = [];
    let chars = 0;
    try {
      while (batch.length < MAX_BATCH_STATEMENTS && chars < MAX_BATCH_CHARS) {
        const next = await this.iterator.next();
        if (next.done === true) {
          this.finished = true;
          break;
        }
        batch.push(next.value);
        chars += next.value.cypher.length;
      }
    } catch (error) {
      this.finished = true;
      this.failure = error instanceof Error ? error : new Error(String(error));
      this.send({ kind: 'statements-failed', id: this.id, error: toWireError(error) });
      return;
    }
    this.send({ kind: 'statements', id: this.id, batch, last: this.finished });
  }
}
