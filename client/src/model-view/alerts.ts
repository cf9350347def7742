/**
 * What the Alerts panel shows of the server's insider-lookup alerts: words for
 * their kinds, which ones are new, and where to offer "Clear suspension".
 */
import { ApiError, plainMessage } from '../api/errors.ts';
import type { Alert } from '../api/types.ts';
import { messages } from '../i18n/current.ts';

/** 'CANARY_READ' reads as 'Canary read'; a kind this client does not know yet is shown as sent. */
export const alertKindTitle = (kind: string): string => messages().alerts.kinds[kind] ?? kind;

/** How loud an alert is drawn: a canary read or a suspension at once, volume a step lower. */
export function alertSeverity(kind: string): 'high' | 'medium' | 'low' {
  if (kind === 'CANARY_READ' || kind === 'SESSION_SUSPENDED' || kind === 'IDENTITY_LEAK_BLOCKED') return 'high';
  return kind === 'VOLUME' ? 'medium' : 'low';
}

/** An alert's time in UTC, to the second, as an audit log would write it. */
export function alertTime(at: string): string {
  const date = new Date(at);
  return Number.isNaN(date.getTime()) ? at : `${date.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

/** The newest time in a list, undefined for none (ISO times sort as text). */
export function newestAt(alerts: readonly Alert[]): string | undefined {
  return alerts.reduce<string | undefined>(
    (newest, a) => (newest === undefined || a.at > newest ? a.at : newest),
    undefined,
  );
}

/** How many alerts came after the newest one the admin has already seen. */
export function unseenCount(alerts: readonly Alert[], seenUntil: string | undefined): number {
  return seenUntil === undefined ? alerts.length : alerts.filter((a) => a.at > seenUntil).length;
}

/** The badge text: a count, capped so it stays short. */
export const badgeText = (count: number): string => (count > 99 ? '99+' : String(count));

/**
 * Which alerts carry "Clear suspension": for each user suspended now, the newest of their
 * alerts (the list is newest first), so one user gets one button however many alerts they raised.
 */
export function clearableAlertIds(alerts: readonly Alert[]): ReadonlySet<string> {
  const users = new Set<string>();
  const ids = new Set<string>();
  for (const alert of alerts) {
    if (!alert.userSuspended || users.has(alert.user)) continue;
    users.add(alert.user);
    ids.add(alert.id);
  }
  return ids;
}

/** Why the alerts could not be loaded or a suspension not cleared, in plain words. */
export function alertsError(error: unknown, action: string): string {
  if (error instanceof ApiError && error.code === 'FORBIDDEN') return messages().alerts.adminsOnly;
  return plainMessage(error, action);
}
