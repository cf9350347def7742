import type { GraphStore } from '../store/GraphStore.ts';

/** The part of the store port the audit trail needs; any GraphStore is one. */
export type AuditStore = Pick<GraphStore, 'appendAudit' | 'lastAudit' | 'queryAudit' | 'readAuditChain'>;
