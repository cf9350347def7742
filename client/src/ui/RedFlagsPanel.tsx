import { useEffect, useState } from 'react';
import type { RedFlag } from '../api/types.ts';
import { flagDates, flagsForRule, rulesIn, ruleTitle } from '../model-view/red-flags.ts';
import type { RedFlagsLoad } from './use-red-flags.ts';
import { useI18n, useT } from '../i18n/i18n.ts';

/** The patterns of MODEL.md found in the data, as the server ranks them; a click shows the evidence. */
export function RedFlagsPanel(props: {
  load: RedFlagsLoad;
  shown: RedFlag | undefined;
  onRefresh: () => void;
  onShow: (flag: RedFlag) => void;
  onClear: () => void;
}) {
  const { load, onRefresh } = props;
  const [rule, setRule] = useState('all');
  const { redFlags: t, common } = useT();
  const { dateTime } = useI18n();
  // Loaded the first time the tab opens, not on every sign-in: the query walks the whole graph.
  useEffect(() => {
    if (load.phase === 'idle') onRefresh();
  }, [load.phase, onRefresh]);

  const flags = load.phase === 'loaded' ? load.flags : [];
  const listed = flagsForRule(flags, rule);
  return (
    <section className="red-flags" aria-label={t.label}>
      <div className="button-row">
        <label>
          {t.rule}{' '}
          <select value={rule} onChange={(e) => setRule(e.target.value)} aria-label={t.rule}>
            <option value="all">{t.allRules(flags.length)}</option>
            {rulesIn(flags).map((r) => (
              <option key={r} value={r}>
                {ruleTitle(r)} ({flagsForRule(flags, r).length})
              </option>
            ))}
          </select>
        </label>
        <button className="secondary" onClick={onRefresh} disabled={load.phase === 'loading'}>
          {common.refresh}
        </button>
        {props.shown && (
          <button className="secondary" onClick={props.onClear}>
            {common.clearHighlight}
          </button>
        )}
      </div>
      {load.phase === 'loading' && <p className="muted">{t.looking}</p>}
      {load.phase === 'failed' && (
        <p className="error" role="alert">
          {load.message}
        </p>
      )}
      {load.phase === 'loaded' && load.freshness.computedAt && (
        <p className="muted red-flags-freshness">
          {t.asOf(dateTime(load.freshness.computedAt))}
          {load.freshness.stale && ` ${t.recomputing}`}
        </p>
      )}
      {load.phase === 'loaded' && listed.length === 0 && <p>{t.none}</p>}
      {listed.length > 0 && (
        <ol className="flag-list" aria-label={t.found}>
          {listed.map((flag, index) => (
            <li key={`${flag.rule}-${index}`} className={props.shown === flag ? 'active' : ''}>
              <button className="link" onClick={() => props.onShow(flag)}>
                <span className={`severity severity-${flag.severity}`}>
                  {t.severities[flag.severity] ?? flag.severity}
                </span>{' '}
                {ruleTitle(flag.rule)}
              </button>
              <p>{flag.summary}</p>
              {flagDates(flag) && <p className="muted">{flagDates(flag)}</p>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
