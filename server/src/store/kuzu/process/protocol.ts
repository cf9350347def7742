/**
 * Messages between the API process and the child process that owns the Kùzu
 * database. Everything is structured-clone data (fork with serialization 'advanced').
 */
import type { CaseFileStore } from '../../CaseFileStore.ts';
import type { GraphStore } from '../../GraphStore.ts';
import type { ImportStatement } from '../../ports/GraphImport.ts';
import type { SharedStateStore } from '../../SharedStateStore.ts';

/** The ports' methods, minus what only the parent side has. */
export type StoreMethod =
  | Exclude<keyof GraphStore, 'kind'>
  | keyof CaseFileStore
  | keyof SharedStateStore
  /** A dry run's throw-away copy of the database files (dry-run.ts). */
  | 'copyDatabaseTo'
  /** One page of scanRelationships, each under the call deadline (scan-pages.ts). */
  | 'scanRelationshipPage';

export interface ChildOptions {
  readonly dataDir: string;
  readonly queryTimeoutMs?: number;
  readonly bufferPoolMb?: number;
  /** See KuzuStoreOptions.eagerSnapshot. */
  readonly eagerSnapshot?: boolean;
  /** See KuzuStoreOptions.lazySearchIndex. */
  readonly lazySearchIndex?: boolean;
}

export type ParentMessage = OneParentMessage | { readonly kind: 'batch'; readonly messages: OneParentMessage[] };

/** One message; several sent in one turn of the event loop travel as a batch (outbox.ts). */
export type OneParentMessage =
  | { readonly kind: 'open'; readonly options: ChildOptions }
  | {
      readonly kind: 'call';
      readonly id: number;
      readonly method: StoreMethod;
      readonly args: unknown[];
      readonly progress: boolean;
    }
  /** The next batch of a runImport call's statements, asked for with 'pull' (import-feed.ts). */
  | { readonly kind: 'statements'; readonly id: number; readonly batch: ImportStatement[]; readonly last: boolean }
  /** The statement source failed: the import must roll back. */
  | { readonly kind: 'statements-failed'; readonly id: number; readonly error: WireError }
  | { readonly kind: 'shutdown' };

/** An error flattened for the trip across the process boundary. */
export interface WireError {
  readonly name: string;
  readonly message: string;
  readonly code?: string;
  readonly extensions?: Record<string, unknown>;
  /** Other own fields of the error (e.g. which import statement failed). */
  readonly fields: Record<string, unknown>;
}

export type ChildMessage = OneChildMessage | { readonly kind: 'batch'; readonly messages: OneChildMessage[] };

export type OneChildMessage =
  /** Code loaded, database not opened yet: a warm standby. */
  | { readonly kind: 'loaded' }
  | { readonly kind: 'ready' }
  | { readonly kind: 'failed-to-open'; readonly error: WireError }
  | { readonly kind: 'progress'; readonly id: number; readonly done: number }
  /** A runImport call is ready for its next batch of statements. */
  | { readonly kind: 'pull'; readonly id: number }
  | { readonly kind: 'result'; readonly id: number; readonly value: unknown }
  | { readonly kind: 'error'; readonly id: number; readonly error: WireError }
  /** The database must be opened again by a fresh process: this one is about to stop (kuzu-child.ts). */
  | { readonly kind: 'reopening' };
