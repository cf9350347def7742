/** Reads by id, counts and scans over the explorer graph. */
import { NODE_LABELS, REL_TYPES, type NodeLabel, type RelType } from '../../model/index.ts';
import type { EntityRecord, RelationshipRecord } from '../../model/records.ts';
import type { RelationshipScan, StoreStats } from '../ports/GraphReads.ts';
import type { ReadScope } from '../ports/read-scope.ts';
import { labelAlternatives, quote, typeAlternatives } from './ddl.ts';
import type { KuzuConnection } from './KuzuConnection.ts';
import { toEntity, toRelationship } from './rows.ts';
import { SCAN_PAGE_SOURCES, scanInPages, type ScanPage } from './scan-pages.ts';
import { visibleTypes } from './visible.ts';

const asCount = (value: unknown): number => (typeof value === 'bigint' ? Number(value) : Number(value ?? 0));

/** Up to this many ids, a primary-key lookup per label and id beats one scan per label. */
const LOOKUP_ONE_BY_ONE = 8;

/**
 * Per label, since a multi-label pattern `(n:A:B {id: $x})` makes Kùzu scan every
 * table (measured 3 ms vs 50 ms on 600 k nodes) and UNION ALL cannot join node
 * values of different tables. A few ids are looked up by primary key, one query
 * each (about 1 ms); more ids take one `UNWIND` per label, which Kùzu answers
 * with a scan of the table (0.4–1 s for the Person table at 1 M people). The
 * store reads by label once its adjacency snapshot knows the labels; this is the
 * path before that.
 */
export async function getEntities(connection: KuzuConnection, ids: readonly string[]): Promise<EntityRecord[]> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  const byId = new Map<string, EntityRecord>();
  for (const label of NODE_LABELS) {
    const rows =
      unique.length <= LOOKUP_ONE_BY_ONE
        ? (
            await Promise.all(
              unique.map((id) => connection.query(`MATCH (n:${quote(label)} {id: $id}) RETURN n`, { id })),
            )
          ).flat()
        : await connection.query(`UNWIND $ids AS i MATCH (n:${quote(label)} {id: i}) RETURN n`, { ids: unique });
    for (const row of rows) {
      const entity = toEntity(row.n);
      byId.set(entity.id, entity);
    }
  }
  return unique.flatMap((id) => byId.get(id) ?? []);
}

export async function countNodes(connection: KuzuConnection): Promise<number> {
  const rows = await connection.query(`MATCH (n:${labelAlternatives(NODE_LABELS)}) RETURN count(n) AS c`);
  return asCount(rows[0]?.c);
}

/** Counts per label and per visible type, in model order; zero counts are left out. */
export async function stats(connection: KuzuConnection, scope: ReadScope): Promise<StoreStats> {
  const labelRows = await connection.query(
    `MATCH (n:${labelAlternatives(NODE_LABELS)}) RETURN label(n) AS name, count(*) AS c`,
  );
  const types = visibleTypes(scope);
  const typeRows =
    types.length === 0
      ? []
      : await connection.query(`MATCH ()-[r:${typeAlternatives(types)}]->() RETURN label(r) AS name, count(*) AS c`);
  const labelCounts = new Map(labelRows.map((row) => [row.name, asCount(row.c)]));
  const typeCounts = new Map(typeRows.map((row) => [row.name, asCount(row.c)]));
  return {
    byLabel: NODE_LABELS.flatMap((label: NodeLabel) => {
      const count = labelCounts.get(label) ?? 0;
      return count > 0 ? [{ label, count }] : [];
    }),
    byType: REL_TYPES.flatMap((type: RelType) => {
      const count = typeCounts.get(type) ?? 0;
      return count > 0 && types.includes(type) ? [{ type, count }] : [];
    }),
  };
}

/**
 * One page of a relationship scan (scan-pages.ts): the relationships of `scan.types` whose
 * source has a table offset in [fromOffset, fromOffset + SCAN_PAGE_SOURCES). Kùzu filters the
 * source scan on the offset before it extends, so a page reads its own sources only.
 */
export async function scanRelationshipPage(
  connection: KuzuConnection,
  scan: RelationshipScan,
  scope: ReadScope,
  fromOffset: number,
  pageSources = SCAN_PAGE_SOURCES,
): Promise<ScanPage> {
  const types = visibleTypes(scope, scan.types);
  if (types.length === 0 || scan.limit <= 0) return { relationships: [], nextOffset: undefined };
  const to = fromOffset + pageSources;
  const rows = await connection.query(
    `MATCH (a)-[r:${typeAlternatives(types)}]->(b) WHERE offset(id(a)) >= $from AND offset(id(a)) < $to
     RETURN a.id AS source, b.id AS target, r LIMIT $limit`,
    { from: fromOffset, to, limit: scan.limit },
  );
  const last = await connection.query('MATCH (n) RETURN max(offset(id(n))) AS last');
  const lastOffset = last[0]?.last;
  const more = typeof lastOffset === 'bigint' || typeof lastOffset === 'number' ? Number(lastOffset) >= to : false;
  return {
    relationships: rows.map((row) => toRelationship(row.r, { source: String(row.source), target: String(row.target) })),
    nextOffset: more ? to : undefined,
  };
}

/** Every relationship of `scan.types` up to its limit, page by page. */
export function scanRelationships(
  connection: KuzuConnection,
  scan: RelationshipScan,
  scope: ReadScope,
): Promise<{ relationships: RelationshipRecord[]; truncated: boolean }> {
  return scanInPages(scan.limit, (from, limit) => scanRelationshipPage(connection, { ...scan, limit }, scope, from));
}
