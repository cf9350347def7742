import { toggle } from '../model-view/filters.ts';
import { useOfferedRelTypes } from '../session/viewer.ts';
import type { ExpandOptions } from './use-graph-actions.ts';
import { useT } from '../i18n/i18n.ts';
import { typeName } from '../i18n/model-words.ts';
import { NEIGHBOURHOOD_LIMITS } from '../shared-model.ts';

const MAX_CAP = NEIGHBOURHOOD_LIMITS.maxPerNodeLimit;

/** Which relationship types an expansion follows and how many neighbours it brings at most. */
export function ExpandOptionsEditor(props: { value: ExpandOptions; onChange: (value: ExpandOptions) => void }) {
  const { value, onChange } = props;
  const offered = useOfferedRelTypes();
  const t = useT().expandOptions;
  const summary = value.relTypes.length === 0 ? t.allTypes : value.relTypes.map(typeName).join(', ');
  return (
    <details className="expand-options">
      <summary>{t.summary(summary, value.cap)}</summary>
      <label className="inline">
        {t.cap}
        <input
          type="number"
          min={1}
          max={MAX_CAP}
          value={value.cap}
          onChange={(e) => onChange({ ...value, cap: Math.max(1, Math.min(MAX_CAP, Number(e.target.value) || 1)) })}
        />
      </label>
      <fieldset>
        <legend>{t.types}</legend>
        {offered.map((type) => (
          <label key={type} className="check">
            <input
              type="checkbox"
              checked={value.relTypes.includes(type)}
              onChange={() => onChange({ ...value, relTypes: toggle(value.relTypes, type) })}
            />
            {typeName(type)}
          </label>
        ))}
      </fieldset>
    </details>
  );
}
