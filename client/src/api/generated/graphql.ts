/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
export type Role =
  | 'ADMIN'
  | 'INVESTIGATOR'
  | 'VIEWER';

export type EntityFieldsFragment = { readonly id: string, readonly label: string, readonly name: string, readonly properties: { readonly [key: string]: unknown }, readonly sources: ReadonlyArray<string> };

export type RelationshipFieldsFragment = { readonly id: string, readonly type: string, readonly source: string, readonly target: string, readonly properties: { readonly [key: string]: unknown }, readonly sources: ReadonlyArray<string> };

export type LoginMutationVariables = Exact<{
  username: string;
  password: string;
}>;


export type LoginMutation = { readonly login: { readonly token: string, readonly expiresAt: string, readonly user: { readonly username: string, readonly role: Role, readonly informantClearance: boolean, readonly disabled: boolean } } };

export type MeQueryVariables = Exact<{ [key: string]: never; }>;


export type MeQuery = { readonly me: { readonly username: string, readonly role: Role, readonly informantClearance: boolean, readonly disabled: boolean } };

export type SearchQueryVariables = Exact<{
  query: string;
  limit?: number | null | undefined;
}>;


export type SearchQuery = { readonly search: ReadonlyArray<{ readonly score: number, readonly matched: string | null, readonly entity: { readonly id: string, readonly label: string, readonly name: string, readonly properties: { readonly [key: string]: unknown }, readonly sources: ReadonlyArray<string> } }> };

export type EntityQueryVariables = Exact<{
  id: string;
}>;


export type EntityQuery = { readonly entity: { readonly id: string, readonly label: string, readonly name: string, readonly properties: { readonly [key: string]: unknown }, readonly sources: ReadonlyArray<string> } | null };

export type NeighbourhoodQueryVariables = Exact<{
  ids: ReadonlyArray<string> | string;
  depth?: number | null | undefined;
  relTypes?: ReadonlyArray<string> | string | null | undefined;
  limit?: number | null | undefined;
  perNodeLimit?: number | null | undefined;
}>;


export type NeighbourhoodQuery = { readonly neighbourhood: { readonly truncated: boolean, readonly nodes: ReadonlyArray<{ readonly id: string, readonly label: string, readonly name: string, readonly properties: { readonly [key: string]: unknown }, readonly sources: ReadonlyArray<string> }>, readonly relationships: ReadonlyArray<{ readonly id: string, readonly type: string, readonly source: string, readonly target: string, readonly properties: { readonly [key: string]: unknown }, readonly sources: ReadonlyArray<string> }>, readonly omitted: ReadonlyArray<{ readonly id: string, readonly count: number }> } };

export type PathsQueryVariables = Exact<{
  from: string;
  to: string;
  maxLength?: number | null | undefined;
  limit?: number | null | undefined;
}>;


export type PathsQuery = { readonly paths: ReadonlyArray<{ readonly length: number, readonly nodes: ReadonlyArray<{ readonly id: string, readonly label: string, readonly name: string, readonly properties: { readonly [key: string]: unknown }, readonly sources: ReadonlyArray<string> }>, readonly relationships: ReadonlyArray<{ readonly id: string, readonly type: string, readonly source: string, readonly target: string, readonly properties: { readonly [key: string]: unknown }, readonly sources: ReadonlyArray<string> }> }> };

export type RedFlagsQueryVariables = Exact<{
  rules?: ReadonlyArray<string> | string | null | undefined;
  limit?: number | null | undefined;
}>;


export type RedFlagsQuery = { readonly redFlags: ReadonlyArray<{ readonly rule: string, readonly severity: string, readonly summary: string, readonly firstDate: string | null, readonly lastDate: string | null, readonly nodes: ReadonlyArray<{ readonly id: string, readonly label: string, readonly name: string, readonly properties: { readonly [key: string]: unknown }, readonly sources: ReadonlyArray<string> }>, readonly relationships: ReadonlyArray<{ readonly id: string, readonly type: string, readonly source: string, readonly target: string, readonly properties: { readonly [key: string]: unknown }, readonly sources: ReadonlyArray<string> }> }> };

export type AlertsQueryVariables = Exact<{
  limit?: number | null | undefined;
}>;


export type AlertsQuery = { readonly alerts: ReadonlyArray<{ readonly id: string, readonly at: string, readonly kind: string, readonly user: string, readonly summary: string, readonly entityIds: ReadonlyArray<string>, readonly userSuspended: boolean }> };

export type ClearSuspensionMutationVariables = Exact<{
  username: string;
}>;


export type ClearSuspensionMutation = { readonly clearSuspension: boolean };
