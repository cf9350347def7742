/**
 * Group commit for small per-request transactions. The first call runs at once;
 * calls that arrive while a batch is in flight wait and then go together in the
 * next one, so N concurrent requests cost about one transaction per round trip
 * instead of N (a write transaction's commit on Neo4j costs as much as many of
 * its rows). A batch always starts after each of its calls arrived, so a call
 * never sees a database older than its own start: batching reads this way keeps
 * them as fresh as reading alone.
 */

interface Waiting<I, O> {
  readonly input: I;
  readonly resolve: (output: O) => void;
  readonly reject: (error: unknown) => void;
}

/** Calls in one batch at most: bounds the size of one transaction. */
const MAX_BATCH = 256;
/**
 * How long calls wait for the batch in flight before they start their own beside
 * it. A batch normally takes milliseconds; one stuck on a dead connection takes
 * until its deadline, and the calls behind it must not add that to their own.
 * Overlapping batches stay correct: each write locks what it changes.
 */
const PATIENCE_MS = 500;

export class GroupCommit<I, O> {
  readonly #run: (inputs: readonly I[]) => Promise<readonly O[]>;
  readonly #waiting: Array<Waiting<I, O>> = [];
  #running = 0;
  #impatient: NodeJS.Timeout | undefined;

  /** `run` answers one output per input, in the inputs' order; when it throws, every call of its batch rejects. */
  constructor(run: (inputs: readonly I[]) => Promise<readonly O[]>) {
    this.#run = run;
  }

  submit(input: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.#waiting.push({ input, resolve, reject });
      if (this.#running === 0) void this.#drain();
      else this.#impatient ??= setTimeout(() => void this.#drain(), PATIENCE_MS);
    });
  }

  async #drain(): Promise<void> {
    this.#running++;
    try {
      while (this.#waiting.length > 0) {
        clearTimeout(this.#impatient);
        this.#impatient = undefined;
        await this.#runBatch(this.#waiting.splice(0, MAX_BATCH));
      }
    } finally {
      this.#running--;
    }
  }

  async #runBatch(batch: ReadonlyArray<Waiting<I, O>>): Promise<void> {
    let outputs: readonly O[];
    try {
      outputs = await this.#run(batch.map((w) => w.input));
      if (outputs.length !== batch.length) throw new Error(`a batch of ${batch.length} got ${outputs.length} answers`);
    } catch (error) {
      for (const waiting of batch) waiting.reject(error);
      return;
    }
    batch.forEach((waiting, index) => waiting.resolve(outputs[index] as O));
  }
}
