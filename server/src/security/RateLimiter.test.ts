import { describe, expect, it } from 'vitest';
import { RateLimiter } from './RateLimiter.ts';

describe('RateLimiter', () => {
  it('allows the per-minute rate, refuses the next request until the minute ends', async () => {
    let now = 60_000 * 1000;
    const limiter = new RateLimiter({ perMinute: 3, clock: () => now });
    const first = await Promise.all([1, 2, 3, 4].map(() => limiter.take('alice')));
    expect(first.map((v) => v.allowed)).toEqual([true, true, true, false]);
    // Another user has their own count.
    expect((await limiter.take('bob')).allowed).toBe(true);
    now += 45_000;
    expect(await limiter.take('alice')).toEqual({ allowed: false, retryAfterSeconds: 15 });
    now += 15_000;
    expect((await limiter.take('alice')).allowed).toBe(true);
  });
});
