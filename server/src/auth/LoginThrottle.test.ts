import { describe, expect, it } from 'vitest';
import { LoginThrottle } from './LoginThrottle.ts';

describe('LoginThrottle', () => {
  it('lets three attempts and a fourth through, then doubles the wait', async () => {
    let now = 0;
    const throttle = new LoginThrottle({ clock: () => now });
    const waits = [];
    for (let i = 0; i < 5; i += 1) waits.push(await throttle.begin('Ana', '10.0.0.1'));
    expect(waits).toEqual([0, 0, 0, 0, 1]);
    now += 1000;
    expect(await throttle.begin('ana', '10.0.0.1')).toBe(0);
    expect(await throttle.begin('ana', '10.0.0.1')).toBe(2);
  });

  it('gives concurrent attempts no more checks than sequential ones', async () => {
    const throttle = new LoginThrottle({ clock: () => 0 });
    const waits = await Promise.all(Array.from({ length: 30 }, () => throttle.begin('ana', '10.0.0.1')));
    expect(waits.filter((wait) => wait === 0)).toHaveLength(4);
  });

  // Ten analysts signing in at once through a shared database were refused "Too many failed
  // sign-ins": their attempts reached the store a few milliseconds out of clock order.
  it('lets free attempts through whatever order their clock readings arrive in', async () => {
    const readings = [1005, 1001, 1003, 1000];
    const throttle = new LoginThrottle({ clock: () => readings.shift() ?? 0 });
    const waits = [];
    for (let i = 0; i < 4; i += 1) waits.push(await throttle.begin(`analyst-${i}`, '10.0.0.1'));
    expect(waits).toEqual([0, 0, 0, 0]);
  });

  it('keeps addresses apart, and forgives on success', async () => {
    const throttle = new LoginThrottle({ clock: () => 0 });
    for (let i = 0; i < 6; i += 1) await throttle.begin('ana', '10.0.0.1');
    expect(await throttle.begin('ana', '10.0.0.2')).toBe(0);
    expect(await throttle.begin('ANA', '10.0.0.1')).toBeGreaterThan(0);
    await throttle.succeeded('ana', '10.0.0.1');
    expect(await throttle.begin('ana', '10.0.0.1')).toBe(0);
  });
});
