import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/errors.ts';
import type { Alert } from '../api/types.ts';
import {
  alertKindTitle,
  alertSeverity,
  alertsError,
  alertTime,
  badgeText,
  clearableAlertIds,
  newestAt,
  unseenCount,
} from './alerts.ts';

const alert = (id: string, at: string, extra: Partial<Alert> = {}): Alert => ({
  id,
  at,
  kind: 'CANARY_READ',
  user: 'ana',
  summary: 'ana read canary entity record-x',
  entityIds: ['record-x'],
  userSuspended: false,
  ...extra,
});

// Newest first, as the server lists them.
const alerts = [
  alert('a3', '2026-03-01T10:00:02.000Z', { kind: 'SESSION_SUSPENDED', user: 'bob', userSuspended: true }),
  alert('a2', '2026-03-01T10:00:01.000Z', { kind: 'VOLUME', user: 'bob', userSuspended: true }),
  alert('a1', '2026-03-01T09:00:00.000Z'),
];

describe('alerts in the panel', () => {
  it('counts as new only what came after the newest alert already seen', () => {
    expect(unseenCount(alerts, undefined)).toBe(3);
    expect(unseenCount(alerts, '2026-03-01T09:00:00.000Z')).toBe(2);
    expect(unseenCount(alerts, newestAt(alerts))).toBe(0);
    expect(newestAt([])).toBeUndefined();
    expect(newestAt([...alerts].reverse())).toBe('2026-03-01T10:00:02.000Z');
  });

  it('keeps the badge short', () => {
    expect(badgeText(7)).toBe('7');
    expect(badgeText(250)).toBe('99+');
  });

  it('offers "Clear suspension" once per suspended user, on their newest alert', () => {
    expect([...clearableAlertIds(alerts)]).toEqual(['a3']);
    expect(clearableAlertIds(alerts.map((a) => ({ ...a, userSuspended: false }))).size).toBe(0);
  });

  it('reads kinds and times as words', () => {
    expect(alertKindTitle('CANARY_READ')).toBe('Canary read');
    expect(alertKindTitle('VOLUME')).toBe('Volume alert');
    expect(alertKindTitle('SESSION_SUSPENDED')).toBe('Suspension');
    expect(alertKindTitle('SOMETHING_NEW')).toBe('SOMETHING_NEW');
    expect(['CANARY_READ', 'SESSION_SUSPENDED', 'VOLUME', 'SOMETHING_NEW'].map(alertSeverity)).toEqual([
      'high',
      'high',
      'medium',
      'low',
    ]);
    expect(alertTime('2026-03-01T10:00:02.123Z')).toBe('2026-03-01 10:00:02 UTC');
    expect(alertTime('not a time')).toBe('not a time');
  });

  it('says plainly when an account may not read alerts', () => {
    expect(alertsError(new ApiError('FORBIDDEN', 'alerts needs the ADMIN role'), 'load the alerts')).toBe(
      'Alerts are for administrators only.',
    );
    expect(alertsError(new ApiError('NETWORK', ''), 'load the alerts')).toMatch(/cannot be reached/);
  });
});
