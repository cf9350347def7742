import { styleForLabel } from '../model-view/label-styles.ts';
import { NODE_LABELS } from '../shared-model.ts';
import { ShapeIcon } from './ShapeIcon.tsx';

/** Which colour and shape means which label; lists the labels on the canvas (all when empty). */
export function Legend(props: { labels: ReadonlySet<string> }) {
  const shown = NODE_LABELS.filter((label) => props.labels.size === 0 || props.labels.has(label));
  return (
    <aside className="legend" aria-label="Legend">
      <ul>
        {shown.map((label) => {
          const style = styleForLabel(label);
          return (
            <li key={label}>
              <ShapeIcon shape={style.shape} color={style.color} /> {label}
            </li>
          );
        })}
        <li>
          <svg width="20" height="16" aria-hidden="true">
            <line x1="1" y1="8" x2="19" y2="8" stroke="#e67e22" strokeWidth="2" strokeDasharray="4 3" />
          </svg>{' '}
          alleged (suspect, indicted)
        </li>
      </ul>
    </aside>
  );
}
