/**
 * Long synchronous work in a process that also answers requests (validating a
 * 10 MB import script in the API process, translating an import's statements in
 * the embedded store's process) keeps every other request of that process
 * waiting until it ends: measured, entity lookups beside a 20,000-person
 * importCypher waited 7 s behind its validation and 2-5 s at a time behind its
 * statements (issue 11). Such loops call `turn()` between items: once `everyMs`
 * of work has passed since the last turn, the event loop gets one (pending I/O
 * first), so others wait at most about that long plus one item.
 */
export class EventLoopTurns {
  private last = performance.now();

  /**
   * `rest`: when it says so, a turn lasts as long as the work before it (the loop then takes
   * at most half a core), so that requests served meanwhile get the CPU, not only a turn.
   */
  constructor(
    private readonly everyMs = 10,
    private readonly rest: () => boolean = () => false,
  ) {}

  async turn(): Promise<void> {
    if (performance.now() - this.last < this.everyMs) return;
    if (this.rest()) await new Promise<void>((resolve) => setTimeout(resolve, this.everyMs));
    else await new Promise<void>((resolve) => setImmediate(resolve));
    this.last = performance.now();
  }
}
