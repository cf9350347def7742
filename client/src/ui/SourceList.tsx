import type { Entity } from '../api/types.ts';
import { useT } from '../i18n/i18n.ts';

const text = (entity: Entity, key: string): string | undefined =>
  typeof entity.properties[key] === 'string' ? String(entity.properties[key]) : undefined;

/** Only web links are clickable: a stored url could be anything. */
const safeUrl = (url: string | undefined): string | undefined => (url && /^https?:\/\//i.test(url) ? url : undefined);

export function SourceList(props: { sources: readonly Entity[]; expected: number }) {
  const t = useT();
  if (props.expected === 0) return <p className="muted">{t.details.noSources}</p>;
  return (
    <ul className="sources" aria-label={t.common.sources}>
      {props.sources.map((doc) => {
        const url = safeUrl(text(doc, 'url'));
        const title = text(doc, 'title') ?? doc.name;
        return (
          <li key={doc.id}>
            {url ? (
              <a href={url} target="_blank" rel="noreferrer noopener">
                {title}
              </a>
            ) : (
              <span>{title}</span>
            )}
            <span className="muted">
              {[text(doc, 'publisher'), text(doc, 'publishedAt')].filter(Boolean).join(', ')}
            </span>
          </li>
        );
      })}
      {props.sources.length < props.expected && (
        <li className="muted">{t.details.sourcesHidden(props.expected - props.sources.length)}</li>
      )}
    </ul>
  );
}
