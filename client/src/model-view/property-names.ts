import { messages } from '../i18n/current.ts';
import { COMMON_NODE_PROPERTIES, COMMON_REL_PROPERTIES, NODE_SPECS, REL_SPECS } from '../shared-model.ts';

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
  // The current language's word where there is one (en.ts, fr.ts); else the words of the camelCase key.
  const worded = messages().properties[key];
  if (worded) return worded;
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
