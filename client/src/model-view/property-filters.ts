/**
 * Filters by property, scoped to one label or relationship type so that "status = indicted"
 * (SUBJECT_OF) never hides a Case, whose status is open or closed. What can be filtered, and
 * the values offered, come from the model (server/src/model via shared-model.ts): a closed
 * vocabulary gives a choice of values, a number a range.
 */
import { NODE_LABELS, NODE_SPECS, REL_SPECS, REL_TYPES, type PropertySpec } from '../shared-model.ts';
import { propertyName } from './property-names.ts';
import { messages } from '../i18n/current.ts';
import { modelWord } from '../i18n/model-words.ts';

export type PropertyFilter =
  | { readonly on: string; readonly key: string; readonly kind: 'values'; readonly values: readonly string[] }
  | { readonly on: string; readonly key: string; readonly kind: 'range'; readonly min?: number; readonly max?: number };

export interface PropertyChoice {
  /** The label or relationship type the property belongs to. */
  readonly on: string;
  readonly key: string;
  /** "Status (SUBJECT_OF)" */
  readonly title: string;
  readonly kind: 'values' | 'range';
  /** The model's closed vocabulary, for a `values` choice. */
  readonly values: readonly string[];
}

function choicesOf(on: string, properties: Readonly<Record<string, PropertySpec>>): PropertyChoice[] {
  return Object.entries(properties).flatMap(([key, spec]): PropertyChoice[] => {
    const title = `${propertyName(key)} (${modelWord(on)})`;
    if (spec.values) return [{ on, key, title, kind: 'values', values: spec.values }];
    if (spec.type === 'number') return [{ on, key, title, kind: 'range', values: [] }];
    return [];
  });
}

/** Every property a filter can use, labels first, in the model's order. */
export function propertyChoices(): PropertyChoice[] {
  return [
    ...NODE_LABELS.flatMap((label) => choicesOf(label, NODE_SPECS[label].properties)),
    ...REL_TYPES.flatMap((type) => choicesOf(type, REL_SPECS[type].properties)),
  ];
}

const asNumber = (value: unknown): number | undefined =>
  typeof value === 'number' && Number.isFinite(value) ? value : undefined;

/** Whether an element of the filter's label or type passes it; other elements are not its business. */
function passes(filter: PropertyFilter, properties: Readonly<Record<string, unknown>>): boolean {
  const value = properties[filter.key];
  if (filter.kind === 'values') {
    if (filter.values.length === 0) return true;
    const listed = Array.isArray(value) ? value : [value];
    return listed.some((v) => typeof v === 'string' && filter.values.includes(v));
  }
  const n = asNumber(value);
  if (filter.min === undefined && filter.max === undefined) return true;
  return (
    n !== undefined && (filter.min === undefined || n >= filter.min) && (filter.max === undefined || n <= filter.max)
  );
}

/** All filters on `on` pass (no filter on it: it passes). */
export function passesAll(
  filters: readonly PropertyFilter[] | undefined,
  on: string,
  properties: Readonly<Record<string, unknown>>,
): boolean {
  return (filters ?? []).every((f) => f.on !== on || passes(f, properties));
}

/** "Status (SUBJECT_OF): indicted", "Amount (PAID): 50 to 100". */
export function describeFilter(filter: PropertyFilter): string {
  const words = messages().filters;
  const title = `${propertyName(filter.key)} (${modelWord(filter.on)})`;
  if (filter.kind === 'values') return `${title}: ${filter.values.join(words.or) || words.any}`;
  const { min, max } = filter;
  const range =
    min !== undefined && max !== undefined
      ? words.range(String(min), String(max))
      : min !== undefined
        ? words.atLeast(String(min))
        : max !== undefined
          ? words.atMost(String(max))
          : words.any;
  return `${title}: ${range}`;
}
