import { styleForLabel } from '../model-view/label-styles.ts';
import type { SelectionSummary as Summary } from '../model-view/selection-summary.ts';

/** Several nodes selected: counts by label and the neighbours they share, above the last one's details. */
export function SelectionSummary(props: { summary: Summary; onPick: (id: string) => void }) {
  const { summary } = props;
  return (
    <section className="selection-summary" aria-label="Selection">
      <h2>{summary.count} nodes selected</h2>
      <ul className="label-counts" aria-label="Selected by label">
        {summary.byLabel.map(({ label, count }) => (
          <li key={label}>
            <span className="chip" style={{ background: styleForLabel(label).color }}>
              {label}
            </span>{' '}
            {count}
          </li>
        ))}
      </ul>
      <p className="muted">
        {summary.between} relationship{summary.between === 1 ? '' : 's'} between them on the canvas.
      </p>
      <h3>Shared neighbours</h3>
      {summary.shared.length === 0 ? (
        <p className="muted">No drawn node is linked to two or more of them.</p>
      ) : (
        <ul className="shared-neighbours" aria-label="Shared neighbours">
          {summary.shared.map(({ entity, linked }) => (
            <li key={entity.id}>
              <button className="link" onClick={() => props.onPick(entity.id)}>
                {entity.name}
              </button>{' '}
              <span className="muted">
                ({entity.label}) linked to {linked} of {summary.count}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
