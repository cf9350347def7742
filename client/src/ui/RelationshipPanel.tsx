import type { Entity, Relationship } from '../api/types.ts';
import { describeDates } from '../model-view/describe.ts';
import { allegedStatus } from '../model-view/elements.ts';
import { PropertyTable } from './PropertyTable.tsx';
import { SourceList } from './SourceList.tsx';
import { useDocuments } from './use-documents.ts';
import { useT } from '../i18n/i18n.ts';
import { typeName } from '../i18n/model-words.ts';

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
  const t = useT();
  return (
    <section className="details" aria-label={t.details.relationship(rel.type)}>
      <header>
        <span className="chip neutral">{typeName(rel.type)}</span>
        <h2>
          {props.source?.name ?? rel.source} → {props.target?.name ?? rel.target}
        </h2>
        {alleged && <p className="alleged-tag">{t.details.allegation(alleged)}</p>}
        {dates && <p>{dates}</p>}
      </header>
      <h3>{t.common.properties}</h3>
      <PropertyTable properties={rel.properties} />
      <h3>{t.common.sources}</h3>
      {sources === undefined ? (
        <p className="muted">{t.common.loading}</p>
      ) : (
        <SourceList sources={sources} expected={rel.sources.length} />
      )}
    </section>
  );
}
