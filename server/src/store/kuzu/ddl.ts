/**
 * Kùzu DDL derived from the model: one NODE TABLE per label, one REL TABLE per
 * relationship type with every allowed (FROM, TO) pair. Users and the audit trail
 * live in their own node tables, which are never labels of the model, so the
 * explorer's queries (which always name the model's labels) cannot reach them.
 */
import {
  NODE_LABELS,
  REL_SPECS,
  REL_TYPES,
  nodeProperties,
  relProperties,
  type NodeLabel,
  type PropertyType,
  type RelType,
} from '../../model/index.ts';
import { CASE_STORAGE_NAMES, CASE_TABLES } from '../CaseFileStore.ts';

/** Hidden, adapter-maintained columns on every node table (see store/search/fold.ts). */
const SEARCH_TEXT_COLUMN = 'searchText';
const SEARCH_SOURCE_COLUMN = 'searchSource';
export const HIDDEN_NODE_COLUMNS: ReadonlySet<string> = new Set([SEARCH_TEXT_COLUMN, SEARCH_SOURCE_COLUMN]);

export const USER_TABLE = 'MaillonUser';
export const AUDIT_TABLE = 'MaillonAudit';
export const SUSPENSION_TABLE = 'MaillonSuspension';

export const CASE_TABLE_NAMES = CASE_STORAGE_NAMES;

const KUZU_TYPES: Readonly<Record<PropertyType, string>> = {
  string: 'STRING',
  'string[]': 'STRING[]',
  number: 'DOUBLE',
  boolean: 'BOOLEAN',
  date: 'STRING',
};

export interface TableDefinition {
  readonly name: string;
  readonly kind: 'NODE' | 'REL';
  /** Column name to Kùzu type, primary key first for node tables. */
  readonly columns: ReadonlyArray<readonly [string, string]>;
  readonly create: string;
}

/** Backtick-quotes an identifier that comes from the model (never from user input). */
export const quote = (identifier: string): string => `\`${identifier}\``;

const columnList = (columns: ReadonlyArray<readonly [string, string]>): string =>
  columns.map(([name, type]) => `${quote(name)} ${type}`).join(', ');

function nodeTable(label: NodeLabel): TableDefinition {
  const columns: Array<readonly [string, string]> = Object.entries(nodeProperties(label)).map(
    ([name, spec]) => [name, KUZU_TYPES[spec.type]] as const,
  );
  columns.push([SEARCH_TEXT_COLUMN, 'STRING'], [SEARCH_SOURCE_COLUMN, 'STRING']);
  return {
    name: label,
    kind: 'NODE',
    columns,
    create: `CREATE NODE TABLE IF NOT EXISTS ${quote(label)}(${columnList(columns)}, PRIMARY KEY(id))`,
  };
}

/**
 * Relationships need a stable id (the port's key) and import files may leave it
 * out. A column default gives each new relationship its own UUID as it is
 * created; filling the ids afterwards with SET took 28 s for 20 k relationships
 * inside an import transaction.
 */
const relColumnList = (columns: ReadonlyArray<readonly [string, string]>): string =>
  columns
    .map(([name, type]) =>
      name === 'id' ? `${quote(name)} ${type} DEFAULT string(gen_random_uuid())` : `${quote(name)} ${type}`,
    )
    .join(', ');

function relTable(type: RelType): TableDefinition {
  const columns = Object.entries(relProperties(type)).map(([name, spec]) => [name, KUZU_TYPES[spec.type]] as const);
  const pairs = REL_SPECS[type].endpoints.map(([from, to]) => `FROM ${quote(from)} TO ${quote(to)}`).join(', ');
  return {
    name: type,
    kind: 'REL',
    columns,
    create: `CREATE REL TABLE IF NOT EXISTS ${quote(type)}(${pairs}, ${relColumnList(columns)})`,
  };
}

function plainNodeTable(name: string, columns: ReadonlyArray<readonly [string, string]>): TableDefinition {
  const key = columns[0]?.[0] ?? 'id';
  return {
    name,
    kind: 'NODE',
    columns,
    create: `CREATE NODE TABLE IF NOT EXISTS ${quote(name)}(${columnList(columns)}, PRIMARY KEY(${quote(key)}))`,
  };
}

export const USER_COLUMNS = [
  ['username', 'STRING'],
  ['passwordHash', 'STRING'],
  ['role', 'STRING'],
  ['informantClearance', 'BOOLEAN'],
  ['disabled', 'BOOLEAN'],
  ['tokenVersion', 'INT64'],
  ['createdAt', 'STRING'],
] as const;

export const AUDIT_COLUMNS = [
  ['seq', 'INT64'],
  ['at', 'STRING'],
  ['user', 'STRING'],
  ['role', 'STRING'],
  ['operation', 'STRING'],
  ['purpose', 'STRING'],
  ['entityIds', 'STRING[]'],
  ['outcome', 'STRING'],
  ['requestId', 'STRING'],
  ['clientAddress', 'STRING'],
  ['details', 'STRING'],
  ['prevHash', 'STRING'],
  ['hash', 'STRING'],
] as const;

const CASE_COLUMNS = [
  ['id', 'STRING'],
  ['owner', 'STRING'],
  ['lookupKeys', 'STRING[]'],
  ['at', 'STRING'],
  ['body', 'STRING'],
] as const;

const SUSPENSION_COLUMNS = [
  ['user', 'STRING'],
  ['at', 'STRING'],
  ['reason', 'STRING'],
  ['requestId', 'STRING'],
] as const;

/** Every table, node tables first (rel tables refer to them). */
export function schemaTables(): TableDefinition[] {
  return [
    ...NODE_LABELS.map(nodeTable),
    plainNodeTable(USER_TABLE, USER_COLUMNS),
    plainNodeTable(AUDIT_TABLE, AUDIT_COLUMNS),
    ...CASE_TABLES.map((table) => plainNodeTable(CASE_TABLE_NAMES[table], CASE_COLUMNS)),
    plainNodeTable(SUSPENSION_TABLE, SUSPENSION_COLUMNS),
    ...REL_TYPES.map(relTable),
  ];
}

/** `(n:Person:Organization...)`-style label alternatives, from the allow-list only. */
export const labelAlternatives = (labels: readonly NodeLabel[]): string => labels.map(quote).join(':');
/** `[r:PAID|MEMBER_OF...]`-style type alternatives, from the allow-list only. */
export const typeAlternatives = (types: readonly RelType[]): string => types.map(quote).join('|');
