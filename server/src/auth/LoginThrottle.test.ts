import { describe, expect, it } from 'vitest';
import { LoginThrottle } from './LoginThrottle.ts';

describe('LoginThrottle', () => {
  it('lets three failures pass, then doubles the wait', () => {
    let now = 0;
    const throttle = new LoginThrottle(() => now);
    const key = LoginThrottle.key('Ana', '10.0.0.1');
    for (let i = 0; i < 3; i += 1) throttle.recordFailure(key);
    expect(throttle.retryAfterSeconds(key)).toBe(0);
    throttle.recordFailure(key);
    expect(throttle.retryAfterSeconds(key)).toBe(1);
    throttle.recordFailure(key);
    expect(throttle.retryAfterSeconds(key)).toBe(2);
    now += 2000;
    expect(throttle.retryAfterSeconds(key)).toBe(0);
  });

  it('keeps users and addresses apart, and forgives on success', () => {
    const throttle = new LoginThrottle(() => 0);
    const key = LoginThrottle.key('ana', '10.0.0.1');
    for (let i = 0; i < 6; i += 1) throttle.recordFailure(key);
    expect(throttle.retryAfterSeconds(LoginThrottle.key('ana', '10.0.0.2'))).toBe(0);
    expect(throttle.retryAfterSeconds(LoginThrottle.key('ANA', '10.0.0.1'))).toBeGreaterThan(0);
    throttle.recordSuccess(key);
    expect(throttle.retryAfterSeconds(key)).toBe(0);
  });
});
