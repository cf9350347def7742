import type { StoredAlert } from '../store/SharedStateStore.ts';

export type AlertKind = 'CANARY_READ' | 'VOLUME' | 'SESSION_SUSPENDED' | 'IDENTITY_LEAK_BLOCKED';

/**
 * Something an admin should look at: a likely insider lookup (`kind` is an
 * AlertKind). Kept in the shared state, so every server lists the same alerts,
 * and written into the request's audit record (details.alerts), which is the
 * durable, tamper-evident copy.
 */
export type Alert = StoredAlert;
