import { useMemo } from 'react';
import type { Entity, Relationship } from '../api/types.ts';
import { groupRelationships } from '../model-view/describe.ts';
import { styleForLabel } from '../model-view/label-styles.ts';
import { ExpandOptionsEditor } from './ExpandOptionsEditor.tsx';
import { PropertyTable } from './PropertyTable.tsx';
import { SourceList } from './SourceList.tsx';
import { useEntityDetails } from './use-entity-details.ts';
import type { ExpandOptions } from './use-graph-actions.ts';

export interface NodeActions {
  expand(id: string): void;
  hide(id: string): void;
  togglePin(id: string): void;
  remove(id: string): void;
  setPathEnd(end: 'from' | 'to', id: string): void;
  addNeighbour(entity: Entity, relationship: Relationship): void;
}

export function DetailsPanel(props: {
  entity: Entity;
  pinned: boolean;
  omitted: number | undefined;
  actions: NodeActions;
  expandOptions: ExpandOptions;
  onExpandOptions: (options: ExpandOptions) => void;
  onError: (error: unknown) => void;
}) {
  const { entity, actions } = props;
  const details = useEntityDetails(entity, props.onError);
  const aliases = entity.properties['aliases'];
  const groups = useMemo(() => {
    if (details.phase !== 'ready') return [];
    const nodes = new Map(details.neighbourhood.nodes.map((n) => [n.id, n]));
    return groupRelationships(entity.id, details.neighbourhood.relationships, nodes);
  }, [details, entity.id]);

  return (
    <section className="details" aria-label={`Details of ${entity.name}`}>
      <header>
        <span className="chip" style={{ background: styleForLabel(entity.label).color }}>
          {entity.label}
        </span>
        <h2>{entity.name}</h2>
        {Array.isArray(aliases) && aliases.length > 0 && (
          <p className="aliases">
            Also known as: <strong>{aliases.join(', ')}</strong>
          </p>
        )}
      </header>
      <div className="button-row">
        <button onClick={() => actions.expand(entity.id)}>Expand</button>
        <button className="secondary" onClick={() => actions.hide(entity.id)}>
          Hide
        </button>
        <button className="secondary" onClick={() => actions.togglePin(entity.id)}>
          {props.pinned ? 'Unpin' : 'Pin'}
        </button>
        <button className="secondary" onClick={() => actions.remove(entity.id)}>
          Remove
        </button>
        <button className="secondary" onClick={() => actions.setPathEnd('from', entity.id)}>
          Path from here
        </button>
        <button className="secondary" onClick={() => actions.setPathEnd('to', entity.id)}>
          Path to here
        </button>
      </div>
      {props.omitted !== undefined && <p className="muted">+{props.omitted} more relationships not shown.</p>}
      <ExpandOptionsEditor value={props.expandOptions} onChange={props.onExpandOptions} />
      <h3>Properties</h3>
      <PropertyTable properties={entity.properties} skip={['aliases']} />
      <h3>Sources</h3>
      {details.phase === 'loading' && <p className="muted">Loading…</p>}
      {details.phase === 'ready' && <SourceList sources={details.sources} expected={entity.sources.length} />}
      <h3>Relationships</h3>
      {details.phase === 'failed' && <p className="error">Could not load the relationships.</p>}
      {details.phase === 'ready' && groups.length === 0 && <p className="muted">No relationships.</p>}
      {groups.map((group) => (
        <div key={group.type} className="rel-group">
          <h4>
            {group.type} <span className="muted">({group.lines.length})</span>
          </h4>
          <ul>
            {group.lines.map((line) => (
              <li key={line.relationship.id}>
                <button
                  className="link"
                  title="Add to the canvas"
                  onClick={() => line.other && actions.addNeighbour(line.other, line.relationship)}
                >
                  {line.direction === 'out' ? '→ ' : '← '}
                  {line.other?.name ?? line.otherId}
                </button>
                {line.alleged && <span className="alleged-tag"> {line.alleged} (alleged, not convicted)</span>}
                {line.dates && <span className="muted"> {line.dates}</span>}
                {line.detail && <div className="muted small-text">{line.detail}</div>}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
