// The audit trail's port is the store's audit port (store/ports/AuditStore.ts); any GraphStore is one.
export type { AuditStore } from '../store/ports/AuditStore.ts';
