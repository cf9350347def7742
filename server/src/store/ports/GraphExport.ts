/**
 * The export port: the graph read in pages, each value with the type it is stored as, so that
 * an export written from it loads back into the same values (a float stays a float, a 64-bit
 * integer keeps every digit, a Neo4j date stays a date).
 */
import type { NodeLabel, RelType } from '../../model/index.ts';
import type { ReadScope, TxMeta } from './read-scope.ts';

export type TemporalFunction = 'date' | 'datetime' | 'localdatetime' | 'time' | 'localtime' | 'duration';

/** A Neo4j temporal value: the Cypher function that builds it, and its ISO text. */
interface TemporalValue {
  readonly temporal: TemporalFunction;
  readonly iso: string;
}

/** A stored value with its type: a `number` is a float, a `bigint` an integer. */
export type StoredValue = string | boolean | number | bigint | TemporalValue | readonly StoredValue[];

export type StoredProperties = Readonly<Record<string, StoredValue>>;

export interface ExportNode {
  readonly id: string;
  readonly label: NodeLabel;
  /** Every stored property but `id`; absent values are left out. */
  readonly properties: StoredProperties;
}

interface ExportEnd {
  readonly id: string;
  readonly label: NodeLabel;
}

export interface ExportRelationship {
  readonly id: string;
  readonly type: RelType;
  readonly start: ExportEnd;
  readonly end: ExportEnd;
  /** Every stored property but `id`. */
  readonly properties: StoredProperties;
}

/** The nodes of one label ordered by id, after `after`; only those in `ids` when given. */
export interface NodePage {
  readonly label: NodeLabel;
  readonly after?: string;
  readonly limit: number;
  readonly ids?: readonly string[];
}

/** Where a relationship page resumes: relationship ids need not be unique, so the ends break ties. */
interface RelationshipKey {
  readonly id: string;
  readonly start: string;
  readonly end: string;
}

/** The relationships of one type ordered by (id, start id, end id); only between `ids` when given. */
export interface RelationshipPage {
  readonly type: RelType;
  readonly after?: RelationshipKey;
  readonly limit: number;
  readonly ids?: readonly string[];
}

export interface GraphExport {
  exportNodes(page: NodePage, meta: TxMeta): Promise<ExportNode[]>;
  /** Nothing for a type the scope hides. */
  exportRelationships(page: RelationshipPage, scope: ReadScope, meta: TxMeta): Promise<ExportRelationship[]>;
}
