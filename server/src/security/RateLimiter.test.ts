import { describe, expect, it } from 'vitest';
import { perMinute, RateLimiter } from './RateLimiter.ts';

describe('RateLimiter', () => {
  it('allows a burst, refuses the next request and refills with time', () => {
    let now = 0;
    const limiter = new RateLimiter({ limit: { burst: 3, perMinute: 60 }, clock: () => now });
    expect([1, 2, 3].map(() => limiter.take('alice').allowed)).toEqual([true, true, true]);
    expect(limiter.take('alice')).toEqual({ allowed: false, retryAfterSeconds: 1 });
    // Another user has their own bucket.
    expect(limiter.take('bob').allowed).toBe(true);
    now += 1000;
    expect(limiter.take('alice').allowed).toBe(true);
    expect(limiter.take('alice').allowed).toBe(false);
  });

  it('allows bursts of half the per-minute rate', () => {
    expect(perMinute(120)).toEqual({ perMinute: 120, burst: 60 });
    expect(perMinute(1)).toEqual({ perMinute: 1, burst: 1 });
  });
});
