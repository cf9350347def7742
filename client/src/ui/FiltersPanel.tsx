import type { Filters } from '../model-view/filters.ts';
import { toggle } from '../model-view/filters.ts';
import type { GraphDoc } from '../model-view/graph-doc.ts';
import { styleForLabel } from '../model-view/label-styles.ts';
import { NODE_LABELS, REL_TYPES } from '../shared-model.ts';
import { PropertyFiltersEditor } from './PropertyFiltersEditor.tsx';
import { ShapeIcon } from './ShapeIcon.tsx';
import { useT } from '../i18n/i18n.ts';
import { labelName, typeName } from '../i18n/model-words.ts';

function countBy<T>(items: Iterable<T>, key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}

/** Toggles for labels and relationship types present in the workspace, and filters by property. */
export function FiltersPanel(props: { doc: GraphDoc; filters: Filters; onChange: (filters: Filters) => void }) {
  const { filters, onChange } = props;
  const t = useT().filters;
  const labels = countBy(props.doc.nodes.values(), (n) => n.label);
  const types = countBy(props.doc.relationships.values(), (r) => r.type);
  const presentLabels = [...NODE_LABELS, ...[...labels.keys()].filter((l) => !NODE_LABELS.includes(l as never))].filter(
    (l) => labels.has(l),
  );
  const presentTypes = [...REL_TYPES, ...[...types.keys()].filter((t) => !REL_TYPES.includes(t as never))].filter((t) =>
    types.has(t),
  );
  return (
    <section className="filters" aria-label={t.label}>
      {presentLabels.length === 0 && <p className="muted">{t.empty}</p>}
      {presentLabels.length > 0 && (
        <fieldset>
          <legend>{t.labels}</legend>
          {presentLabels.map((label) => (
            <label key={label} className="check">
              <input
                type="checkbox"
                checked={!filters.hiddenLabels.includes(label)}
                onChange={() => onChange({ ...filters, hiddenLabels: toggle(filters.hiddenLabels, label) })}
              />
              <ShapeIcon {...styleForLabel(label)} /> {labelName(label)}{' '}
              <span className="muted">({labels.get(label)})</span>
            </label>
          ))}
        </fieldset>
      )}
      {presentTypes.length > 0 && (
        <fieldset>
          <legend>{t.types}</legend>
          {presentTypes.map((type) => (
            <label key={type} className="check">
              <input
                type="checkbox"
                checked={!filters.hiddenTypes.includes(type)}
                onChange={() => onChange({ ...filters, hiddenTypes: toggle(filters.hiddenTypes, type) })}
              />
              {typeName(type)} <span className="muted">({types.get(type)})</span>
            </label>
          ))}
        </fieldset>
      )}
      <PropertyFiltersEditor
        doc={props.doc}
        value={filters.properties ?? []}
        onChange={(properties) => onChange({ ...filters, properties })}
      />
      {presentLabels.length > 0 && (
        <label className="check">
          <input
            type="checkbox"
            checked={filters.hideLowGraded === true}
            onChange={() => onChange({ ...filters, hideLowGraded: filters.hideLowGraded !== true })}
          />
          {t.lowGraded} <span className="muted">{t.lowGradedHint}</span>
        </label>
      )}
    </section>
  );
}
