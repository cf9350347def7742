import { describe, expect, it } from 'vitest';
import { runAuditCommand } from './audit-command.ts';
import { AuditTrail } from './AuditTrail.ts';
import { MemoryAuditStore } from '../../../tests/support/memory-audit-store.ts';
import { quietLogger } from '../../../tests/support/quiet-logger.ts';

async function trailOf(n: number): Promise<MemoryAuditStore> {
  const store = new MemoryAuditStore();
  const trail = new AuditTrail({ logger: quietLogger, store });
  for (let i = 0; i < n; i++) {
    await trail.record({
      user: 'u',
      role: 'VIEWER',
      operation: 'search',
      purpose: 'CASE-1',
      entityIds: [`e${i}`],
      outcome: 'OK',
      requestId: `r${i}`,
      clientAddress: '::1',
    });
  }
  return store;
}

const run = async (store: MemoryAuditStore, ...args: string[]) => {
  const lines: string[] = [];
  const code = await runAuditCommand({ args, store, out: (line) => lines.push(line) });
  return { code, output: lines.join('\n') };
};

describe('npm run audit', () => {
  it('verify exits 0 on an intact chain and 1 naming the first broken seq', async () => {
    const store = await trailOf(4);
    expect(await run(store, 'verify')).toEqual({ code: 0, output: expect.stringContaining('intact: 4 records') });
    const second = store.records[1];
    if (second) store.records[1] = { ...second, entityIds: ['e9'] };
    const broken = await run(store, 'verify');
    expect(broken.code).toBe(1);
    expect(broken.output).toMatch(/BROKEN at record seq 2/);
  });

  it('tail prints the newest records oldest first, and bad arguments print the usage', async () => {
    const store = await trailOf(3);
    const tail = await run(store, 'tail', '2');
    expect(tail.output.split('\n').map((l) => (JSON.parse(l) as { seq: number }).seq)).toEqual([2, 3]);
    expect((await run(store, 'tail', 'x')).code).toBe(2);
    expect((await run(store)).output).toMatch(/Usage/);
  });
});
