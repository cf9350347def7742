import { toggle } from '../model-view/filters.ts';
import { PATH_MAX_LENGTH, type PathOptions } from '../model-view/path-search.ts';
import { useOfferedRelTypes } from '../session/viewer.ts';
import { NODE_LABELS } from '../shared-model.ts';
import { messages, useT } from '../i18n/i18n.ts';
import { labelName, typeName } from '../i18n/model-words.ts';

/** One line a reader can check at a glance: "up to 6 steps, not through Location". */
function settingsSummary(options: PathOptions): string {
  const t = messages().paths;
  const avoid = [
    ...(options.excludeLabels.length > 0 ? [t.notThrough(options.excludeLabels.map(labelName).join(', '))] : []),
    ...(options.excludeTypes.length > 0 ? [t.notAlong(options.excludeTypes.map(typeName).join(', '))] : []),
  ];
  return [t.upTo(options.maxLength), ...avoid].join(', ');
}

/** What a path may be: its length, the labels it may not pass through, the types it may not follow. */
export function PathSettings(props: { options: PathOptions; onChange: (options: PathOptions) => void }) {
  const { options, onChange } = props;
  const offered = useOfferedRelTypes();
  const t = useT().paths;
  return (
    <details className="path-settings">
      <summary data-testid="path-settings-summary">
        {t.settings} {settingsSummary(options)}
      </summary>
      <label className="inline">
        {t.longest}
        <input
          type="number"
          aria-label={t.longest}
          min={1}
          max={PATH_MAX_LENGTH}
          value={options.maxLength}
          onChange={(e) =>
            onChange({ ...options, maxLength: Math.max(1, Math.min(PATH_MAX_LENGTH, Number(e.target.value) || 1)) })
          }
        />
      </label>
      <fieldset aria-label={t.noPassLabel}>
        <legend>{t.noPass}</legend>
        {NODE_LABELS.map((label) => (
          <label key={label} className="check">
            <input
              type="checkbox"
              checked={options.excludeLabels.includes(label)}
              onChange={() => onChange({ ...options, excludeLabels: toggle(options.excludeLabels, label) })}
            />
            {labelName(label)}
          </label>
        ))}
      </fieldset>
      <fieldset aria-label={t.noFollow}>
        <legend>{t.noFollow}</legend>
        {offered.map((type) => (
          <label key={type} className="check">
            <input
              type="checkbox"
              checked={options.excludeTypes.includes(type)}
              onChange={() => onChange({ ...options, excludeTypes: toggle(options.excludeTypes, type) })}
            />
            {typeName(type)}
          </label>
        ))}
      </fieldset>
    </details>
  );
}
