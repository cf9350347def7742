/**
 * The graph in pages for an export (ports/GraphExport.ts), values with their column types:
 * DOUBLE columns come back as JS numbers (floats), INT64 as bigints, so nothing is rounded.
 * Pages resume after a key (keyset paging) rather than SKIP, so a page reads no earlier rows.
 */
import type { KuzuValue } from 'kuzu';
import { isNodeLabel, isRelType } from '../../model/index.ts';
import type {
  ExportNode,
  ExportRelationship,
  NodePage,
  RelationshipPage,
  StoredProperties,
  StoredValue,
} from '../ports/GraphExport.ts';
import type { ReadScope } from '../ports/read-scope.ts';
import { HIDDEN_NODE_COLUMNS, quote } from './ddl.ts';
import type { KuzuConnection, Params } from './KuzuConnection.ts';
import { isObject } from './rows.ts';
import { visibleTypes } from './visible.ts';

const wholeLimit = (n: number): number => Math.max(0, Math.floor(n));

function storedValue(value: KuzuValue): StoredValue | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string' || typeof value === 'boolean' || typeof value === 'number') return value;
  if (typeof value === 'bigint') return value;
  if (value instanceof Date) return { temporal: 'datetime', iso: value.toISOString() };
  if (Array.isArray(value)) return value.flatMap((item) => storedValue(item) ?? []);
  throw new Error(`A stored value of an unexpected kind cannot be exported: ${typeof value}`);
}

/** The table's columns but Kùzu's internal fields, the search columns and `id`; nulls left out. */
function storedProperties(value: KuzuValue | undefined): StoredProperties {
  if (!isObject(value)) throw new Error('Expected a Kùzu node or relationship value');
  const properties: Record<string, StoredValue> = {};
  for (const [key, v] of Object.entries(value)) {
    if (key.startsWith('_') || key === 'id' || HIDDEN_NODE_COLUMNS.has(key)) continue;
    const stored = storedValue(v);
    if (stored !== undefined) properties[key] = stored;
  }
  return properties;
}

const asString = (value: KuzuValue | undefined): string => (typeof value === 'string' ? value : '');

export async function exportNodes(connection: KuzuConnection, page: NodePage): Promise<ExportNode[]> {
  if (page.ids?.length === 0) return [];
  const where: string[] = [];
  const params: Params = {};
  if (page.after !== undefined) {
    where.push('n.id > $after');
    params.after = page.after;
  }
  if (page.ids !== undefined) {
    where.push('n.id IN $ids');
    params.ids = [...page.ids];
  }
  const rows = await connection.query(
    `MATCH (n:${quote(page.label)}) ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
     RETURN n ORDER BY n.id LIMIT ${wholeLimit(page.limit)}`,
    params,
  );
  return rows.map((row) => ({
    id: asString(isObject(row.n) ? row.n.id : null),
    label: page.label,
    properties: storedProperties(row.n),
  }));
}

export async function exportRelationships(
  connection: KuzuConnection,
  page: RelationshipPage,
  scope: ReadScope,
): Promise<ExportRelationship[]> {
  if (!visibleTypes(scope).includes(page.type) || page.ids?.length === 0) return [];
  const where: string[] = [];
  const params: Params = {};
  if (page.after !== undefined) {
    // Named after*: `end` is a keyword to Kùzu, even as a parameter name.
    where.push(
      '(r.id > $afterId OR (r.id = $afterId AND (a.id > $afterStart OR (a.id = $afterStart AND b.id > $afterEnd))))',
    );
    Object.assign(params, { afterId: page.after.id, afterStart: page.after.start, afterEnd: page.after.end });
  }
  if (page.ids !== undefined) {
    where.push('a.id IN $ids AND b.id IN $ids');
    params.ids = [...page.ids];
  }
  const rows = await connection.query(
    `MATCH (a)-[r:${quote(page.type)}]->(b) ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
     RETURN a.id AS a, label(a) AS al, b.id AS b, label(b) AS bl, r
     ORDER BY r.id, a.id, b.id LIMIT ${wholeLimit(page.limit)}`,
    params,
  );
  return rows.map((row) => {
    const startLabel = asString(row.al);
    const endLabel = asString(row.bl);
    const type = isObject(row.r) ? asString(row.r._label) : '';
    if (!isNodeLabel(startLabel) || !isNodeLabel(endLabel) || !isRelType(type)) {
      throw new Error(`Unexpected relationship ${type} between ${startLabel} and ${endLabel}`);
    }
    return {
      id: isObject(row.r) ? asString(row.r.id) : '',
      type,
      start: { id: asString(row.a), label: startLabel },
      end: { id: asString(row.b), label: endLabel },
      properties: storedProperties(row.r),
    };
  });
}
