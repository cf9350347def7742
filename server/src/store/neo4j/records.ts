/**
 * Rows from the queries in queries.ts, turned into the port's records. Absent
 * values stay absent: Neo4j never stores null properties, and nothing here adds them.
 */
import { isNodeLabel, isRelType, type NodeLabel } from '../../model/index.ts';
import type { AuditRecord, EntityRecord, RelationshipRecord, Role, UserRecord } from '../../model/records.ts';
import { asNumber, asRecord, asString, asStrings } from './values.ts';

/** Every field of a stored user/audit node; `Record<keyof ...>` makes the compiler keep the lists complete. */
const USER_FIELDS: Record<keyof UserRecord, true> = {
  username: true,
  passwordHash: true,
  role: true,
  informantClearance: true,
  disabled: true,
  tokenVersion: true,
  createdAt: true,
};
const AUDIT_FIELDS: Record<keyof AuditRecord, true> = {
  seq: true,
  at: true,
  user: true,
  role: true,
  operation: true,
  purpose: true,
  entityIds: true,
  outcome: true,
  requestId: true,
  clientAddress: true,
  details: true,
  prevHash: true,
  hash: true,
};
export const USER_KEYS = Object.keys(USER_FIELDS);
export const AUDIT_KEYS = Object.keys(AUDIT_FIELDS);

function without(props: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(props).filter(([k, v]) => !keys.includes(k) && v !== null));
}

export function entityFrom(label: NodeLabel, rawProps: unknown): EntityRecord {
  const props = asRecord(rawProps);
  const id = asString(props.id);
  return {
    id,
    label,
    name: asString(props.name, id),
    properties: without(props, ['id', 'name', 'sources']),
    sources: asStrings(props.sources),
  };
}

/** The node's model label; undefined for a node that carries none (never returned). */
export function modelLabel(labels: unknown): NodeLabel | undefined {
  return asStrings(labels).find(isNodeLabel);
}

export function relationshipFrom(raw: unknown): RelationshipRecord | undefined {
  const row = asRecord(raw);
  const type = asString(row.type);
  if (!isRelType(type)) return undefined;
  const props = asRecord(row.props);
  return {
    id: asString(row.id),
    type,
    source: asString(row.source),
    target: asString(row.target),
    properties: without(props, ['id', 'sources']),
    sources: asStrings(props.sources),
  };
}

const ROLES: readonly Role[] = ['VIEWER', 'INVESTIGATOR', 'ADMIN'];

export function userFrom(raw: unknown): UserRecord {
  const p = asRecord(raw);
  const role = ROLES.find((r) => r === p.role) ?? 'VIEWER';
  return {
    username: asString(p.username),
    passwordHash: asString(p.passwordHash),
    role,
    informantClearance: p.informantClearance === true,
    disabled: p.disabled === true,
    tokenVersion: asNumber(p.tokenVersion),
    createdAt: asString(p.createdAt),
  };
}

export function auditFrom(raw: unknown): AuditRecord {
  const p = asRecord(raw);
  return {
    seq: asNumber(p.seq),
    at: asString(p.at),
    user: asString(p.user),
    role: asString(p.role),
    operation: asString(p.operation),
    purpose: asString(p.purpose),
    entityIds: asStrings(p.entityIds),
    outcome: asString(p.outcome),
    requestId: asString(p.requestId),
    clientAddress: asString(p.clientAddress),
    details: asString(p.details),
    prevHash: asString(p.prevHash),
    hash: asString(p.hash),
  };
}
