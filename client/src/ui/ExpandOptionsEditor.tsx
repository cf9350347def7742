import { toggle } from '../model-view/filters.ts';
import { useOfferedRelTypes } from '../session/viewer.ts';
import type { ExpandOptions } from './use-graph-actions.ts';

/** Which relationship types an expansion follows and how many neighbours it brings at most. */
export function ExpandOptionsEditor(props: { value: ExpandOptions; onChange: (value: ExpandOptions) => void }) {
  const { value, onChange } = props;
  const offered = useOfferedRelTypes();
  const summary = value.relTypes.length === 0 ? 'all types' : value.relTypes.join(', ');
  return (
    <details className="expand-options">
      <summary>
        Expand options: {summary}, up to {value.cap}
      </summary>
      <label className="inline">
        Cap
        <input
          type="number"
          min={1}
          max={1000}
          value={value.cap}
          onChange={(e) => onChange({ ...value, cap: Math.max(1, Math.min(1000, Number(e.target.value) || 1)) })}
        />
      </label>
      <fieldset>
        <legend>Relationship types (none ticked = all)</legend>
        {offered.map((type) => (
          <label key={type} className="check">
            <input
              type="checkbox"
              checked={value.relTypes.includes(type)}
              onChange={() => onChange({ ...value, relTypes: toggle(value.relTypes, type) })}
            />
            {type}
          </label>
        ))}
      </fieldset>
    </details>
  );
}
