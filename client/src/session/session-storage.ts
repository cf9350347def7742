import type { AuthPayload } from '../api/types.ts';

import { forgetWorkspace } from './workspace-memory.ts';

/**
 * Storage policy. The token and purpose live in sessionStorage (they survive a reload, die with
 * the tab). No entity data is ever stored in the browser: the workspace stays in memory
 * (workspace-memory.ts), so a reload re-reads from the server whatever is shown.
 */
const SESSION_KEY = 'maillon.session';

export interface StoredSession {
  readonly auth: AuthPayload;
  readonly purpose?: string;
}

export function loadSession(): StoredSession | undefined {
  try {
    const raw = sessionStorage.getItem(SESSION_KEY);
    if (!raw) return undefined;
    const parsed = JSON.parse(raw) as StoredSession;
    if (typeof parsed.auth?.token !== 'string' || typeof parsed.auth.user?.username !== 'string') return undefined;
    if (Date.parse(parsed.auth.expiresAt) < Date.now()) return undefined;
    return parsed;
  } catch {
    return undefined;
  }
}

export function saveSession(session: StoredSession): void {
  sessionStorage.setItem(SESSION_KEY, JSON.stringify(session));
}

export function clearSession(): void {
  sessionStorage.removeItem(SESSION_KEY);
}

/** Sign-out: nothing of this user's session or case data stays in the tab. */
export function forgetUser(username: string): void {
  clearSession();
  forgetWorkspace(username);
}

const alertsSeenKey = (username: string) => `maillon.alerts-seen.${username}`;

/**
 * The time of the newest alert an admin has looked at. It is not case data, so it stays after
 * sign-out: the next sign-in then counts only alerts raised since, not the whole list again.
 */
export function loadAlertsSeenUntil(username: string): string | undefined {
  return localStorage.getItem(alertsSeenKey(username)) ?? undefined;
}

export function saveAlertsSeenUntil(username: string, at: string): void {
  try {
    localStorage.setItem(alertsSeenKey(username), at);
  } catch {
    // Storage full: the badge counts from the start of this session instead.
  }
}
