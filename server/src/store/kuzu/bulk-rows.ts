/**
 * Recognises the two statement shapes that make up batched import files (the
 * generator's, and any file written the same way) once translated for Kùzu
 * (translate.ts), with their rows as a parameter:
 *   UNWIND $rows AS row CREATE (:L {k: row.k, ...})
 *   UNWIND $rows AS row MATCH (a:L {id: row.a}), (b:M {id: row.b}) CREATE (a)-[:T {k: row.k, ...}]->(b)
 * and turns their rows into CSV lines for the table they fill, so that
 * bulk-copy.ts can load them with COPY FROM instead of a MATCH per row (Kùzu
 * 0.11.3 plans the MATCH by id as a scan of the node table per row: 18 s per
 * 1,000 rows among 50,000 people, measured). Anything else, or any value CSV
 * could not carry exactly, answers undefined and takes the general path.
 */
import crypto from 'node:crypto';
import type { KuzuValue } from 'kuzu';
import { REL_SPECS, isNodeLabel, isRelType } from '../../model/index.ts';
import { schemaTables } from './ddl.ts';

/** Where a batch's rows go: a node table, or one (FROM, TO) pair of a relationship table. */
export interface BulkTarget {
  readonly table: string;
  readonly relationship: boolean;
  readonly from?: string;
  readonly to?: string;
  /** A relationship's start and end labels (also when the table has one pair). */
  readonly ends?: readonly [string, string];
}

export interface BulkBatch {
  readonly target: BulkTarget;
  /** One CSV line per row, the table's columns in table order. */
  readonly lines: string[];
  /**
   * Per line, the node ids it names: a node row's own id; a relationship row's start
   * and end ids (bulk-copy.ts keeps the file's order with them when it defers a row).
   */
  readonly ids: string[][];
}

const IDENT = '`?([A-Za-z_][A-Za-z0-9_]*)`?';
const ROWS = String.raw`^\s*UNWIND\s+\$(\w+)\s+AS\s+${IDENT}\s+`;
const PROPS = String.raw`\{([^{}]*)\}`;
const NODE_RE = new RegExp(String.raw`${ROWS}CREATE\s*\(\s*(?:${IDENT})?\s*:\s*${IDENT}\s*${PROPS}\s*\)\s*;?\s*$`, 'i');
/** `(a:L {id: row.a})`, the row variable being group 2. */
const END = String.raw`\(\s*${IDENT}\s*:\s*${IDENT}\s*\{\s*\x60?id\x60?\s*:\s*\x60?\2\x60?\.${IDENT}\s*\}\s*\)`;
const REL_RE = new RegExp(
  String.raw`${ROWS}MATCH\s*${END}\s*(?:,|MATCH)\s*${END}\s*CREATE\s*\(\s*\x60?\3\x60?\s*\)\s*-\s*\[\s*(?:${IDENT})?\s*:\s*${IDENT}\s*(?:${PROPS})?\s*\]\s*->\s*\(\s*\x60?\6\x60?\s*\)\s*;?\s*$`,
  'i',
);
const PROP_RE = new RegExp(String.raw`^\s*${IDENT}\s*:\s*${IDENT}\.${IDENT}\s*$`);

const columnsOf = new Map(schemaTables().map((t) => [t.name, t.columns]));

/** `k: row.k, ...` -> column -> row key; undefined unless every value is a field of the row variable. */
function fieldMap(text: string | undefined, rowVar: string): Map<string, string> | undefined {
  const map = new Map<string, string>();
  if (text === undefined || text.trim() === '') return map;
  for (const item of text.split(',')) {
    const m = PROP_RE.exec(item);
    if (!m || m[2] !== rowVar) return undefined;
    map.set(m[1] as string, m[3] as string);
  }
  return map;
}

/** A CSV cell carrying exactly `value` into a column of `type`, or undefined when it cannot. */
function cell(value: KuzuValue | undefined, type: string): string | undefined {
  if (value === null || value === undefined) return '';
  const safe = (s: string): boolean => s !== '' && !/[\r\n\\]/.test(s);
  const quoted = (s: string): string => `"${s.replace(/"/g, '""')}"`;
  switch (type) {
    case 'STRING':
      return typeof value === 'string' && safe(value) ? quoted(value) : undefined;
    case 'DOUBLE':
      return typeof value === 'number' && Number.isFinite(value) ? String(value) : undefined;
    case 'BOOLEAN':
      return typeof value === 'boolean' ? String(value) : undefined;
    case 'STRING[]': {
      if (!Array.isArray(value) || value.length === 0) return undefined;
      // Kùzu reads a list cell's elements unquoted (quotes stay in the value): no separators, no edge spaces.
      const plain = (v: unknown): v is string => typeof v === 'string' && safe(v) && !/[,[\]{}'"]|^\s|\s$/.test(v);
      const items = value.map((v) => (plain(v) ? v : undefined));
      return items.every((i) => i !== undefined) ? quoted(`[${items.join(',')}]`) : undefined;
    }
    default:
      return undefined;
  }
}

/**
 * One line per row: `lead` (a relationship's endpoint ids) then every column in
 * table order, from the row key `fields` maps it to, else empty (NULL); a
 * relationship with no id gets one, as the table's default would give it.
 */
function lines(input: {
  rows: readonly KuzuValue[];
  columns: ReadonlyArray<readonly [string, string]>;
  fields: Map<string, string>;
  lead: (row: Record<string, KuzuValue>) => string[] | undefined;
  relationship: boolean;
  ids: (row: Record<string, KuzuValue>) => string[];
}): Pick<BulkBatch, 'lines' | 'ids'> | undefined {
  const out: string[] = [];
  const ids: string[][] = [];
  for (const raw of input.rows) {
    if (raw === null || typeof raw !== 'object' || Array.isArray(raw) || raw instanceof Date) return undefined;
    const row = raw as Record<string, KuzuValue>;
    const cells = input.lead(row);
    if (cells === undefined) return undefined;
    for (const [column, type] of input.columns) {
      const key = input.fields.get(column);
      const value = key !== undefined ? row[key] : input.relationship && column === 'id' ? crypto.randomUUID() : null;
      const text = cell(value, type);
      if (text === undefined) return undefined;
      cells.push(text);
    }
    out.push(cells.join(','));
    ids.push(input.ids(row));
  }
  return { lines: out, ids };
}

/** The batch `cypher` (translated, rows in `params`) loads, or undefined for the general path. */
export function bulkBatchOf(cypher: string, params: Record<string, KuzuValue>): BulkBatch | undefined {
  if (Object.keys(params).length !== 1) return undefined;
  const node = NODE_RE.exec(cypher);
  if (node) return nodeBatch(node, params);
  const rel = REL_RE.exec(cypher);
  return rel ? relBatch(rel, params) : undefined;
}

function nodeBatch(m: RegExpExecArray, params: Record<string, KuzuValue>): BulkBatch | undefined {
  const [, param, rowVar, , label, props] = m as unknown as string[];
  const rows = params[param as string];
  const columns = columnsOf.get(label as string);
  const fields = fieldMap(props, rowVar as string);
  if (!isNodeLabel(label as string) || !Array.isArray(rows) || !columns || !fields?.has('id')) return undefined;
  for (const column of fields.keys()) if (!columns.some(([c]) => c === column)) return undefined;
  const idKey = fields.get('id') as string;
  const out = lines({ rows, columns, fields, lead: () => [], relationship: false, ids: (row) => [String(row[idKey])] });
  return out && { target: { table: label as string, relationship: false }, ...out };
}

function relBatch(m: RegExpExecArray, params: Record<string, KuzuValue>): BulkBatch | undefined {
  const [, param, rowVar, , fromLabel, fromKey, , toLabel, toKey, , type, props] = m as unknown as string[];
  const rows = params[param as string];
  const columns = columnsOf.get(type as string);
  const fields = fieldMap(props, rowVar as string);
  if (!isRelType(type as string) || !Array.isArray(rows) || !columns || !fields) return undefined;
  const spec = REL_SPECS[type as keyof typeof REL_SPECS];
  if (!spec.endpoints.some(([f, t]) => f === fromLabel && t === toLabel)) return undefined;
  for (const column of fields.keys()) if (!columns.some(([c]) => c === column)) return undefined;
  const ends = (row: Record<string, KuzuValue>): string[] | undefined => {
    const [a, b] = [cell(row[fromKey as string], 'STRING'), cell(row[toKey as string], 'STRING')];
    return a && b ? [a, b] : undefined;
  };
  const endIds = (row: Record<string, KuzuValue>): string[] => [
    String(row[fromKey as string]),
    String(row[toKey as string]),
  ];
  const out = lines({ rows, columns, fields, lead: ends, relationship: true, ids: endIds });
  const pair = spec.endpoints.length > 1 ? { from: fromLabel as string, to: toLabel as string } : {};
  const target = {
    table: type as string,
    relationship: true,
    ends: [fromLabel as string, toLabel as string] as const,
    ...pair,
  };
  return out && { target, ...out };
}
