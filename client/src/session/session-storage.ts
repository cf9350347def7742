import type { AuthPayload } from '../api/types.ts';

/**
 * Storage policy. The token and purpose live in sessionStorage (they survive a reload, die with
 * the tab). The workspace (case data) is kept per user in localStorage so it survives a reload
 * and an expired token; an explicit sign-out deletes it along with the token, so nothing
 * sensitive is left on the machine. Export the workspace as JSON before signing out to keep it.
 */
const SESSION_KEY = 'maillon.session';
const workspaceKey = (username: string) => `maillon.workspace.${username}`;

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

export function loadWorkspaceText(username: string): string | undefined {
  return localStorage.getItem(workspaceKey(username)) ?? undefined;
}

export function saveWorkspaceText(username: string, text: string): void {
  try {
    localStorage.setItem(workspaceKey(username), text);
  } catch {
    // Storage full: the workspace still lives in memory and can be exported as JSON.
  }
}

/** Sign-out: nothing of this user's session or case data stays in the browser. */
export function forgetUser(username: string): void {
  clearSession();
  localStorage.removeItem(workspaceKey(username));
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
