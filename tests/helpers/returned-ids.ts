/**
 * The entity ids a GraphQL answer hands out, read from its JSON alone: entities
 * (objects with an id and a label: nodes, search hits, path and red-flag nodes),
 * both ends of every relationship, and the ids of neighbours a cap left out.
 * Deliberately written apart from the server's own collector
 * (server/src/audit/returned-entities.ts), so a blind spot there shows up here.
 * Ids that only refer to entities (an audit record's entityIds, an alert's) are
 * not reads of them and are not counted.
 */

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

export function returnedEntityIds(data: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(data)) {
    for (const item of data) returnedEntityIds(item, into);
    return into;
  }
  if (!isRecord(data)) return into;
  const { id, label, source, target, count } = data;
  if (typeof id === 'string' && (typeof label === 'string' || typeof count === 'number')) into.add(id);
  if (typeof source === 'string') into.add(source);
  if (typeof target === 'string') into.add(target);
  for (const value of Object.values(data)) if (typeof value === 'object') returnedEntityIds(value, into);
  return into;
}
