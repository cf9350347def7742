import { describe, expect, it } from 'vitest';
import { GroupCommit } from './group-commit.ts';

/** A batch runner that answers each input doubled once `release` is called. */
function held() {
  const batches: number[][] = [];
  let release: () => void = () => undefined;
  const group = new GroupCommit<number, number>(async (inputs) => {
    batches.push([...inputs]);
    await new Promise<void>((resolve) => (release = resolve));
    return inputs.map((n) => n * 2);
  });
  return { group, batches, release: () => release() };
}

describe('GroupCommit', () => {
  it('runs the first call at once and the calls that arrive meanwhile together in the next batch', async () => {
    const { group, batches, release } = held();
    const first = group.submit(1);
    const rest = [2, 3, 4].map((n) => group.submit(n));
    expect(batches).toEqual([[1]]);
    release();
    expect(await first).toBe(2);
    await new Promise((resolve) => setImmediate(resolve));
    expect(batches).toEqual([[1], [2, 3, 4]]);
    release();
    expect(await Promise.all(rest)).toEqual([4, 6, 8]);
  });

  it('rejects every call of a failed batch, and runs the next batch anyway', async () => {
    let fail = true;
    const group = new GroupCommit<number, number>(async (inputs) => {
      if (fail) throw new Error('down');
      return [...inputs];
    });
    const failed = [group.submit(1), group.submit(2)].map((p) => p.catch((e: Error) => e.message));
    expect(await Promise.all(failed)).toEqual(['down', 'down']);
    fail = false;
    expect(await group.submit(3)).toBe(3);
  });

  it('starts the waiting calls beside a batch that does not come back', async () => {
    const { group, batches, release } = held();
    void group.submit(1);
    const second = group.submit(2);
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(batches).toEqual([[1], [2]]);
    release();
    expect(await second).toBe(4);
  });
});
