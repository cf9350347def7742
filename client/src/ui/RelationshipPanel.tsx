import type { Entity, Relationship } from '../api/types.ts';
import { describeDates } from '../model-view/describe.ts';
import { allegedStatus } from '../model-view/elements.ts';
import { PropertyTable } from './PropertyTable.tsx';
import { SourceList } from './SourceList.tsx';
import { useDocuments } from './use-documents.ts';

export function RelationshipPanel(props: {
  relationship: Relationship;
  source: Entity | undefined;
  target: Entity | undefined;
  onError: (error: unknown) => void;
}) {
  const { relationship: rel } = props;
  const sources = useDocuments(rel.sources, props.onError);
  const alleged = allegedStatus(rel);
  const dates = describeDates(rel.properties);
  return (
    <section className="details" aria-label={`Relationship ${rel.type}`}>
      <header>
        <span className="chip neutral">{rel.type}</span>
        <h2>
          {props.source?.name ?? rel.source} → {props.target?.name ?? rel.target}
        </h2>
        {alleged && <p className="alleged-tag">Status “{alleged}” is an allegation, not a conviction.</p>}
        {dates && <p>{dates}</p>}
      </header>
      <h3>Properties</h3>
      <PropertyTable properties={rel.properties} />
      <h3>Sources</h3>
      {sources === undefined ? (
        <p className="muted">Loading…</p>
      ) : (
        <SourceList sources={sources} expected={rel.sources.length} />
      )}
    </section>
  );
}
