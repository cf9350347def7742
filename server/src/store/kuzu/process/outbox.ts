/**
 * Messages to the other process, sent together once per turn of the event loop.
 * Each `process.send` is a write on the IPC pipe and a wake-up of the reader: with
 * ten requests in flight, the calls and answers of one turn (a request's rate count
 * and suspension check, the audit batch, other requests' reads) went as one write
 * each, and the writes were an eighth of the API process's CPU under `{ me }`.
 */
export class Outbox<M, W = M> {
  #queued: M[] = [];
  #scheduled = false;

  /** `deliver` sends one message, or one batch of several; `batch` wraps them. */
  constructor(
    private readonly deliver: (message: M | W) => void,
    private readonly batch: (messages: M[]) => W,
  ) {}

  send(message: M): void {
    this.#queued.push(message);
    if (this.#scheduled) return;
    this.#scheduled = true;
    setImmediate(() => this.flush());
  }

  /** Sends what is queued now (before a message that must follow them, or an exit). */
  flush(): void {
    this.#scheduled = false;
    const messages = this.#queued;
    this.#queued = [];
    if (messages.length === 1) this.deliver(messages[0] as M);
    else if (messages.length > 1) this.deliver(this.batch(messages));
  }
}
