import { useState, type ReactNode } from 'react';
import { styleForLabel } from '../model-view/label-styles.ts';
import { NODE_LABELS } from '../shared-model.ts';
import { ShapeIcon } from './ShapeIcon.tsx';
import { labelName } from '../i18n/model-words.ts';
import { useT } from '../i18n/i18n.ts';

/** A display preference, not case data: kept for the tab's session so the legend stays as the analyst left it. */
const COLLAPSED_KEY = 'maillon.legend-collapsed';

function readCollapsed(): boolean {
  try {
    return sessionStorage.getItem(COLLAPSED_KEY) === 'yes';
  } catch {
    return false;
  }
}

function saveCollapsed(collapsed: boolean): void {
  try {
    sessionStorage.setItem(COLLAPSED_KEY, collapsed ? 'yes' : 'no');
  } catch {
    // Storage refused (private mode): the choice lasts until the legend is drawn again.
  }
}

/** Which colour and shape means which label; lists the labels on the canvas (all when empty). Collapses to one button. */
export function Legend(props: { labels: ReadonlySet<string>; children?: ReactNode }) {
  const [collapsed, setCollapsed] = useState(readCollapsed);
  const t = useT();
  const toggle = () => {
    saveCollapsed(!collapsed);
    setCollapsed(!collapsed);
  };
  const shown = NODE_LABELS.filter((label) => props.labels.size === 0 || props.labels.has(label));
  return (
    <aside className={collapsed ? 'legend collapsed' : 'legend'} aria-label={t.legend.label}>
      <button className="legend-toggle" aria-expanded={!collapsed} onClick={toggle}>
        {collapsed ? t.legend.open : t.legend.shut}
      </button>
      {!collapsed && (
        <ul>
          {shown.map((label) => {
            const style = styleForLabel(label);
            return (
              <li key={label}>
                <ShapeIcon shape={style.shape} color={style.color} /> {labelName(label)}
              </li>
            );
          })}
          <li>
            <svg width="20" height="16" aria-hidden="true">
              <line x1="1" y1="8" x2="19" y2="8" stroke="#e67e22" strokeWidth="2" strokeDasharray="4 3" />
            </svg>{' '}
            {t.legend.alleged}
          </li>
          {props.children}
        </ul>
      )}
    </aside>
  );
}
