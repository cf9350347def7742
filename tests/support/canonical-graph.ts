/**
 * A canonical listing of the model graph a store holds, read from the database itself (Kùzu's
 * files, Neo4j over Bolt), not through the adapter under test: one sorted line per node (label,
 * id, every property with its type and value) and per relationship (type, ends, id, properties).
 * Two stores hold the same graph exactly when their listings are equal.
 *
 * Types are the model's: it has one number type (Kùzu stores every number as DOUBLE, Neo4j keeps
 * integers and floats apart), so a number is tagged `number` with its value; a Neo4j temporal
 * value is tagged with its temporal type and never equals the ISO string Kùzu stores. Absent and
 * null are one thing (Neo4j cannot store null). A relationship id the store generated (a UUID,
 * given when the file names none) is listed as `<generated>`: ids drawn at random cannot agree.
 */
import fs from 'node:fs';
import path from 'node:path';
import kuzu from 'kuzu';
import neo4j from 'neo4j-driver';
import { NODE_LABELS, REL_TYPES } from '../../server/src/model/index.ts';
import { HIDDEN_NODE_COLUMNS } from '../../server/src/store/kuzu/ddl.ts';
import type { Neo4jConnection } from './store-under-test.ts';

const GENERATED_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

export const canonicalRelId = (id: string): string => (GENERATED_ID.test(id) ? '<generated>' : id);

type Canonical = readonly [string, unknown];

function canonicalValue(value: unknown): Canonical | undefined {
  if (value === null || value === undefined) return undefined;
  if (neo4j.isInt(value)) return ['number', value.toNumber()];
  if (typeof value === 'number' || typeof value === 'bigint') return ['number', Number(value)];
  if (typeof value === 'string') return ['string', value];
  if (typeof value === 'boolean') return ['boolean', value];
  if (Array.isArray(value)) return ['list', value.map((v) => canonicalValue(v) ?? ['null', null])];
  if (value instanceof Date) return ['temporal:Date', value.toISOString()];
  const kind = (value as { constructor?: { name?: string } }).constructor?.name ?? 'object';
  return [`temporal:${kind}`, String(value)];
}

function canonicalProperties(properties: Record<string, unknown>): string {
  const entries = Object.entries(properties)
    .filter(([key]) => !key.startsWith('_') && !HIDDEN_NODE_COLUMNS.has(key))
    .map(([key, value]) => [key, canonicalValue(value)] as const)
    .filter(([, value]) => value !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify(entries);
}

const nodeLine = (label: string, properties: Record<string, unknown>): string =>
  `N ${label} ${String(properties.id)} ${canonicalProperties(properties)}`;

const relLine = (type: string, from: unknown, to: unknown, properties: Record<string, unknown>): string => {
  const { id, ...rest } = properties;
  return `R ${type} ${String(from)}->${String(to)} ${canonicalRelId(String(id))} ${canonicalProperties(rest)}`;
};

const byCodeUnit = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The listing of a Neo4j database's model graph (users and the audit trail are not part of it). */
export async function neo4jCanonicalGraph(c: Neo4jConnection): Promise<string[]> {
  const driver = neo4j.driver(c.uri, neo4j.auth.basic(c.user, c.password));
  try {
    const lines: string[] = [];
    const nodes = await driver.executeQuery(
      'MATCH (n) UNWIND labels(n) AS label WITH n, label WHERE label IN $labels RETURN label, properties(n) AS p',
      { labels: [...NODE_LABELS] },
      { database: c.database },
    );
    for (const r of nodes.records)
      lines.push(nodeLine(r.get('label') as string, r.get('p') as Record<string, unknown>));
    const rels = await driver.executeQuery(
      'MATCH (a)-[r]->(b) WHERE type(r) IN $types RETURN type(r) AS type, a.id AS a, b.id AS b, properties(r) AS p',
      { types: [...REL_TYPES] },
      { database: c.database },
    );
    for (const r of rels.records)
      lines.push(relLine(r.get('type') as string, r.get('a'), r.get('b'), r.get('p') as Record<string, unknown>));
    return lines.sort(byCodeUnit);
  } finally {
    await driver.close();
  }
}

/** The listing of the Kùzu database under `<dataDir>/kuzu`; the store must be closed first. */
export async function kuzuCanonicalGraph(dataDir: string): Promise<string[]> {
  const file = path.join(dataDir, 'kuzu');
  if (!fs.existsSync(file)) throw new Error(`no Kùzu database at ${file}`);
  const db = new kuzu.Database(file, 64 * 1024 * 1024, true, true);
  const conn = new kuzu.Connection(db);
  const rows = async (statement: string): Promise<Record<string, unknown>[]> => {
    const result = await conn.query(statement);
    return (Array.isArray(result) ? result[0] : result)?.getAllSync() ?? [];
  };
  try {
    const lines: string[] = [];
    for (const label of NODE_LABELS) {
      for (const row of await rows(`MATCH (n:\`${label}\`) RETURN n`))
        lines.push(nodeLine(label, row.n as Record<string, unknown>));
    }
    for (const type of REL_TYPES) {
      for (const row of await rows(`MATCH (a)-[r:\`${type}\`]->(b) RETURN a.id AS a, b.id AS b, r`))
        lines.push(relLine(type, row.a, row.b, row.r as Record<string, unknown>));
    }
    return lines.sort(byCodeUnit);
  } finally {
    await conn.close();
    await db.close();
  }
}

/** The first line where two listings part, or undefined when they are equal. */
export function firstDifference(
  reference: readonly string[],
  other: readonly string[],
): { index: number; neo4j: string; kuzu: string } | undefined {
  const length = Math.max(reference.length, other.length);
  for (let i = 0; i < length; i++) {
    if (reference[i] !== other[i]) return { index: i, neo4j: reference[i] ?? '<none>', kuzu: other[i] ?? '<none>' };
  }
  return undefined;
}
