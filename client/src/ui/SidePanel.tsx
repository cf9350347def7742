import type { ReactNode } from 'react';
import { useT } from '../i18n/i18n.ts';

export interface SideTab {
  readonly id: string;
  readonly title: string;
  readonly render: () => ReactNode;
  /** Something new to look at (e.g. unseen alerts): short text, and what it means for screen readers. */
  readonly badge?: { readonly text: string; readonly label: string };
}

/** Tabbed side panel; tabs are data so new ones (e.g. red flags) plug in without touching this file. */
export function SidePanel(props: { tabs: readonly SideTab[]; active: string; onSelect: (id: string) => void }) {
  const active = props.tabs.find((t) => t.id === props.active) ?? props.tabs[0];
  const words = useT();
  return (
    <aside className="side-panel">
      <div role="tablist" aria-label={words.tabs.panels}>
        {props.tabs.map((tab) => (
          <button
            key={tab.id}
            role="tab"
            id={`tab-${tab.id}`}
            aria-selected={tab.id === active?.id}
            aria-controls={`panel-${tab.id}`}
            className={tab.id === active?.id ? 'active' : ''}
            onClick={() => props.onSelect(tab.id)}
          >
            {tab.title}
            {tab.badge && (
              <span className="tab-badge" data-testid={`tab-badge-${tab.id}`} aria-label={tab.badge.label}>
                {tab.badge.text}
              </span>
            )}
          </button>
        ))}
      </div>
      {active && (
        <div role="tabpanel" id={`panel-${active.id}`} aria-labelledby={`tab-${active.id}`} className="tab-body">
          {active.render()}
        </div>
      )}
    </aside>
  );
}
