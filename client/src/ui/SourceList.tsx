import type { Entity } from '../api/types.ts';

const text = (entity: Entity, key: string): string | undefined =>
  typeof entity.properties[key] === 'string' ? String(entity.properties[key]) : undefined;

/** Only web links are clickable: a stored url could be anything. */
const safeUrl = (url: string | undefined): string | undefined => (url && /^https?:\/\//i.test(url) ? url : undefined);

export function SourceList(props: { sources: readonly Entity[]; expected: number }) {
  if (props.expected === 0) return <p className="muted">No sources recorded.</p>;
  return (
    <ul className="sources" aria-label="Sources">
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
        <li className="muted">{props.expected - props.sources.length} source(s) not available to you.</li>
      )}
    </ul>
  );
}
