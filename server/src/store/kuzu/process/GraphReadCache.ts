/**
 * Answers of graph reads kept in the API process, keyed by what the read was asked
 * (its query and read scope, never who asked). The API process is the only way to
 * the database process (Kùzu lets one process open the database for writing), and
 * every write to the graph goes through `runImport` there, so a version bumped
 * when a write begins and again when it ends is exact: an answer is kept only if
 * no write began or ended while it was read, and every kept answer is dropped when
 * one does. Nothing above the store changes: each request is still authorised,
 * counted for read volume and audited with the ids it was handed.
 *
 * Why: a 2-hop neighbourhood of a hub costs the database process a walk of the
 * adjacency snapshot and the records, then a structured clone of ~25 KB across the
 * process boundary, for the same answer every time (the explorer and the bench
 * repeat them).
 */

/** Answers kept at most; the oldest goes first. A 2-hop answer is tens of KB. */
const MAX_ANSWERS = 256;

function deepFreeze<T>(value: T): T {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return value;
  for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  return Object.freeze(value);
}

export class GraphReadCache {
  /** Writes to the graph begun or ended so far. */
  #version = 0;
  #writesRunning = 0;
  readonly #answers = new Map<string, unknown>();

  /**
   * The answer to `key`, read with `load` unless kept. Kept answers are frozen, since
   * every request that asks the same gets the same object.
   */
  async read<T>(key: string, load: () => Promise<T>): Promise<T> {
    if (this.#answers.has(key)) return this.#answers.get(key) as T;
    const version = this.#version;
    const answer = await load();
    if (version !== this.#version || this.#writesRunning > 0) return answer;
    if (this.#answers.size >= MAX_ANSWERS) this.#answers.delete(this.#answers.keys().next().value as string);
    this.#answers.set(key, deepFreeze(answer));
    return answer;
  }

  /** Runs a write to the graph (committed or not, dry or not): kept answers are dropped before and after. */
  async write<T>(run: () => Promise<T>): Promise<T> {
    this.#changed(+1);
    try {
      return await run();
    } finally {
      this.#changed(-1);
    }
  }

  #changed(running: number): void {
    this.#writesRunning += running;
    this.#version++;
    this.#answers.clear();
  }
}
