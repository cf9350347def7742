/** Kùzu values to the port's plain records. */
import type { KuzuValue } from 'kuzu';
import { isNodeLabel, isRelType } from '../../model/index.ts';
import type { AuditRecord, EntityRecord, RelationshipRecord, Role, UserRecord } from '../../model/records.ts';
import { HIDDEN_NODE_COLUMNS } from './ddl.ts';

type KuzuObject = { readonly [key: string]: KuzuValue };

export const isObject = (value: KuzuValue | undefined): value is KuzuObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);

const asString = (value: KuzuValue | undefined): string => (typeof value === 'string' ? value : '');
const asStrings = (value: KuzuValue | undefined): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
const asNumber = (value: KuzuValue | undefined): number =>
  typeof value === 'bigint' ? Number(value) : typeof value === 'number' ? value : 0;

/** Internal Kùzu fields (_id, _label, _src, _dst) and the keys the record carries separately. */
const isPlainProperty = (key: string, skip: ReadonlySet<string>): boolean => !key.startsWith('_') && !skip.has(key);

function propertiesOf(value: KuzuObject, skip: ReadonlySet<string>): Record<string, unknown> {
  const properties: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    // Absent values are left out: Kùzu reports every column of the table, null when unset.
    if (v === null || v === undefined || !isPlainProperty(key, skip)) continue;
    properties[key] = typeof v === 'bigint' ? Number(v) : v;
  }
  return properties;
}

const NODE_RECORD_KEYS: ReadonlySet<string> = new Set(['id', 'name', 'sources', ...HIDDEN_NODE_COLUMNS]);
const REL_RECORD_KEYS: ReadonlySet<string> = new Set(['id', 'sources']);

export function toEntity(value: KuzuValue | undefined): EntityRecord {
  if (!isObject(value)) throw new Error('Expected a Kùzu node value');
  const label = asString(value._label);
  if (!isNodeLabel(label)) throw new Error(`Unexpected node table ${label}`);
  return {
    id: asString(value.id),
    label,
    name: asString(value.name),
    properties: propertiesOf(value, NODE_RECORD_KEYS),
    sources: asStrings(value.sources),
  };
}

export function toRelationship(
  value: KuzuValue | undefined,
  ends: { source: string; target: string },
): RelationshipRecord {
  if (!isObject(value)) throw new Error('Expected a Kùzu relationship value');
  const type = asString(value._label);
  if (!isRelType(type)) throw new Error(`Unexpected relationship table ${type}`);
  return {
    id: asString(value.id),
    type,
    source: ends.source,
    target: ends.target,
    properties: propertiesOf(value, REL_RECORD_KEYS),
    sources: asStrings(value.sources),
  };
}

/** Kùzu internal ids ({ table, offset }) compared by value. */
export function sameInternalId(a: KuzuValue | undefined, b: KuzuValue | undefined): boolean {
  return isObject(a) && isObject(b) && a.table === b.table && a.offset === b.offset;
}

const ROLES: readonly Role[] = ['VIEWER', 'INVESTIGATOR', 'ADMIN'];
const asRole = (value: KuzuValue | undefined): Role => ROLES.find((role) => role === value) ?? 'VIEWER';

export function toUser(value: KuzuValue | undefined): UserRecord {
  if (!isObject(value)) throw new Error('Expected a user node');
  return {
    username: asString(value.username),
    passwordHash: asString(value.passwordHash),
    role: asRole(value.role),
    informantClearance: value.informantClearance === true,
    disabled: value.disabled === true,
    tokenVersion: asNumber(value.tokenVersion),
    createdAt: asString(value.createdAt),
  };
}

export function toAudit(value: KuzuValue | undefined): AuditRecord {
  if (!isObject(value)) throw new Error('Expected an audit node');
  return {
    seq: asNumber(value.seq),
    at: asString(value.at),
    user: asString(value.user),
    role: asString(value.role),
    operation: asString(value.operation),
    purpose: asString(value.purpose),
    entityIds: asStrings(value.entityIds),
    outcome: asString(value.outcome),
    requestId: asString(value.requestId),
    clientAddress: asString(value.clientAddress),
    details: asString(value.details),
    prevHash: asString(value.prevHash),
    hash: asString(value.hash),
  };
}
