import { styleForLabel } from '../model-view/label-styles.ts';
import type { SelectionSummary as Summary } from '../model-view/selection-summary.ts';
import { useT } from '../i18n/i18n.ts';
import { labelName } from '../i18n/model-words.ts';

/** Several nodes selected: counts by label and the neighbours they share, above the last one's details. */
export function SelectionSummary(props: { summary: Summary; onPick: (id: string) => void }) {
  const { summary } = props;
  const t = useT().selection;
  return (
    <section className="selection-summary" aria-label={t.label}>
      <h2>{t.count(summary.count)}</h2>
      <ul className="label-counts" aria-label={t.byLabel}>
        {summary.byLabel.map(({ label, count }) => (
          <li key={label}>
            <span className="chip" style={{ background: styleForLabel(label).color }}>
              {labelName(label)}
            </span>{' '}
            {count}
          </li>
        ))}
      </ul>
      <p className="muted">{t.between(summary.between)}</p>
      <h3>{t.shared}</h3>
      {summary.shared.length === 0 ? (
        <p className="muted">{t.noShared}</p>
      ) : (
        <ul className="shared-neighbours" aria-label={t.shared}>
          {summary.shared.map(({ entity, linked }) => (
            <li key={entity.id}>
              <button className="link" onClick={() => props.onPick(entity.id)}>
                {entity.name}
              </button>{' '}
              <span className="muted">{t.linked(labelName(entity.label), linked, summary.count)}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
