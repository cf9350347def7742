import { useCallback, useMemo, useReducer, useRef, useState } from 'react';
import type { User } from '../api/types.ts';
import type { CanvasHandle } from '../canvas/canvas-handle.ts';
import { GraphCanvas } from '../canvas/GraphCanvas.tsx';
import type { LayoutName } from '../canvas/layouts.ts';
import { visibleElements } from '../model-view/filters.ts';
import { INITIAL_WORKSPACE, workspaceReducer } from '../model-view/workspace-state.ts';
import type { Position } from '../model-view/workspace-file.ts';
import { PurposeForm } from '../session/PurposeForm.tsx';
import { CanvasNavigation } from './CanvasNavigation.tsx';
import { OverviewMap } from './OverviewMap.tsx';
import { commandMenu, ContextMenu, type ContextMenuState } from './ContextMenu.tsx';
import { Header } from './Header.tsx';
import { HelpOverlay } from './HelpOverlay.tsx';
import { Legend } from './Legend.tsx';
import { NoticeBar } from './NoticeBar.tsx';
import { SearchBox } from './SearchBox.tsx';
import { SidePanel } from './SidePanel.tsx';
import { StatusLine } from './StatusLine.tsx';
import { TimeBar } from './TimeBar.tsx';
import { Timeline } from './Timeline.tsx';
import { Toolbar } from './Toolbar.tsx';
import { AnalystOpsPanel } from './AnalystOpsPanel.tsx';
import { derivedDetails } from './DerivedDetails.tsx';
import { LegendNotes } from './LegendNotes.tsx';
import { useAlerts } from './use-alerts.ts';
import { useAnalystOps } from './use-analyst-ops.ts';
import { useAnalysis } from './use-analysis.ts';
import { useCommands } from './use-commands.ts';
import { useExplorerTabs } from './use-explorer-tabs.tsx';
import { useGraphActions, type ExpandOptions, type Notice } from './use-graph-actions.ts';
import { useNodeActions } from './use-node-actions.ts';
import { usePaths } from './use-paths.ts';
import { usePersistence, useRestoredWorkspace } from './use-persistence.ts';
import { useRedFlags } from './use-red-flags.ts';
import { useInvestigation } from '../investigations/use-investigation.ts';
import { messages, useT } from '../i18n/i18n.ts';

/** Commands offered by a right-click on the empty canvas. */
const BACKGROUND_MENU = ['fit', 'select-all', 'show-hidden', 'layout', 'export-png', 'export-json'];

export interface ExplorerProps {
  readonly user: User;
  readonly purpose: string;
  readonly onPurposeChange: (purpose: string) => void;
  readonly onSignOut: () => void;
  readonly onExpired: () => void;
}

/** The investigator's workspace: search, canvas, side panel, time bar. */
export function Explorer(props: ExplorerProps) {
  const memory = useMemo(() => new Map<string, Position>(), []);
  const [state, dispatch] = useReducer(workspaceReducer, INITIAL_WORKSPACE);
  const canvas = useRef<CanvasHandle | null>(null);
  const searchInput = useRef<HTMLInputElement>(null);
  const [selection, setSelection] = useState<string[]>([]);
  const [notice, setNotice] = useState<Notice | undefined>();
  const [askPurpose, setAskPurpose] = useState(false);
  const [helpOpen, setHelpOpen] = useState(false);
  const [tab, setTab] = useState('details');
  const [menu, setMenu] = useState<ContextMenuState | undefined>();
  const [layout, setLayout] = useState<LayoutName>('fcose');
  const [moves, setMoves] = useState(0);
  const [expandOptions, setExpandOptions] = useState<ExpandOptions>({ relTypes: [], cap: 50 });
  const t = useT();

  const visible = useMemo(() => visibleElements(state.doc, state.filters), [state.doc, state.filters]);
  const actions = useGraphActions({
    state,
    dispatch,
    canvas,
    memory,
    expandOptions,
    setNotice,
    onExpired: props.onExpired,
    onPurposeRequired: () => setAskPurpose(true),
  });
  const paths = usePaths({ dispatch, report: actions.report });
  const redFlags = useRedFlags({ dispatch, canvas, onExpired: props.onExpired });
  const analysis = useAnalysis({ doc: state.doc, visible, panelOpen: tab === 'analysis' });
  const ops = useAnalystOps({ state, dispatch, canvas, analysisStyle: analysis.style, report: actions.report });
  const exportPng = () => void actions.exportPng({ title: ops.chartTitle, purpose: props.purpose, notes: ops.notes });
  const isAdmin = props.user.role === 'ADMIN';
  const alerts = useAlerts({
    enabled: isAdmin,
    panelOpen: tab === 'alerts',
    username: props.user.username,
    onExpired: props.onExpired,
  });
  const highlighted = useMemo(
    () => new Set([...paths.highlighted, ...redFlags.highlighted]),
    [paths.highlighted, redFlags.highlighted],
  );
  const rereading = useRestoredWorkspace({ username: props.user.username, dispatch, memory, report: actions.report });
  usePersistence({ username: props.user.username, state, moves, canvas, memory, paused: rereading });
  const { onSignOut } = props;
  const signOut = useCallback(() => {
    // The workspace lives only in this tab: signing out discards it, so ask first.
    const unsaved = state.doc.nodes.size > 0;
    if (!unsaved || window.confirm(t.header.confirmSignOut)) onSignOut();
  }, [state.doc.nodes.size, onSignOut, t]);
  const onError = useCallback((error: unknown) => actions.report(error, messages().actions.loadData), [actions]);
  const nodeActions = useNodeActions({ dispatch, actions, paths, setTab });
  const investigation = useInvestigation({
    state,
    dispatch,
    canvas,
    memory,
    moves,
    onPurposeChange: props.onPurposeChange,
    report: actions.report,
    reader: { user: props.user, purpose: props.purpose },
  });

  const runLayout = useCallback(
    (name: LayoutName) =>
      void canvas.current?.layout(name).catch((error: unknown) => actions.report(error, messages().actions.layOut)),
    [actions],
  );
  const context = useCommands({
    selection,
    state,
    dispatch,
    expand: (ids) => void actions.expand(ids),
    fit: () => canvas.current?.fit(),
    selectAll: () => canvas.current?.selectAll(),
    runLayout: () => runLayout(layout),
    focusSearch: () => searchInput.current?.focus(),
    toggleHelp: () => setHelpOpen((open) => !open),
    exportPng,
    exportJson: actions.exportJson,
  });

  const onSelectionChange = useCallback(
    (ids: string[]) => {
      setSelection(ids);
      const nodes = ids.filter((id) => state.doc.nodes.has(id));
      if (nodes.length === 2) paths.setEnds({ from: nodes[0], to: nodes[1] });
    },
    [state.doc, paths],
  );
  const canvasEvents = {
    onSelectionChange,
    onExpand: (id: string) => ops.expandOrOpen(id, (ids) => void actions.expand(ids)),
    onMoved: () => setMoves((m) => m + 1),
    onContextMenu: (target: { id: string; kind: 'node' | 'edge' } | undefined, at: { x: number; y: number }) =>
      setMenu(
        ops.menuFor(target, at) ??
          nodeActions.menuFor(target, at, state.doc) ??
          commandMenu(BACKGROUND_MENU, context, at),
      ),
  };

  const tabs = useExplorerTabs({
    state,
    dispatch,
    selection,
    nodeActions,
    expandOptions,
    setExpandOptions,
    onError,
    paths,
    redFlags,
    analysis,
    alerts: isAdmin ? alerts : undefined,
    investigation,
    canPropose: props.user.role !== 'VIEWER',
    onProposed: (text: string) => setNotice({ kind: 'info', text }),
    onPick: (id) => canvas.current?.select([id]),
    onSelect: (ids) => canvas.current?.select(ids),
    derivedDetails: derivedDetails({ doc: state.doc, projection: ops.projection, selection, onOpenGroup: ops.ungroup }),
    extraTabs: [
      {
        id: 'view',
        title: t.analystOps.tab,
        render: () => (
          <AnalystOpsPanel
            doc={state.doc}
            selection={selection}
            ops={ops}
            onExportPng={exportPng}
            onExportSvg={() => ops.exportSvg(props.purpose)}
          />
        ),
      },
    ],
  });
  const openNotes = investigation.open?.notes;
  const noted = useMemo(() => new Set((openNotes ?? []).map((n) => n.targetId)), [openNotes]);
  const labelsOnCanvas = useMemo(() => new Set([...state.doc.nodes.values()].map((n) => n.label)), [state.doc]);
  // What the canvas draws: collapsed events and groups counted as drawn, not as held.
  const drawn = ops.projection;
  const counts = {
    nodes: drawn.visible.nodes.size + drawn.nodes.length,
    relationships: drawn.visible.relationships.size + drawn.edges.length,
  };

  return (
    <div className="explorer">
      <Header
        user={props.user}
        purpose={props.purpose}
        onChangePurpose={() => setAskPurpose(true)}
        onSignOut={signOut}
        onHelp={() => setHelpOpen(true)}
        search={<SearchBox inputRef={searchInput} onPick={(e) => void actions.addEntity(e)} onError={onError} />}
      />
      {notice && <NoticeBar notice={notice} onDismiss={() => setNotice(undefined)} />}
      <Toolbar
        context={context}
        layout={layout}
        onLayout={(name) => {
          setLayout(name);
          runLayout(name);
        }}
        onImport={(file) => void actions.importJson(file)}
        undoLabel={state.history.past[state.history.past.length - 1]?.description}
      />
      <div className="workspace">
        <div className="canvas-area">
          <GraphCanvas
            doc={state.doc}
            visible={ops.projection.visible}
            derived={ops.projection}
            edgeWidths={ops.edgeWidths}
            origin={state.lastChange?.origin}
            highlighted={highlighted}
            noted={noted}
            analysisStyle={ops.nodeStyle}
            events={canvasEvents}
            handleRef={canvas}
            memory={memory}
          />
          <CanvasNavigation canvas={canvas} hasSelection={selection.length > 0} />
          <OverviewMap canvas={canvas} nodes={state.doc.nodes.size} />
          <Legend labels={labelsOnCanvas}>
            <LegendNotes notes={ops.notes} />
          </Legend>
          {menu && <ContextMenu menu={menu} onClose={() => setMenu(undefined)} />}
        </div>
        <SidePanel tabs={tabs} active={tab} onSelect={setTab} />
      </div>
      <Timeline
        doc={state.doc}
        visible={visible}
        selection={selection}
        onSelect={(id) => canvas.current?.select([id])}
      />
      <TimeBar doc={state.doc} filters={state.filters} onChange={(filters) => dispatch({ type: 'filters', filters })} />
      <StatusLine
        {...counts}
        totalNodes={state.doc.nodes.size}
        selected={selection.length}
        renderer={canvas.current?.renderer ?? 'canvas'}
      />
      {helpOpen && <HelpOverlay onClose={() => setHelpOpen(false)} />}
      {askPurpose && (
        <div className="overlay" role="dialog" aria-modal="true" aria-label={t.purpose.changeDialog}>
          <PurposeForm
            initial={props.purpose}
            username={props.user.username}
            onSubmit={(purpose) => {
              setAskPurpose(false);
              props.onPurposeChange(purpose);
            }}
            onCancel={() => setAskPurpose(false)}
          />
        </div>
      )}
    </div>
  );
}
