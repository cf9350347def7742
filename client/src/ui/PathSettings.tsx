import { toggle } from '../model-view/filters.ts';
import { PATH_MAX_LENGTH, type PathOptions } from '../model-view/path-search.ts';
import { useOfferedRelTypes } from '../session/viewer.ts';
import { NODE_LABELS } from '../shared-model.ts';

/** One line a reader can check at a glance: "up to 6 steps, not through Location". */
function settingsSummary(options: PathOptions): string {
  const avoid = [
    ...(options.excludeLabels.length > 0 ? [`not through ${options.excludeLabels.join(', ')}`] : []),
    ...(options.excludeTypes.length > 0 ? [`not along ${options.excludeTypes.join(', ')}`] : []),
  ];
  return [`up to ${options.maxLength} steps`, ...avoid].join(', ');
}

/** What a path may be: its length, the labels it may not pass through, the types it may not follow. */
export function PathSettings(props: { options: PathOptions; onChange: (options: PathOptions) => void }) {
  const { options, onChange } = props;
  const offered = useOfferedRelTypes();
  return (
    <details className="path-settings">
      <summary data-testid="path-settings-summary">Settings: {settingsSummary(options)}</summary>
      <label className="inline">
        Longest path (steps)
        <input
          type="number"
          aria-label="Longest path (steps)"
          min={1}
          max={PATH_MAX_LENGTH}
          value={options.maxLength}
          onChange={(e) =>
            onChange({ ...options, maxLength: Math.max(1, Math.min(PATH_MAX_LENGTH, Number(e.target.value) || 1)) })
          }
        />
      </label>
      <fieldset aria-label="Do not pass through">
        <legend>Do not pass through (the ends may be any)</legend>
        {NODE_LABELS.map((label) => (
          <label key={label} className="check">
            <input
              type="checkbox"
              checked={options.excludeLabels.includes(label)}
              onChange={() => onChange({ ...options, excludeLabels: toggle(options.excludeLabels, label) })}
            />
            {label}
          </label>
        ))}
      </fieldset>
      <fieldset aria-label="Do not follow">
        <legend>Do not follow</legend>
        {offered.map((type) => (
          <label key={type} className="check">
            <input
              type="checkbox"
              checked={options.excludeTypes.includes(type)}
              onChange={() => onChange({ ...options, excludeTypes: toggle(options.excludeTypes, type) })}
            />
            {type}
          </label>
        ))}
      </fieldset>
    </details>
  );
}
