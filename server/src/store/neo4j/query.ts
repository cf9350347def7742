/**
 * A Cypher text together with the parameters it expects. Every query the Neo4j
 * adapter sends is one of these, so the offline lint can enumerate them all and
 * check that the declared parameters are exactly the ones the text uses.
 */
import { isNodeLabel, isRelType } from '../../model/index.ts';
import { CASE_STORAGE_NAMES } from '../CaseFileStore.ts';

export interface CypherQuery<P extends string = string> {
  /** Stable name, used in logs and lint reports. */
  readonly name: string;
  readonly text: string;
  readonly params: readonly P[];
}

export function cypher<P extends string>({ name, params, text }: CypherQuery<P>): CypherQuery<P> {
  return { name, params, text: text.trim() };
}

const IDENTIFIER = /^[A-Za-z][A-Za-z0-9_]*$/;

/**
 * A label or relationship type about to be written into Cypher text. Only names from
 * the model (or the adapter's own bookkeeping labels) get here; the check makes sure a
 * string from anywhere else can never become syntax.
 */
export function schemaName(name: string): string {
  const known = isNodeLabel(name) || isRelType(name) || BOOKKEEPING_LABELS.includes(name);
  if (!known || !IDENTIFIER.test(name)) throw new Error(`Not a model label or relationship type: ${name}`);
  return name;
}

/** Labels the adapter keeps for itself; no explorer query ever matches them. */
export const USER_LABEL = 'MaillonUser';
export const AUDIT_LABEL = 'MaillonAudit';
export const CASE_LABELS = CASE_STORAGE_NAMES;
/** What several app servers share (SharedStateStore), keyed by the property named here. */
export const SHARED_STATE_KEYS = {
  MaillonAuditHead: 'key',
  MaillonReadWindow: 'user',
  MaillonPersonRead: 'key',
  MaillonSuspension: 'user',
  MaillonAlert: 'id',
  MaillonCounter: 'key',
  MaillonAttempt: 'key',
  MaillonAllowance: 'user',
} as const;
const BOOKKEEPING_LABELS: readonly string[] = [
  USER_LABEL,
  AUDIT_LABEL,
  ...Object.values(CASE_LABELS),
  ...Object.keys(SHARED_STATE_KEYS),
];
