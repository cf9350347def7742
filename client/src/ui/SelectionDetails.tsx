import { useMemo, type ReactNode } from 'react';
import { visibleElements, type Filters } from '../model-view/filters.ts';
import type { GraphDoc } from '../model-view/graph-doc.ts';
import { summarizeSelection } from '../model-view/selection-summary.ts';
import { DetailsPanel, type NodeActions } from './DetailsPanel.tsx';
import { RelationshipPanel } from './RelationshipPanel.tsx';
import { SelectionSummary } from './SelectionSummary.tsx';
import type { ExpandOptions } from './use-graph-actions.ts';
import { useT } from '../i18n/i18n.ts';

/**
 * Details of the selected node or relationship, or a hint on how to start. With several nodes
 * selected, what they share comes first, then the last one's details.
 */
export function SelectionDetails(props: {
  doc: GraphDoc;
  /** The filters in force: what several selected nodes share is read among what is drawn. */
  filters: Filters;
  selection: readonly string[];
  onPick: (id: string) => void;
  actions: NodeActions;
  expandOptions: ExpandOptions;
  onExpandOptions: (options: ExpandOptions) => void;
  onError: (error: unknown) => void;
  /** Shown under the details (the investigation's notes and history, the proposal form). */
  footer?: ReactNode;
}) {
  const { doc, selection, filters } = props;
  const t = useT();
  const focused = selection[selection.length - 1];
  const entity = focused ? doc.nodes.get(focused) : undefined;
  const summary = useMemo(() => {
    const nodes = selection.filter((id) => doc.nodes.has(id));
    return nodes.length < 2 ? undefined : summarizeSelection(doc, nodes, visibleElements(doc, filters));
  }, [doc, selection, filters]);
  if (entity) {
    return (
      <>
        {summary && <SelectionSummary summary={summary} onPick={props.onPick} />}
        <DetailsPanel
          key={entity.id}
          entity={entity}
          pinned={doc.pinned.has(entity.id)}
          omitted={doc.omitted.get(entity.id)}
          actions={props.actions}
          expandOptions={props.expandOptions}
          onExpandOptions={props.onExpandOptions}
          onError={props.onError}
        />
        {props.footer}
      </>
    );
  }
  const rel = focused ? doc.relationships.get(focused) : undefined;
  if (rel) {
    return (
      <>
        <RelationshipPanel
          key={rel.id}
          relationship={rel}
          source={doc.nodes.get(rel.source)}
          target={doc.nodes.get(rel.target)}
          onError={props.onError}
        />
        {props.footer}
      </>
    );
  }
  return (
    <>
      <div className="empty-details">
        <p>{t.details.emptyHint}</p>
        <p className="muted">{t.details.emptyMore}</p>
      </div>
      {props.footer}
    </>
  );
}
