/** One forked database process: loads its code at once, opens the database on demand. */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { StoreUnavailableError } from '../../../errors.ts';
import type { ChildMessage, ChildOptions, OneChildMessage, OneParentMessage, ParentMessage } from './protocol.ts';
import { Outbox } from './outbox.ts';
import { fromWireError } from './wire-error.ts';

// Production runs the compiled build (server/dist) and forks the compiled child beside this file;
// tests and development run the sources, where the child's .ts goes through tsx like its parent.
const FROM_SOURCE = import.meta.url.endsWith('.ts');
const CHILD_ENTRY = fileURLToPath(new URL(FROM_SOURCE ? './kuzu-child.ts' : './kuzu-child.js', import.meta.url));
const CHILD_EXEC_ARGV = FROM_SOURCE ? ['--import', 'tsx'] : [];

export class ChildHandle {
  readonly process: ChildProcess;
  /** Resolves once the code is loaded (a warm standby); rejects if the process dies first. */
  readonly loaded: Promise<void>;
  private exited = false;
  private readonly listeners = new Set<(message: OneChildMessage) => void>();
  private readonly outbox = new Outbox<OneParentMessage, ParentMessage>(
    (message) => {
      if (this.alive && this.process.connected) this.process.send(message);
    },
    (messages) => ({ kind: 'batch', messages }),
  );

  constructor(onMessage: (message: OneChildMessage) => void) {
    this.process = fork(CHILD_ENTRY, [], {
      execArgv: CHILD_EXEC_ARGV,
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    this.process.once('exit', () => {
      this.exited = true;
    });
    this.process.on('message', (message: ChildMessage) => {
      for (const one of message.kind === 'batch' ? message.messages : [message])
        for (const listener of [...this.listeners]) listener(one);
    });
    this.loaded = this.waitFor('loaded');
    this.loaded.catch(() => undefined);
    this.listen(onMessage);
  }

  get pid(): number | undefined {
    return this.process.pid;
  }

  get alive(): boolean {
    return !this.exited;
  }

  /** Opens the database in this process. */
  async open(options: ChildOptions): Promise<void> {
    await this.loaded;
    const ready = this.waitFor('ready');
    this.send({ kind: 'open', options });
    await ready;
  }

  /** Hands every message from the process (batches taken apart) to `listener`; returns how to stop. */
  listen(listener: (message: OneChildMessage) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  send(message: OneParentMessage): void {
    this.outbox.send(message);
  }

  kill(): void {
    if (this.alive) this.process.kill('SIGKILL');
  }

  /** Asks for a clean close (the database checkpoints), killing it after `graceMs`. */
  async shutdown(graceMs: number): Promise<void> {
    if (!this.alive) return;
    const exited = new Promise<void>((resolve) => this.process.once('exit', () => resolve()));
    this.send({ kind: 'shutdown' });
    const timer = setTimeout(() => this.kill(), graceMs);
    await exited;
    clearTimeout(timer);
  }

  private waitFor(kind: 'loaded' | 'ready'): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const onMessage = (message: OneChildMessage): void => {
        if (message.kind === kind) {
          cleanup();
          resolve();
        } else if (message.kind === 'failed-to-open') {
          cleanup();
          reject(fromWireError(message.error));
        }
      };
      const onExit = (code: number | null): void => {
        cleanup();
        reject(new StoreUnavailableError(`The embedded database process exited early (code ${code}).`));
      };
      const cleanup = (): void => {
        stopListening();
        this.process.off('exit', onExit);
      };
      const stopListening = this.listen(onMessage);
      this.process.once('exit', onExit);
    });
  }
}
