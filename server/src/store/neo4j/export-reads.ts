/**
 * The export's pages on Neo4j. Values are read through runTyped and converted here, not by run() (which
 * turns integers into JS numbers and temporals into strings for the explorer): an export
 * must keep a 64-bit integer's digits, a float apart from an integer, and a date a date.
 */
import { isDate, isDateTime, isDuration, isInt, isLocalDateTime, isLocalTime, isTime } from 'neo4j-driver';
import { NODE_LABELS, isNodeLabel, isRelType } from '../../model/index.ts';
import type {
  ExportNode,
  ExportRelationship,
  NodePage,
  RelationshipPage,
  StoredProperties,
  StoredValue,
  TemporalFunction,
} from '../ports/GraphExport.ts';
import type { ReadScope, TxMeta } from '../ports/read-scope.ts';
import { exportNodesOf, exportRelationshipsOf } from './export-queries.ts';
import type { CypherQuery } from './query.ts';
import { runTyped, type Runner } from './runner.ts';

function temporalFunction(value: unknown): TemporalFunction | undefined {
  if (isDate(value)) return 'date';
  if (isDateTime(value)) return 'datetime';
  if (isLocalDateTime(value)) return 'localdatetime';
  if (isTime(value)) return 'time';
  if (isLocalTime(value)) return 'localtime';
  if (isDuration(value)) return 'duration';
  return undefined;
}

function storedValue(value: unknown): StoredValue | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string' || typeof value === 'boolean' || typeof value === 'number') return value;
  if (isInt(value)) return BigInt(value.toString());
  const temporal = temporalFunction(value);
  if (temporal !== undefined) return { temporal, iso: String(value) };
  if (Array.isArray(value)) return value.flatMap((item: unknown) => storedValue(item) ?? []);
  throw new Error('A stored value of an unexpected kind (a point?) cannot be exported');
}

function storedProperties(value: unknown): StoredProperties {
  const properties: Record<string, StoredValue> = {};
  if (typeof value !== 'object' || value === null) return properties;
  for (const [key, v] of Object.entries(value)) {
    if (key === 'id') continue;
    const stored = storedValue(v);
    if (stored !== undefined) properties[key] = stored;
  }
  return properties;
}

async function rows<P extends string>(
  runner: Runner,
  meta: TxMeta,
  query: CypherQuery<P>,
  params: Record<P, unknown>,
): Promise<Array<(key: string) => unknown>> {
  const found = await runner.read(meta, (tx) => runTyped(tx, query, params));
  return found.map((row) => (key: string) => row[key]);
}

const asString = (value: unknown): string => (typeof value === 'string' ? value : '');

export async function exportNodes(runner: Runner, page: NodePage, meta: TxMeta): Promise<ExportNode[]> {
  if (page.ids?.length === 0) return [];
  const found = await rows(runner, meta, exportNodesOf(page.label), {
    after: page.after ?? null,
    ids: page.ids ?? null,
    limit: Math.max(0, Math.floor(page.limit)),
  });
  return found.map((get) => ({
    id: asString(get('id')),
    label: page.label,
    properties: storedProperties(get('properties')),
  }));
}

export async function exportRelationships(
  runner: Runner,
  page: RelationshipPage,
  scope: ReadScope,
  meta: TxMeta,
): Promise<ExportRelationship[]> {
  if (scope.hiddenRelTypes.includes(page.type) || page.ids?.length === 0) return [];
  const found = await rows(runner, meta, exportRelationshipsOf(page.type), {
    afterId: page.after?.id ?? null,
    afterStart: page.after?.start ?? null,
    afterEnd: page.after?.end ?? null,
    ids: page.ids ?? null,
    labels: [...NODE_LABELS],
    limit: Math.max(0, Math.floor(page.limit)),
  });
  return found.map((get) => {
    const startLabel = asString(get('startLabel'));
    const endLabel = asString(get('endLabel'));
    if (!isNodeLabel(startLabel) || !isNodeLabel(endLabel) || !isRelType(page.type)) {
      throw new Error(`Unexpected ${page.type} relationship between ${startLabel} and ${endLabel}`);
    }
    return {
      id: asString(get('id')),
      type: page.type,
      start: { id: asString(get('start')), label: startLabel },
      end: { id: asString(get('end')), label: endLabel },
      properties: storedProperties(get('properties')),
    };
  });
}
