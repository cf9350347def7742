import { useCallback, useEffect, useMemo, useState } from 'react';
import { api } from '../api/client.ts';
import { ApiError } from '../api/errors.ts';
import { ALERTS, CLEAR_SUSPENSION } from '../api/operations.ts';
import type { Alert } from '../api/types.ts';
import { alertsError, newestAt, unseenCount } from '../model-view/alerts.ts';
import { loadAlertsSeenUntil, saveAlertsSeenUntil } from '../session/session-storage.ts';
import { messages } from '../i18n/current.ts';

export type AlertsLoad =
  | { readonly phase: 'idle' }
  | { readonly phase: 'loading' }
  | { readonly phase: 'loaded'; readonly alerts: readonly Alert[] }
  | { readonly phase: 'failed'; readonly message: string };

/**
 * Every 30 s while the page is visible, plus at once when the tab opens. An alert is
 * worth noticing within a minute, not within a second; each poll is an audited request,
 * so a faster one would fill the trail with the admin's own checks, and a hidden page
 * has no one to notice the badge.
 */
const ALERTS_POLL_MS = 30_000;
const LIMIT = 100;

/** The admin's insider-lookup alerts: polled for the badge, listed in the Alerts tab. `enabled` is false for non-admins, who never ask. */
export function useAlerts(input: { enabled: boolean; panelOpen: boolean; username: string; onExpired: () => void }) {
  const { enabled, panelOpen, username, onExpired } = input;
  const [load, setLoad] = useState<AlertsLoad>({ phase: 'idle' });
  const [seenUntil, setSeenUntil] = useState(() => loadAlertsSeenUntil(username));
  const [clearing, setClearing] = useState<string | undefined>();
  const [clearError, setClearError] = useState<string | undefined>();

  const refresh = useCallback(async () => {
    if (!enabled) return;
    // A poll keeps the list on screen while it asks; only the first load says "loading".
    setLoad((current) => (current.phase === 'loaded' ? current : { phase: 'loading' }));
    try {
      const { alerts } = await api.request(ALERTS, { limit: LIMIT });
      setLoad({ phase: 'loaded', alerts });
    } catch (error) {
      if (error instanceof ApiError && error.code === 'UNAUTHENTICATED') onExpired();
      setLoad({ phase: 'failed', message: alertsError(error, messages().actions.loadAlerts) });
    }
  }, [enabled, onExpired]);

  useEffect(() => {
    if (!enabled) return undefined;
    void refresh();
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') void refresh();
    }, ALERTS_POLL_MS);
    return () => clearInterval(timer);
  }, [enabled, refresh]);

  useEffect(() => {
    if (enabled && panelOpen) void refresh();
  }, [enabled, panelOpen, refresh]);

  // What is listed while the tab is open counts as seen.
  const alerts = load.phase === 'loaded' ? load.alerts : undefined;
  useEffect(() => {
    const newest = panelOpen && alerts ? newestAt(alerts) : undefined;
    if (newest === undefined || (seenUntil !== undefined && newest <= seenUntil)) return;
    setSeenUntil(newest);
    saveAlertsSeenUntil(username, newest);
  }, [panelOpen, alerts, seenUntil, username]);

  const unseen = useMemo(
    () => (alerts && !panelOpen ? unseenCount(alerts, seenUntil) : 0),
    [alerts, panelOpen, seenUntil],
  );

  const clearSuspension = useCallback(
    async (user: string) => {
      setClearing(user);
      setClearError(undefined);
      try {
        await api.request(CLEAR_SUSPENSION, { username: user });
        await refresh();
      } catch (error) {
        if (error instanceof ApiError && error.code === 'UNAUTHENTICATED') onExpired();
        setClearError(alertsError(error, messages().actions.clearSuspension(user)));
      } finally {
        setClearing(undefined);
      }
    },
    [refresh, onExpired],
  );

  return { load, unseen, refresh, clearSuspension, clearing, clearError };
}
