/**
 * The seam to the database, as one port per concern (store/ports/): graph reads, import, export,
 * users and audit. Domain code depends on the narrowest port it needs; each adapter (store/kuzu,
 * store/neo4j) implements all of them, as GraphStore. Every method takes and returns plain,
 * structured-clone-safe data so that an adapter can run in another process (the embedded store
 * does, behind a memory cap); the one stream, runImport's statements, crosses that boundary in
 * bounded batches.
 */
import type { AuditStore } from './ports/AuditStore.ts';
import type { GraphExport } from './ports/GraphExport.ts';
import type { GraphImport } from './ports/GraphImport.ts';
import type { GraphReads } from './ports/GraphReads.ts';
import type { UserStore } from './ports/UserStore.ts';

// No re-exports: records come from model/records.ts and each port's types from its own file,
// so that an import names the concern it depends on.

type StoreKind = 'kuzu' | 'neo4j';

/** The lifecycle every adapter has, whatever it stores. */
interface StoreLifecycle {
  readonly kind: StoreKind;
  /** Creates tables, constraints and indexes that are missing. Idempotent. */
  ensureSchema(): Promise<void>;
  /** Resolves when the database answers; rejects with a StoreUnavailableError otherwise. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** What an adapter implements: every port. Domain code asks for the narrow one it needs. */
export interface GraphStore extends StoreLifecycle, GraphReads, GraphImport, GraphExport, UserStore, AuditStore {}
