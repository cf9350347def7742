import { describe, expect, it } from 'vitest';
import { Outbox } from './outbox.ts';

type Message = { kind: 'one'; n: number } | { kind: 'batch'; messages: { kind: 'one'; n: number }[] };

describe('Outbox', () => {
  it('sends the messages of one turn as one batch, in order, and a lone message as itself', async () => {
    const sent: Message[] = [];
    const outbox = new Outbox<{ kind: 'one'; n: number }, Message>(
      (message) => sent.push(message),
      (messages) => ({ kind: 'batch', messages }),
    );
    outbox.send({ kind: 'one', n: 1 });
    outbox.send({ kind: 'one', n: 2 });
    expect(sent).toEqual([]);
    await new Promise((resolve) => setImmediate(resolve));
    outbox.send({ kind: 'one', n: 3 });
    await new Promise((resolve) => setImmediate(resolve));
    expect(sent).toEqual([
      {
        kind: 'batch',
        messages: [
          { kind: 'one', n: 1 },
          { kind: 'one', n: 2 },
        ],
      },
      { kind: 'one', n: 3 },
    ]);
  });

  it('sends what is queued at once when flushed (before a message that must follow them)', () => {
    const sent: Message[] = [];
    const outbox = new Outbox<{ kind: 'one'; n: number }, Message>(
      (message) => sent.push(message),
      (messages) => ({ kind: 'batch', messages }),
    );
    outbox.send({ kind: 'one', n: 1 });
    outbox.flush();
    expect(sent).toEqual([{ kind: 'one', n: 1 }]);
  });
});
