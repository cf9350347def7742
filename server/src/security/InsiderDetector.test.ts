import { describe, expect, it } from 'vitest';
import { MemorySharedState } from '../store/MemorySharedState.ts';
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
  it('raises an alert at once on any read of a canary entity, with the time of the read', async () => {
    const clock = fakeClock();
    const detector = new InsiderDetector({
      rules: { canaryIds: canaryIdsFromEnv(' canary-1, canary-2 ,') },
      clock: clock.now,
    });
    expect((await detector.observe(read('alice', ['p1']))).alerts).toEqual([]);
    const verdict = await detector.observe(read('alice', [], ['x', 'canary-2']));
    expect(verdict.alerts).toHaveLength(1);
    expect(verdict.alerts[0]).toMatchObject({
      kind: 'CANARY_READ',
      user: 'alice',
      entityIds: ['canary-2'],
      at: '2026-03-01T09:00:00.000Z',
    });
    expect(verdict.suspended).toBe(false);
    expect((await detector.listAlerts(10)).map((a) => a.kind)).toEqual(['CANARY_READ']);
  });

  it('alerts once when a user reads more than 50 distinct persons within an hour', async () => {
    const clock = fakeClock();
    const detector = new InsiderDetector({ clock: clock.now });
    expect((await detector.observe(read('bob', persons(0, 50)))).alerts).toEqual([]);
    // Reading the same persons again does not count twice.
    expect((await detector.observe(read('bob', persons(0, 50)))).alerts).toEqual([]);
    clock.advance(30 * MINUTE);
    const crossing = await detector.observe(read('bob', persons(50, 51)));
    expect(crossing.alerts.map((a) => a.kind)).toEqual(['VOLUME']);
    expect(crossing.alerts[0]?.summary).toContain('51 distinct persons');
    expect((await detector.observe(read('bob', persons(51, 60)))).alerts).toEqual([]);
    // Other users are counted separately.
    expect((await detector.observe(read('carol', persons(0, 50)))).alerts).toEqual([]);
  });

  it('forgets reads older than an hour', async () => {
    const clock = fakeClock();
    const detector = new InsiderDetector({ clock: clock.now });
    await detector.observe(read('bob', persons(0, 40)));
    clock.advance(61 * MINUTE);
    expect((await detector.observe(read('bob', persons(40, 80)))).alerts).toEqual([]);
  });

  it('suspends the session above 200 persons until an admin clears it', async () => {
    const clock = fakeClock();
    const detector = new InsiderDetector({ clock: clock.now });
    await detector.observe(read('mallory', persons(0, 150)));
    expect(await detector.isSuspended('mallory')).toBe(false);
    clock.advance(10 * MINUTE);
    const verdict = await detector.observe(read('mallory', persons(150, 201)));
    expect(verdict.suspended).toBe(true);
    expect(verdict.alerts.map((a) => a.kind)).toContain('SESSION_SUSPENDED');
    expect(await detector.isSuspended('mallory')).toBe(true);
    // Time alone does not lift a suspension.
    clock.advance(24 * 60 * MINUTE);
    expect(await detector.isSuspended('mallory')).toBe(true);
    expect(await detector.clearSuspension('mallory')).toBe(true);
    expect(await detector.isSuspended('mallory')).toBe(false);
    expect((await detector.observe(read('mallory', persons(0, 10)))).suspended).toBe(false);
  });

  it('counts one user across detectors sharing one state (several servers, one database)', async () => {
    const clock = fakeClock();
    const state = new MemorySharedState();
    const [one, two, three] = [1, 2, 3].map(() => new InsiderDetector({ state, clock: clock.now })) as [
      InsiderDetector,
      InsiderDetector,
      InsiderDetector,
    ];
    const servers = [one, two, three];
    const verdicts = [];
    for (let i = 0; i < 201; i++) verdicts.push(await (servers[i % 3] ?? one).observe(read('eve', [`person-${i}`])));
    expect(verdicts.findIndex((v) => v.suspended)).toBe(200);
    for (const server of servers) expect(await server.isSuspended('eve')).toBe(true);
    expect(await one.clearSuspension('eve')).toBe(true);
    expect(await three.isSuspended('eve')).toBe(false);
  });

  it("applies the thresholds of the reader's role and an allowance approved in advance", async () => {
    const clock = fakeClock();
    const detector = new InsiderDetector({
      clock: clock.now,
      rules: {
        thresholds: {
          VIEWER: { alert: 2, suspend: 3 },
          INVESTIGATOR: { alert: 50, suspend: 200 },
          ADMIN: { alert: 5, suspend: 10 },
        },
      },
    });
    expect((await detector.observe({ ...read('v', persons(0, 4)), role: 'VIEWER' })).suspended).toBe(true);
    expect((await detector.observe({ ...read('a', persons(0, 4)), role: 'ADMIN' })).suspended).toBe(false);
    await detector.approveBulk({
      user: 'a',
      persons: 100,
      purpose: 'CASE-9 bulk review',
      approvedBy: 'root',
      until: clock.now() + MINUTE,
    });
    expect((await detector.observe({ ...read('a', persons(0, 50)), role: 'ADMIN' })).suspended).toBe(false);
    const volume = await detector.readVolume({ user: 'a', role: 'ADMIN', personIds: persons(45, 60) });
    expect(volume).toMatchObject({ distinctPersons: 50, newPersons: 10, suspendAbove: 110, alertAbove: 105 });
    clock.advance(2 * MINUTE);
    expect((await detector.observe({ ...read('a', persons(50, 51)), role: 'ADMIN' })).suspended).toBe(true);
  });

  it('lists alerts newest first', async () => {
    const clock = fakeClock();
    const detector = new InsiderDetector({ rules: { canaryIds: new Set(['c']) }, clock: clock.now });
    await detector.observe(read('a', [], ['c']));
    clock.advance(MINUTE);
    await detector.observe(read('b', [], ['c']));
    expect((await detector.listAlerts(1)).map((a) => a.user)).toEqual(['b']);
    expect((await detector.listAlerts(5)).map((a) => a.user)).toEqual(['b', 'a']);
  });
});
