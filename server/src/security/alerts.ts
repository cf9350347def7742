import type { StoredAlert } from '../store/SharedStateStore.ts';

/**
 * Something an admin should look at: a likely insider lookup (`kind` is CANARY_READ, VOLUME,
 * SESSION_SUSPENDED or IDENTITY_LEAK_BLOCKED). Kept in the shared state, so every server lists the same alerts,
 * and written into the request's audit record (details.alerts), which is the
 * durable, tamper-evident copy.
 */
export type Alert = StoredAlert;
