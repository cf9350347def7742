import { COMMON_NODE_PROPERTIES, COMMON_REL_PROPERTIES, NODE_SPECS, REL_SPECS } from '../shared-model.ts';

/**
 * Names that the words of the key alone would not give well (units, abbreviations, dates named by
 * their verb). Everything else reads from its camelCase: `staffWithFileAccess` is "Staff with file access".
 */
const WORDED: Readonly<Record<string, string>> = {
  declaredKg: 'Declared (kg)',
  declaredKgMax: 'Declared, at most (kg)',
  actualKg: 'Actual (kg)',
  seizedKg: 'Seized (kg)',
  kg: 'Quantity (kg)',
  annualTurnoverEur: 'Annual turnover (EUR)',
  amountMax: 'Amount, at most',
  at: 'Date',
  departedAt: 'Departed',
  arrivedAt: 'Arrived',
  publishedAt: 'Published',
  lat: 'Latitude',
  lon: 'Longitude',
  url: 'Web address',
  id: 'Identifier',
};

/** Every property key the model declares, on a label or a relationship type. */
export function modelPropertyKeys(): string[] {
  const keys = new Set<string>([...Object.keys(COMMON_NODE_PROPERTIES), ...Object.keys(COMMON_REL_PROPERTIES)]);
  for (const spec of [...Object.values(NODE_SPECS), ...Object.values(REL_SPECS)]) {
    for (const key of Object.keys(spec.properties)) keys.add(key);
  }
  return [...keys];
}

/** A property as a reader names it: `declaredKg` is "Declared (kg)", `birthDate` is "Birth date". */
export function propertyName(key: string): string {
  const worded = WORDED[key];
  if (worded) return worded;
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
