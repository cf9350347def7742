import { alertKindTitle, alertSeverity, alertTime, clearableAlertIds } from '../model-view/alerts.ts';
import { BulkApprovalForm } from './BulkApprovalForm.tsx';
import type { AlertsLoad } from './use-alerts.ts';
import { useT } from '../i18n/i18n.ts';

/**
 * Insider-lookup alerts for admins, newest first: who, when, what was read. The ids read are
 * shown as text, not as links to the canvas: opening a canary from here would itself be a read
 * of it and raise a new alert, now in the admin's name.
 */
export function AlertsPanel(props: {
  load: AlertsLoad;
  clearing: string | undefined;
  clearError: string | undefined;
  onRefresh: () => void;
  onClearSuspension: (user: string) => void;
}) {
  const { load } = props;
  const alerts = load.phase === 'loaded' ? load.alerts : [];
  const clearable = clearableAlertIds(alerts);
  const { alerts: t, common } = useT();
  return (
    <section className="alerts" aria-label={t.label}>
      <div className="button-row">
        <button className="secondary" onClick={props.onRefresh} disabled={load.phase === 'loading'}>
          {common.refresh}
        </button>
      </div>
      {load.phase === 'loading' && <p className="muted">{t.loading}</p>}
      {load.phase === 'failed' && (
        <p className="error" role="alert">
          {load.message}
        </p>
      )}
      {props.clearError && (
        <p className="error" role="alert">
          {props.clearError}
        </p>
      )}
      {load.phase === 'loaded' && alerts.length === 0 && <p>{t.none}</p>}
      {alerts.length > 0 && (
        <ol className="flag-list" aria-label={t.list}>
          {alerts.map((alert) => (
            <li key={alert.id}>
              <p>
                <span className={`severity severity-${alertSeverity(alert.kind)}`}>{alertKindTitle(alert.kind)}</span>{' '}
                <strong>{alert.user}</strong> <time dateTime={alert.at}>{alertTime(alert.at)}</time>
              </p>
              <p>{alert.summary}</p>
              {alert.entityIds.length > 0 && (
                <p className="muted">
                  {t.read} <span className="alert-ids">{alert.entityIds.join(', ')}</span>
                </p>
              )}
              {clearable.has(alert.id) && (
                <button
                  className="secondary"
                  onClick={() => props.onClearSuspension(alert.user)}
                  disabled={props.clearing === alert.user}
                >
                  {t.clear}
                </button>
              )}
            </li>
          ))}
        </ol>
      )}
      <BulkApprovalForm />
    </section>
  );
}
