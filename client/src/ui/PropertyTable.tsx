import { formatValue } from '../model-view/describe.ts';

/** Properties as a definition list, skipping the ones shown elsewhere. */
export function PropertyTable(props: { properties: Readonly<Record<string, unknown>>; skip?: readonly string[] }) {
  const entries = Object.entries(props.properties).filter(
    ([key, value]) => !(props.skip ?? []).includes(key) && value !== null && value !== undefined && value !== '',
  );
  if (entries.length === 0) return null;
  return (
    <dl className="properties">
      {entries.map(([key, value]) => (
        <div key={key}>
          <dt>{key}</dt>
          <dd>{formatValue(value)}</dd>
        </div>
      ))}
    </dl>
  );
}
