import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../audit/AuditTrail.ts';
import { MemorySharedState } from '../store/MemorySharedState.ts';
import { FLOOD_OPERATION, RefusalFlood } from './RefusalFlood.ts';
import { quietLogger } from '../../../tests/support/quiet-logger.ts';

const MINUTE_MS = 60_000;

/** A flood detector on a memory state, a clock the test moves and timers it fires by hand. */
function setUp(options: { limit: number; maxAddresses?: number }) {
  let now = MINUTE_MS * 1000;
  const written: AuditEntry[] = [];
  const timers: Array<{ write: () => void; at: number }> = [];
  const flood = new RefusalFlood({
    logger: quietLogger,
    state: new MemorySharedState(),
    trail: { record: async (entry: AuditEntry) => written.push(entry) },
    clock: () => now,
    schedule: (write, delayMs) => timers.push({ write, at: now + delayMs }),
    ...options,
  });
  const refuse = (address: string, code = 'UNAUTHENTICATED') => flood.count({ address, code, requestId: 'r' });
  /** Moves the clock and fires the timers now due, as the event loop would. */
  const advance = async (ms: number) => {
    now += ms;
    const due = timers.filter((t) => t.at <= now);
    timers.splice(0, timers.length, ...timers.filter((t) => t.at > now));
    for (const timer of due) timer.write();
    await Promise.resolve();
  };
  return { flood, written, refuse, advance };
}

describe('RefusalFlood', () => {
  it('lets the first refusals of a minute through, then answers 429 until the minute ends', async () => {
    const { refuse, advance } = setUp({ limit: 2 });
    const verdicts = await Promise.all([1, 2, 3].map(() => refuse('a')));
    expect(verdicts.map((v) => v.allowed)).toEqual([true, true, false]);
    expect((await refuse('b')).allowed).toBe(true);
    await advance(45_000);
    expect(await refuse('a')).toEqual({ allowed: false, retryAfterSeconds: 15 });
    await advance(15_000);
    expect((await refuse('a')).allowed).toBe(true);
  });

  it('writes one summary per address when the minute ends, with count, times and reasons', async () => {
    const { refuse, advance, written } = setUp({ limit: 1 });
    await refuse('a');
    await refuse('a', 'UNAUTHENTICATED');
    await advance(1000);
    await refuse('a', 'BAD_REQUEST');
    await refuse('a', 'UNAUTHENTICATED');
    expect(written).toEqual([]);
    await advance(MINUTE_MS);
    expect(written).toHaveLength(1);
    expect(written[0]).toMatchObject({
      operation: FLOOD_OPERATION,
      outcome: 'RATE_LIMITED',
      clientAddress: 'a',
      entityIds: [],
      details: { count: 3, reasons: { UNAUTHENTICATED: 2, BAD_REQUEST: 1 } },
    });
    const { firstAt, lastAt } = written[0]?.details as { firstAt: string; lastAt: string };
    expect(Date.parse(lastAt) - Date.parse(firstAt)).toBe(1000);
  });

  it('writes what it holds on flush, and nothing twice', async () => {
    const { flood, refuse, advance, written } = setUp({ limit: 0 });
    await refuse('a');
    await refuse('b');
    await flood.flush();
    expect(written.map((e) => e.clientAddress)).toEqual(['a', 'b']);
    await advance(MINUTE_MS);
    await flood.flush();
    expect(written).toHaveLength(2);
  });

  it('writes the oldest summary early when it holds too many addresses', async () => {
    const { refuse, written } = setUp({ limit: 0, maxAddresses: 2 });
    for (const address of ['a', 'b', 'c']) await refuse(address);
    await Promise.resolve();
    expect(written.map((e) => e.clientAddress)).toEqual(['a']);
  });
});
