import { describe, expect, it } from 'vitest';
import { canaryIdsFromEnv, InsiderDetector } from './InsiderDetector.ts';

/** A clock the test moves by hand. */
const fakeClock = (start = Date.parse('2026-03-01T09:00:00Z')) => {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
};
const MINUTE = 60_000;
const persons = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => `person-${from + i}`);
const read = (user: string, personIds: string[], entityIds: string[] = personIds) => ({
  user,
  requestId: `req-${user}`,
  personIds,
  entityIds,
});

describe('InsiderDetector', () => {
  it('raises an alert at once on any read of a canary entity, with the time of the read', () => {
    const clock = fakeClock();
    const detector = new InsiderDetector({
      rules: { canaryIds: canaryIdsFromEnv(' canary-1, canary-2 ,') },
      clock: clock.now,
    });
    expect(detector.observe(read('alice', ['p1'])).alerts).toEqual([]);
    const verdict = detector.observe(read('alice', [], ['x', 'canary-2']));
    expect(verdict.alerts).toHaveLength(1);
    expect(verdict.alerts[0]).toMatchObject({
      kind: 'CANARY_READ',
      user: 'alice',
      entityIds: ['canary-2'],
      at: '2026-03-01T09:00:00.000Z',
    });
    expect(verdict.suspended).toBe(false);
    expect(detector.alerts.list(10).map((a) => a.kind)).toEqual(['CANARY_READ']);
  });

  it('alerts once when a user reads more than 50 distinct persons within an hour', () => {
    const clock = fakeClock();
    const detector = new InsiderDetector({ clock: clock.now });
    expect(detector.observe(read('bob', persons(0, 50))).alerts).toEqual([]);
    // Reading the same persons again does not count twice.
    expect(detector.observe(read('bob', persons(0, 50))).alerts).toEqual([]);
    clock.advance(30 * MINUTE);
    const crossing = detector.observe(read('bob', persons(50, 51)));
    expect(crossing.alerts.map((a) => a.kind)).toEqual(['VOLUME']);
    expect(crossing.alerts[0]?.summary).toContain('51 distinct persons');
    expect(detector.observe(read('bob', persons(51, 60))).alerts).toEqual([]);
    // Other users are counted separately.
    expect(detector.observe(read('carol', persons(0, 50))).alerts).toEqual([]);
  });

  it('forgets reads older than an hour', () => {
    const clock = fakeClock();
    const detector = new InsiderDetector({ clock: clock.now });
    detector.observe(read('bob', persons(0, 40)));
    clock.advance(61 * MINUTE);
    expect(detector.observe(read('bob', persons(40, 80))).alerts).toEqual([]);
  });

  it('suspends the session above 200 persons until an admin clears it', () => {
    const clock = fakeClock();
    const detector = new InsiderDetector({ clock: clock.now });
    detector.observe(read('mallory', persons(0, 150)));
    expect(detector.isSuspended('mallory')).toBe(false);
    clock.advance(10 * MINUTE);
    const verdict = detector.observe(read('mallory', persons(150, 201)));
    expect(verdict.suspended).toBe(true);
    expect(verdict.alerts.map((a) => a.kind)).toContain('SESSION_SUSPENDED');
    expect(detector.isSuspended('mallory')).toBe(true);
    // Time alone does not lift a suspension.
    clock.advance(24 * 60 * MINUTE);
    expect(detector.isSuspended('mallory')).toBe(true);
    expect(detector.clearSuspension('mallory')).toBe(true);
    expect(detector.isSuspended('mallory')).toBe(false);
    expect(detector.observe(read('mallory', persons(0, 10))).suspended).toBe(false);
  });

  it('lists alerts newest first', () => {
    const clock = fakeClock();
    const detector = new InsiderDetector({ rules: { canaryIds: new Set(['c']) }, clock: clock.now });
    detector.observe(read('a', [], ['c']));
    clock.advance(MINUTE);
    detector.observe(read('b', [], ['c']));
    expect(detector.alerts.list(1).map((a) => a.user)).toEqual(['b']);
    expect(detector.alerts.list(5).map((a) => a.user)).toEqual(['b', 'a']);
  });
});
