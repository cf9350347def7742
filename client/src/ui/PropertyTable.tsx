import { formatValue } from '../model-view/describe.ts';
import { propertyName } from '../model-view/property-names.ts';

/** Properties as a definition list, named in words (the raw key in the title), skipping the ones shown elsewhere. */
export function PropertyTable(props: { properties: Readonly<Record<string, unknown>>; skip?: readonly string[] }) {
  const entries = Object.entries(props.properties).filter(
    ([key, value]) => !(props.skip ?? []).includes(key) && value !== null && value !== undefined && value !== '',
  );
  if (entries.length === 0) return null;
  return (
    <dl className="properties">
      {entries.map(([key, value]) => (
        <div key={key}>
          <dt title={key}>{propertyName(key)}</dt>
          <dd>{formatValue(value)}</dd>
        </div>
      ))}
    </dl>
  );
}
