import { useMemo } from 'react';
import type { Entity, Relationship } from '../api/types.ts';
import { groupRelationships } from '../model-view/describe.ts';
import { styleForLabel } from '../model-view/label-styles.ts';
import { ExpandOptionsEditor } from './ExpandOptionsEditor.tsx';
import { PropertyTable } from './PropertyTable.tsx';
import { SourceList } from './SourceList.tsx';
import { useEntityDetails } from './use-entity-details.ts';
import type { ExpandOptions } from './use-graph-actions.ts';
import { useT } from '../i18n/i18n.ts';
import { labelName, typeName } from '../i18n/model-words.ts';

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
  const { details, readAnyway } = useEntityDetails(entity, props.onError);
  const relationships = details.phase === 'ready' ? details.relationships : undefined;
  const t = useT();
  const aliases = entity.properties['aliases'];
  const groups = useMemo(() => {
    if (relationships?.kind !== 'read') return [];
    const nodes = new Map(relationships.neighbourhood.nodes.map((n) => [n.id, n]));
    return groupRelationships(entity.id, relationships.neighbourhood.relationships, nodes);
  }, [relationships, entity.id]);

  return (
    <section className="details" aria-label={t.details.of(entity.name)}>
      <header>
        <span className="chip" style={{ background: styleForLabel(entity.label).color }}>
          {labelName(entity.label)}
        </span>
        <h2>{entity.name}</h2>
        {Array.isArray(aliases) && aliases.length > 0 && (
          <p className="aliases">
            {t.details.aka} <strong>{aliases.join(', ')}</strong>
          </p>
        )}
      </header>
      <div className="button-row">
        <button onClick={() => actions.expand(entity.id)}>{t.common.expand}</button>
        <button className="secondary" onClick={() => actions.hide(entity.id)}>
          {t.common.hide}
        </button>
        <button className="secondary" onClick={() => actions.togglePin(entity.id)}>
          {props.pinned ? t.common.unpin : t.common.pin}
        </button>
        <button className="secondary" onClick={() => actions.remove(entity.id)}>
          {t.common.remove}
        </button>
        <button className="secondary" onClick={() => actions.setPathEnd('from', entity.id)}>
          {t.details.pathFromHere}
        </button>
        <button className="secondary" onClick={() => actions.setPathEnd('to', entity.id)}>
          {t.details.pathToHere}
        </button>
      </div>
      {props.omitted !== undefined && <p className="muted">{t.details.omitted(props.omitted)}</p>}
      <ExpandOptionsEditor value={props.expandOptions} onChange={props.onExpandOptions} />
      <h3>{t.common.properties}</h3>
      <PropertyTable properties={entity.properties} skip={['aliases']} />
      <h3>{t.common.sources}</h3>
      {details.phase === 'loading' && <p className="muted">{t.common.loading}</p>}
      {details.phase === 'ready' && <SourceList sources={details.sources} expected={entity.sources.length} />}
      <h3>{t.common.relationships}</h3>
      {details.phase === 'failed' && <p className="error">{t.details.relationshipsFailed}</p>}
      {relationships?.kind === 'read' && groups.length === 0 && <p className="muted">{t.details.noRelationships}</p>}
      {relationships?.kind === 'declined' && (
        <div data-testid="relationships-declined">
          <p>{t.details.relationshipsDeclined}</p>
          <p className="muted">{relationships.text}</p>
          <button className="secondary" onClick={readAnyway}>
            {t.details.readAnyway}
          </button>
        </div>
      )}
      {relationships?.kind === 'refused' && <p role="alert">{relationships.text}</p>}
      {groups.map((group) => (
        <div key={group.type} className="rel-group">
          <h4>
            {typeName(group.type)} <span className="muted">({group.lines.length})</span>
          </h4>
          <ul>
            {group.lines.map((line) => (
              <li key={line.relationship.id}>
                <button
                  className="link"
                  title={t.details.addToCanvas}
                  onClick={() => line.other && actions.addNeighbour(line.other, line.relationship)}
                >
                  {line.direction === 'out' ? '→ ' : '← '}
                  {line.other?.name ?? line.otherId}
                </button>
                {line.alleged && <span className="alleged-tag"> {t.details.allegedTag(line.alleged)}</span>}
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
