import { useState } from 'react';
import type { GraphDoc } from '../model-view/graph-doc.ts';
import {
  describeFilter,
  propertyChoices,
  type PropertyChoice,
  type PropertyFilter,
} from '../model-view/property-filters.ts';
import { useT } from '../i18n/i18n.ts';

const numberOrUndefined = (text: string): number | undefined => {
  const n = Number(text);
  return text.trim() === '' || !Number.isFinite(n) ? undefined : n;
};

/** Adds a filter on one property of a label or type present on the canvas; lists those in force. */
export function PropertyFiltersEditor(props: {
  doc: GraphDoc;
  value: readonly PropertyFilter[];
  onChange: (value: PropertyFilter[]) => void;
}) {
  const present = new Set([
    ...[...props.doc.nodes.values()].map((n) => n.label),
    ...[...props.doc.relationships.values()].map((r) => r.type),
  ]);
  const choices = propertyChoices().filter((c) => present.has(c.on));
  const [picked, setPicked] = useState<string>('');
  const { filters: t, common } = useT();
  const { remove, from, to } = common;
  const [values, setValues] = useState<string[]>([]);
  const [min, setMin] = useState('');
  const [max, setMax] = useState('');
  const choice: PropertyChoice | undefined = choices.find((c) => `${c.on}.${c.key}` === picked);
  const add = () => {
    if (!choice) return;
    const filter: PropertyFilter =
      choice.kind === 'values'
        ? { on: choice.on, key: choice.key, kind: 'values', values }
        : {
            on: choice.on,
            key: choice.key,
            kind: 'range',
            ...(numberOrUndefined(min) !== undefined ? { min: numberOrUndefined(min) } : {}),
            ...(numberOrUndefined(max) !== undefined ? { max: numberOrUndefined(max) } : {}),
          };
    props.onChange([...props.value.filter((f) => f.on !== choice.on || f.key !== choice.key), filter]);
    setValues([]);
    setMin('');
    setMax('');
  };
  if (choices.length === 0 && props.value.length === 0) return null;
  return (
    <fieldset aria-label={t.byProperty}>
      <legend>{t.byProperty}</legend>
      {props.value.length > 0 && (
        <ul className="property-filters" aria-label={t.inForce}>
          {props.value.map((f) => (
            <li key={`${f.on}.${f.key}`}>
              {describeFilter(f)}{' '}
              <button className="link" onClick={() => props.onChange(props.value.filter((g) => g !== f))}>
                {remove}
              </button>
            </li>
          ))}
        </ul>
      )}
      <label className="inline">
        {t.property}
        <select aria-label={t.property} value={picked} onChange={(e) => setPicked(e.target.value)}>
          <option value="">{t.choose}</option>
          {choices.map((c) => (
            <option key={`${c.on}.${c.key}`} value={`${c.on}.${c.key}`}>
              {c.title}
            </option>
          ))}
        </select>
      </label>
      {choice?.kind === 'values' &&
        choice.values.map((v) => (
          <label key={v} className="check">
            <input
              type="checkbox"
              checked={values.includes(v)}
              onChange={() => setValues(values.includes(v) ? values.filter((x) => x !== v) : [...values, v])}
            />
            {v}
          </label>
        ))}
      {choice?.kind === 'range' && (
        <>
          <label className="inline">
            {from}
            <input aria-label={t.atLeastLabel} type="number" value={min} onChange={(e) => setMin(e.target.value)} />
          </label>
          <label className="inline">
            {to}
            <input aria-label={t.atMostLabel} type="number" value={max} onChange={(e) => setMax(e.target.value)} />
          </label>
        </>
      )}
      {choice && <button onClick={add}>{t.showOnly}</button>}
    </fieldset>
  );
}
