/**
 * The records the domain reads and writes: entities and relationships of the graph, users and
 * audit records. They belong to the model, so that domain code (red flags, the API) reads them
 * without depending on the store; the store port (store/GraphStore.ts) returns and takes them.
 */
import type { NodeLabel, RelType } from './schema.ts';

export interface EntityRecord {
  readonly id: string;
  readonly label: NodeLabel;
  readonly name: string;
  /** Every other stored property; absent values are left out, never null or "". */
  readonly properties: Readonly<Record<string, unknown>>;
  readonly sources: readonly string[];
}

export interface RelationshipRecord {
  readonly id: string;
  readonly type: RelType;
  /** id of the start node */
  readonly source: string;
  /** id of the end node */
  readonly target: string;
  readonly properties: Readonly<Record<string, unknown>>;
  readonly sources: readonly string[];
}

export type Role = 'VIEWER' | 'INVESTIGATOR' | 'ADMIN';

export interface UserRecord {
  readonly username: string;
  readonly passwordHash: string;
  readonly role: Role;
  readonly informantClearance: boolean;
  readonly disabled: boolean;
  /** Bumped to revoke every token issued before (disable, password change). */
  readonly tokenVersion: number;
  readonly createdAt: string;
}

export interface AuditRecord {
  readonly seq: number;
  readonly at: string;
  readonly user: string;
  readonly role: string;
  readonly operation: string;
  readonly purpose: string;
  readonly entityIds: readonly string[];
  readonly outcome: string;
  readonly requestId: string;
  readonly clientAddress: string;
  /** Extra facts worth keeping (import file name and digest, cleared identity read, ...), as JSON. */
  readonly details: string;
  readonly prevHash: string;
  readonly hash: string;
}
