import type { Entity, Relationship } from '../api/types.ts';

/** Tiny graph literals for tests: a trafficker, his alias, an agency, a case. */
export const person = (id: string, name = id, properties: Record<string, unknown> = {}): Entity => ({
  id,
  label: 'Person',
  name,
  properties,
  sources: [],
});

export const entity = (id: string, label: string, properties: Record<string, unknown> = {}): Entity => ({
  id,
  label,
  name: id,
  properties,
  sources: [],
});

export const rel = (
  id: string,
  source: string,
  target: string,
  type = 'ASSOCIATE_OF',
  properties: Record<string, unknown> = {},
): Relationship => ({ id, type, source, target, properties, sources: [] });
