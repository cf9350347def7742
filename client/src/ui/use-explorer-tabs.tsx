import { lazy, Suspense, type Dispatch, type ReactNode } from 'react';
import { badgeText } from '../model-view/alerts.ts';
import type { WorkspaceAction, WorkspaceState } from '../model-view/workspace-state.ts';
import { AlertsPanel } from './AlertsPanel.tsx';
import { AnalysisPanel } from './AnalysisPanel.tsx';
import type { NodeActions } from './DetailsPanel.tsx';
import { FiltersPanel } from './FiltersPanel.tsx';
import { PathsPanel } from './PathsPanel.tsx';
import { RedFlagsPanel } from './RedFlagsPanel.tsx';
import { SelectionDetails } from './SelectionDetails.tsx';
import type { SideTab } from './SidePanel.tsx';
import type { useAlerts } from './use-alerts.ts';
import type { useAnalysis } from './use-analysis.ts';
import type { ExpandOptions } from './use-graph-actions.ts';
import type { usePaths } from './use-paths.ts';
import type { useRedFlags } from './use-red-flags.ts';
import { caseTab, factFooter } from '../investigations/case-tabs.tsx';
import type { InvestigationHandle } from '../investigations/use-investigation.ts';
import { useT } from '../i18n/i18n.ts';

/** The map, with d3-geo and the outlines, is loaded the first time its tab is opened. */
const MapView = lazy(async () => ({ default: (await import('../map/MapView.tsx')).MapView }));

/**
 * The side panel's tabs. Further tabs (e.g. "Red flags" from client/src/analytics) are added to
 * this list; each renders lazily, only while active.
 */
export function useExplorerTabs(input: {
  state: WorkspaceState;
  dispatch: Dispatch<WorkspaceAction>;
  selection: readonly string[];
  nodeActions: NodeActions;
  expandOptions: ExpandOptions;
  setExpandOptions: (options: ExpandOptions) => void;
  onError: (error: unknown) => void;
  paths: ReturnType<typeof usePaths>;
  redFlags: ReturnType<typeof useRedFlags>;
  analysis: ReturnType<typeof useAnalysis>;
  /** Insider-lookup alerts; undefined for non-admins, who get no Alerts tab. */
  alerts: ReturnType<typeof useAlerts> | undefined;
  /** Selects one node on the canvas (a key player, a broker). */
  onPick: (id: string) => void;
  /** Selects these nodes on the canvas, in place of its selection (the map's picks). */
  onSelect: (ids: string[]) => void;
  /** The open investigation: notes and history under the details, and the Case tab. */
  investigation: InvestigationHandle;
  canPropose: boolean;
  onProposed: (text: string) => void;
  /** Details of a group node or derived link when one is selected (DerivedDetails.tsx). */
  derivedDetails?: ReactNode;
  /** Tabs added after Analysis (the View tab of the analyst's operations). */
  extraTabs?: readonly SideTab[];
}): SideTab[] {
  const { state, dispatch, paths, redFlags, alerts } = input;
  const t = useT().tabs;
  const tabs: SideTab[] = [
    {
      id: 'details',
      title: t.details,
      render: () =>
        input.derivedDetails ?? (
          <SelectionDetails
            doc={state.doc}
            filters={state.filters}
            selection={input.selection}
            onPick={input.onPick}
            actions={input.nodeActions}
            expandOptions={input.expandOptions}
            onExpandOptions={input.setExpandOptions}
            onError={input.onError}
            footer={factFooter(input)}
          />
        ),
    },
    {
      id: 'paths',
      title: t.paths,
      render: () => <PathsPanel doc={state.doc} selection={input.selection} paths={paths} />,
    },
    {
      id: 'filters',
      title: t.filters,
      render: () => (
        <FiltersPanel
          doc={state.doc}
          filters={state.filters}
          onChange={(filters) => dispatch({ type: 'filters', filters })}
        />
      ),
    },
    {
      id: 'map',
      title: t.map,
      render: () => (
        <Suspense fallback={<p className="muted">{t.loadingMap}</p>}>
          <MapView doc={state.doc} filters={state.filters} selection={input.selection} onSelect={input.onSelect} />
        </Suspense>
      ),
    },
    {
      id: 'red-flags',
      title: t.redFlags,
      render: () => (
        <RedFlagsPanel
          load={redFlags.load}
          shown={redFlags.shown}
          onRefresh={() => void redFlags.refresh()}
          onShow={redFlags.show}
          onClear={redFlags.clear}
        />
      ),
    },
    {
      id: 'analysis',
      title: t.analysis,
      render: () => <AnalysisPanel doc={state.doc} analysis={input.analysis} onPick={input.onPick} />,
    },
    ...(input.extraTabs ?? []),
    caseTab(input),
  ];
  if (!alerts) return tabs;
  return [
    ...tabs,
    {
      id: 'alerts',
      title: t.alerts,
      ...(alerts.unseen > 0 ? { badge: { text: badgeText(alerts.unseen), label: t.newAlerts(alerts.unseen) } } : {}),
      render: () => (
        <AlertsPanel
          load={alerts.load}
          clearing={alerts.clearing}
          clearError={alerts.clearError}
          onRefresh={() => void alerts.refresh()}
          onClearSuspension={(user) => void alerts.clearSuspension(user)}
        />
      ),
    },
  ];
}
