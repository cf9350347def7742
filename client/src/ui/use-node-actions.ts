import { useMemo, type Dispatch } from 'react';
import { planAdd, planHide, planRemove, planTogglePin } from '../model-view/graph-changes.ts';
import type { GraphDoc } from '../model-view/graph-doc.ts';
import type { WorkspaceAction } from '../model-view/workspace-state.ts';
import type { ContextMenuState } from './ContextMenu.tsx';
import type { NodeActions } from './DetailsPanel.tsx';
import type { useGraphActions } from './use-graph-actions.ts';
import type { usePaths } from './use-paths.ts';
import { messages } from '../i18n/current.ts';
import { typeName } from '../i18n/model-words.ts';

/** Per-node actions shared by the details panel and the context menu. */
export function useNodeActions(input: {
  dispatch: Dispatch<WorkspaceAction>;
  actions: ReturnType<typeof useGraphActions>;
  paths: ReturnType<typeof usePaths>;
  setTab: (tab: string) => void;
}) {
  const { dispatch, actions, paths, setTab } = input;
  const { setEnd } = paths;
  return useMemo(() => {
    const node: NodeActions = {
      expand: (id) => void actions.expand([id]),
      hide: (id) => dispatch({ type: 'plan', plan: (doc) => planHide(doc, [id]) }),
      togglePin: (id) => dispatch({ type: 'plan', plan: (doc) => planTogglePin(doc, [id]) }),
      remove: (id) => dispatch({ type: 'plan', plan: (doc) => planRemove(doc, [id]) }),
      setPathEnd: (end, id) => {
        setEnd(end, id);
        setTab('paths');
      },
      addNeighbour: (entity, relationship) =>
        dispatch({
          type: 'plan',
          plan: (doc) =>
            planAdd(
              doc,
              { nodes: [entity], relationships: [relationship] },
              {
                description: messages().changes.add(entity.name),
                origin: relationship.source === entity.id ? relationship.target : relationship.source,
              },
            ),
        }),
    };
    const menuFor = (
      target: { id: string; kind: 'node' | 'edge' } | undefined,
      at: { x: number; y: number },
      doc: GraphDoc,
    ): ContextMenuState | undefined => {
      if (!target) return undefined;
      const words = messages();
      if (target.kind === 'edge') {
        const rel = doc.relationships.get(target.id);
        return (
          rel && {
            ...at,
            title: typeName(rel.type),
            items: [{ label: words.menu.removeRelationship, run: () => node.remove(rel.id) }],
          }
        );
      }
      const entity = doc.nodes.get(target.id);
      if (!entity) return undefined;
      const id = entity.id;
      return {
        ...at,
        title: entity.name,
        items: [
          { label: words.common.expand, run: () => node.expand(id) },
          { label: words.common.hide, run: () => node.hide(id) },
          { label: doc.pinned.has(id) ? words.common.unpin : words.common.pin, run: () => node.togglePin(id) },
          { label: words.common.remove, run: () => node.remove(id) },
          { label: words.menu.pathFromHere, run: () => node.setPathEnd('from', id) },
          { label: words.menu.pathToHere, run: () => node.setPathEnd('to', id) },
        ],
      };
    };
    return { ...node, menuFor };
  }, [dispatch, actions, setEnd, setTab]);
}
