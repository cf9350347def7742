import { useCallback, useMemo, useState, type Dispatch, type RefObject } from 'react';
import type { CanvasHandle } from '../canvas/canvas-handle.ts';
import type { AnalysisStyle } from '../model-view/analysis-style.ts';
import { chartSvg } from '../model-view/chart-svg.ts';
import { isGroupId, newGroupId, planGroup, planUngroup } from '../model-view/groups.ts';
import { NO_STYLE_RULE, ruleStyle, type StyleRule } from '../model-view/style-rules.ts';
import { projectView } from '../model-view/view-projection.ts';
import type { WorkspaceAction, WorkspaceState } from '../model-view/workspace-state.ts';
import type { ContextMenuState } from './ContextMenu.tsx';
import { download, timestamp } from './download.ts';
import { messages } from '../i18n/current.ts';

/** The chart's title until the analyst types one: the interface's words for "network chart". */
const defaultChartTitle = (): string => messages().chart.title;

/**
 * The analyst's operations on the view: collapsing Events, groups, style rules, and the chart's
 * title and SVG export. Collapse and style are display choices (not undoable, like filters);
 * grouping is a graph change, so undo and saved views carry it.
 */
export function useAnalystOps(input: {
  state: WorkspaceState;
  dispatch: Dispatch<WorkspaceAction>;
  canvas: RefObject<CanvasHandle | null>;
  analysisStyle: AnalysisStyle | undefined;
  report: (error: unknown, doing: string) => void;
}) {
  const { state, dispatch, canvas, report } = input;
  const [collapse, setCollapse] = useState(false);
  const [rule, setRule] = useState<StyleRule>(NO_STYLE_RULE);
  const [title, setTitle] = useState(defaultChartTitle);

  const projection = useMemo(
    () => projectView({ doc: state.doc, filters: state.filters, collapseEvents: collapse }),
    [state.doc, state.filters, collapse],
  );
  const styled = useMemo(() => ruleStyle({ rule, projection, doc: state.doc }), [rule, projection, state.doc]);
  const analysisStyle = input.analysisStyle;
  const nodeStyle = useMemo<AnalysisStyle | undefined>(() => {
    if (rule.nodeSize === 'none') return analysisStyle;
    return { sizes: styled.sizes, colours: analysisStyle?.colours ?? new Map() };
  }, [rule.nodeSize, styled.sizes, analysisStyle]);
  const notes = useMemo(() => {
    const lines = [...styled.legend];
    if (projection.edges.some((e) => e.event)) lines.push(messages().analystOps.collapsedNote);
    if (projection.nodes.length > 0) lines.push(messages().analystOps.groupNote);
    return lines;
  }, [styled.legend, projection]);

  const group = useCallback(
    (members: readonly string[], name: string) =>
      dispatch({ type: 'plan', plan: (doc) => planGroup(doc, { id: newGroupId(), name, members }) }),
    [dispatch],
  );
  const ungroup = useCallback(
    (groupId: string) => dispatch({ type: 'plan', plan: (doc) => planUngroup(doc, groupId) }),
    [dispatch],
  );

  /** A double-click opens a group (there is nothing on the server to expand it with); other nodes expand. */
  const expandOrOpen = useCallback(
    (id: string, expand: (ids: readonly string[]) => void) => (isGroupId(id) ? ungroup(id) : expand([id])),
    [ungroup],
  );
  const menuFor = useCallback(
    (target: { id: string; kind: 'node' | 'edge' } | undefined, at: { x: number; y: number }) => {
      const group = target && state.doc.groups?.get(target.id);
      if (!group) return undefined;
      const menu: ContextMenuState = {
        ...at,
        title: `${group.name} (${group.members.length})`,
        items: [{ label: messages().analystOps.openGroupPlain, run: () => ungroup(group.id) }],
      };
      return menu;
    },
    [state.doc.groups, ungroup],
  );

  const chartTitle = title.trim() || defaultChartTitle();
  const exportSvg = useCallback(
    (purpose: string) => {
      const handle = canvas.current;
      if (!handle) return;
      try {
        const labels = [...new Set([...projection.visible.nodes].map((id) => state.doc.nodes.get(id)?.label ?? ''))];
        const svg = chartSvg(handle.scene(), {
          title: chartTitle,
          purpose,
          date: new Date().toISOString(),
          labels: labels.filter(Boolean).sort(),
          notes,
        });
        download(new Blob([svg], { type: 'image/svg+xml' }), `maillon-view-${timestamp()}.svg`);
      } catch (error) {
        report(error, 'export the SVG chart');
      }
    },
    [canvas, projection, state.doc, chartTitle, notes, report],
  );

  return {
    collapse,
    setCollapse,
    rule,
    setRule,
    title,
    setTitle,
    chartTitle,
    projection,
    nodeStyle,
    edgeWidths: rule.edgeWidth === 'none' ? undefined : styled.widths,
    notes,
    group,
    ungroup,
    expandOrOpen,
    menuFor,
    exportSvg,
  };
}

export type AnalystOps = ReturnType<typeof useAnalystOps>;
