/**
 * Entry point of the child process that owns the embedded database. It loads
 * its code at once, then waits for `open`: the parent keeps one such warm
 * standby so that a crashed database is replaced in milliseconds, not seconds.
 * Calls are answered one message at a time; a runaway query can only take this
 * process down, never the API.
 */
import { KuzuStore } from '../KuzuStore.ts';
import { createLogger } from '../../../logger.ts';
import { StatementChannel } from './import-channel.ts';
import type { ChildMessage, OneChildMessage, OneParentMessage, ParentMessage } from './protocol.ts';
import { Outbox } from './outbox.ts';
import { fromWireError, toWireError } from './wire-error.ts';

const logger = createLogger('kuzu-child');
let store: KuzuStore | undefined;
/** Statement streams of the imports running, by call id. */
const channels = new Map<number, StatementChannel>();

const outbox = new Outbox<OneChildMessage, ChildMessage>(
  (message) => process.send?.(message),
  (messages) => ({ kind: 'batch', messages }),
);

function send(message: OneChildMessage): void {
  outbox.send(message);
}

function shutdown(): void {
  void (store?.close() ?? Promise.resolve()).finally(() => {
    outbox.flush();
    process.exit(0);
  });
}

process.on('message', (raw: unknown) => {
  const message = raw as ParentMessage;
  if (message.kind === 'batch') message.messages.forEach(receive);
  else receive(message);
});

function receive(message: OneParentMessage): void {
  switch (message.kind) {
    case 'open':
      try {
        store = new KuzuStore({ ...message.options, logger });
        send({ kind: 'ready' });
      } catch (error) {
        send({ kind: 'failed-to-open', error: toWireError(error) });
      }
      return;
    case 'call':
      void answer(message);
      return;
    case 'statements':
      channels.get(message.id)?.deliver(message.batch, message.last);
      return;
    case 'statements-failed':
      channels.get(message.id)?.fail(fromWireError(message.error));
      return;
    case 'shutdown':
      shutdown();
      return;
  }
}
// The parent went away (crash or kill -9): never keep the database locked as an orphan, and
// never commit an import whose file was cut short.
process.on('disconnect', () => {
  for (const channel of channels.values()) channel.fail(new Error('The importing process went away.'));
  shutdown();
});

async function answer(call: Extract<OneParentMessage, { kind: 'call' }>): Promise<void> {
  if (!store) {
    send({ kind: 'error', id: call.id, error: toWireError(new Error('The database is not open.')) });
    return;
  }
  const args = [...call.args];
  if (call.method === 'runImport') {
    const channel = new StatementChannel(() => send({ kind: 'pull', id: call.id }));
    channels.set(call.id, channel);
    args[0] = channel;
  }
  if (call.method === 'runImport' && call.progress) {
    const options = args[1] as Record<string, unknown>;
    args[1] = { ...options, onProgress: (done: number) => send({ kind: 'progress', id: call.id, done }) };
  }
  try {
    const method = store[call.method] as (...a: unknown[]) => Promise<unknown>;
    const value = await method.apply(store, args);
    send({ kind: 'result', id: call.id, value });
  } catch (error) {
    send({ kind: 'error', id: call.id, error: toWireError(error) });
  } finally {
    channels.delete(call.id);
  }
  if (store.mustReopen) stopWithoutClosing();
}

/**
 * After an import rolled back a COPY FROM, Kùzu 0.11.3 crashes at the next checkpoint, which
 * closing the database runs (import.ts): this process stops at once without closing it, once
 * the answers sent so far have left, and the parent opens the database again in a fresh
 * process (its write-ahead log holds every committed transaction, none of the rolled back one).
 */
function stopWithoutClosing(): void {
  outbox.flush();
  process.send?.({ kind: 'reopening' } satisfies ChildMessage, () => process.kill(process.pid, 'SIGKILL'));
}

send({ kind: 'loaded' });
