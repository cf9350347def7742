/** Shapes returned by the GraphQL API (server/src/api/schema.graphql). */
export type JsonObject = Readonly<Record<string, unknown>>;

export interface Entity {
  readonly id: string;
  readonly label: string;
  readonly name: string;
  readonly properties: JsonObject;
  readonly sources: readonly string[];
}

export interface Relationship {
  readonly id: string;
  readonly type: string;
  readonly source: string;
  readonly target: string;
  readonly properties: JsonObject;
  readonly sources: readonly string[];
}

export interface OmittedCount {
  readonly id: string;
  readonly count: number;
}

export interface Subgraph {
  readonly nodes: readonly Entity[];
  readonly relationships: readonly Relationship[];
  readonly truncated: boolean;
  readonly omitted: readonly OmittedCount[];
}

export interface Path {
  readonly nodes: readonly Entity[];
  readonly relationships: readonly Relationship[];
  readonly length: number;
}

export interface SearchResult {
  readonly entity: Entity;
  readonly score: number;
  readonly matched: string | null;
}

export type Role = 'VIEWER' | 'INVESTIGATOR' | 'ADMIN';

export interface User {
  readonly username: string;
  readonly role: Role;
  readonly informantClearance: boolean;
  readonly disabled: boolean;
}

export interface AuthPayload {
  readonly token: string;
  readonly expiresAt: string;
  readonly user: User;
}

/** A pattern of MODEL.md found in the data, with its evidence (server/src/redflags). */
export interface RedFlag {
  readonly rule: string;
  readonly severity: string;
  readonly summary: string;
  readonly firstDate: string | null;
  readonly lastDate: string | null;
  readonly nodes: readonly Entity[];
  readonly relationships: readonly Relationship[];
}

/** An insider-lookup alert (server/src/security/alerts.ts); admins only. */
export interface Alert {
  readonly id: string;
  /** ISO datetime */
  readonly at: string;
  /** CANARY_READ, VOLUME, SESSION_SUSPENDED or IDENTITY_LEAK_BLOCKED */
  readonly kind: string;
  readonly user: string;
  readonly summary: string;
  readonly entityIds: readonly string[];
  /** Whether the alert's user is suspended now. */
  readonly userSuspended: boolean;
}
