/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
export type Access =
  | 'EDITOR'
  | 'OWNER'
  | 'READER';

export type ChangeStatus =
  | 'APPROVED'
  | 'PENDING'
  | 'REJECTED';

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
  excludeLabels?: ReadonlyArray<string> | string | null | undefined;
  excludeTypes?: ReadonlyArray<string> | string | null | undefined;
}>;


export type PathsQuery = { readonly paths: ReadonlyArray<{ readonly length: number, readonly nodes: ReadonlyArray<{ readonly id: string, readonly label: string, readonly name: string, readonly properties: { readonly [key: string]: unknown }, readonly sources: ReadonlyArray<string> }>, readonly relationships: ReadonlyArray<{ readonly id: string, readonly type: string, readonly source: string, readonly target: string, readonly properties: { readonly [key: string]: unknown }, readonly sources: ReadonlyArray<string> }> }> };

export type ConnectionsQueryVariables = Exact<{
  ids: ReadonlyArray<string> | string;
  maxLength?: number | null | undefined;
  limit?: number | null | undefined;
  excludeLabels?: ReadonlyArray<string> | string | null | undefined;
  excludeTypes?: ReadonlyArray<string> | string | null | undefined;
}>;


export type ConnectionsQuery = { readonly connections: ReadonlyArray<{ readonly length: number, readonly nodes: ReadonlyArray<{ readonly id: string, readonly label: string, readonly name: string, readonly properties: { readonly [key: string]: unknown }, readonly sources: ReadonlyArray<string> }>, readonly relationships: ReadonlyArray<{ readonly id: string, readonly type: string, readonly source: string, readonly target: string, readonly properties: { readonly [key: string]: unknown }, readonly sources: ReadonlyArray<string> }> }> };

export type RedFlagsQueryVariables = Exact<{
  rules?: ReadonlyArray<string> | string | null | undefined;
  limit?: number | null | undefined;
}>;


export type RedFlagsQuery = { readonly redFlagStatus: { readonly computedAt: string | null, readonly stale: boolean }, readonly redFlags: ReadonlyArray<{ readonly rule: string, readonly severity: string, readonly summary: string, readonly firstDate: string | null, readonly lastDate: string | null, readonly nodes: ReadonlyArray<{ readonly id: string, readonly label: string, readonly name: string, readonly properties: { readonly [key: string]: unknown }, readonly sources: ReadonlyArray<string> }>, readonly relationships: ReadonlyArray<{ readonly id: string, readonly type: string, readonly source: string, readonly target: string, readonly properties: { readonly [key: string]: unknown }, readonly sources: ReadonlyArray<string> }> }> };

export type AlertsQueryVariables = Exact<{
  limit?: number | null | undefined;
}>;


export type AlertsQuery = { readonly alerts: ReadonlyArray<{ readonly id: string, readonly at: string, readonly kind: string, readonly user: string, readonly summary: string, readonly entityIds: ReadonlyArray<string>, readonly userSuspended: boolean }> };

export type ClearSuspensionMutationVariables = Exact<{
  username: string;
}>;


export type ClearSuspensionMutation = { readonly clearSuspension: boolean };

export type ReadVolumeQueryVariables = Exact<{
  expandIds?: ReadonlyArray<string> | string | null | undefined;
  depth?: number | null | undefined;
  relTypes?: ReadonlyArray<string> | string | null | undefined;
  limit?: number | null | undefined;
  perNodeLimit?: number | null | undefined;
  redFlagLimit?: number | null | undefined;
  redFlagRules?: ReadonlyArray<string> | string | null | undefined;
}>;


export type ReadVolumeQuery = { readonly readVolume: { readonly distinctPersons: number, readonly alertAbove: number, readonly suspendAbove: number, readonly windowMinutes: number, readonly newPersons: number } };

export type ApproveBulkReadMutationVariables = Exact<{
  username: string;
  persons: number;
  hours: number;
  purpose: string;
}>;


export type ApproveBulkReadMutation = { readonly approveBulkRead: { readonly user: string, readonly persons: number, readonly purpose: string, readonly approvedBy: string, readonly until: string } };

export type InvestigationSummaryFragment = { readonly id: string, readonly name: string | null, readonly caseNumber: string | null, readonly access: Access | null, readonly members: ReadonlyArray<{ readonly username: string, readonly access: Access }> };

export type ChangeProposalFieldsFragment = { readonly id: string, readonly status: ChangeStatus, readonly change: { readonly [key: string]: unknown }, readonly grading: string, readonly proposer: string };

export type InvestigationsQueryVariables = Exact<{ [key: string]: never; }>;


export type InvestigationsQuery = { readonly investigations: ReadonlyArray<{ readonly id: string, readonly name: string | null, readonly caseNumber: string | null, readonly access: Access | null, readonly members: ReadonlyArray<{ readonly username: string, readonly access: Access }> }> };

export type InvestigationQueryVariables = Exact<{
  id: string;
}>;


export type InvestigationQuery = { readonly investigation: { readonly id: string, readonly name: string | null, readonly caseNumber: string | null, readonly access: Access | null, readonly views: ReadonlyArray<{ readonly id: string, readonly name: string, readonly view: { readonly [key: string]: unknown } }>, readonly notes: ReadonlyArray<{ readonly id: string, readonly targetId: string, readonly author: string, readonly at: string, readonly text: string }>, readonly members: ReadonlyArray<{ readonly username: string, readonly access: Access }> } };

export type CreateInvestigationMutationVariables = Exact<{
  name: string;
  caseNumber: string;
}>;


export type CreateInvestigationMutation = { readonly createInvestigation: { readonly id: string, readonly name: string | null, readonly caseNumber: string | null, readonly access: Access | null, readonly members: ReadonlyArray<{ readonly username: string, readonly access: Access }> } };

export type ShareInvestigationMutationVariables = Exact<{
  id: string;
  username: string;
  access: Access;
}>;


export type ShareInvestigationMutation = { readonly shareInvestigation: { readonly id: string, readonly name: string | null, readonly caseNumber: string | null, readonly access: Access | null, readonly members: ReadonlyArray<{ readonly username: string, readonly access: Access }> } };

export type SaveViewMutationVariables = Exact<{
  investigationId: string;
  name: string;
  view: unknown;
}>;


export type SaveViewMutation = { readonly saveView: { readonly id: string } };

export type AddNoteMutationVariables = Exact<{
  investigationId: string;
  targetId: string;
  text: string;
}>;


export type AddNoteMutation = { readonly addNote: { readonly id: string } };

export type DeconflictionsQueryVariables = Exact<{ [key: string]: never; }>;


export type DeconflictionsQuery = { readonly deconflictions: ReadonlyArray<{ readonly at: string, readonly entityId: string | null, readonly investigationId: string | null, readonly otherParty: string, readonly reason: string }>, readonly mentions: ReadonlyArray<{ readonly at: string, readonly entityId: string | null, readonly investigationId: string | null, readonly otherParty: string, readonly reason: string }> };

export type ProposeChangeMutationVariables = Exact<{
  change: unknown;
  sources: ReadonlyArray<string> | string;
  grading: string;
  documents?: unknown;
}>;


export type ProposeChangeMutation = { readonly proposeChange: { readonly id: string, readonly status: ChangeStatus, readonly change: { readonly [key: string]: unknown }, readonly grading: string, readonly proposer: string } };

export type PendingChangesQueryVariables = Exact<{ [key: string]: never; }>;


export type PendingChangesQuery = { readonly pendingChanges: ReadonlyArray<{ readonly id: string, readonly status: ChangeStatus, readonly change: { readonly [key: string]: unknown }, readonly grading: string, readonly proposer: string }> };

export type ReviewChangeMutationVariables = Exact<{
  id: string;
  approve: boolean;
}>;


export type ReviewChangeMutation = { readonly reviewChange: { readonly id: string, readonly status: ChangeStatus, readonly change: { readonly [key: string]: unknown }, readonly grading: string, readonly proposer: string } };

export type HistoryQueryVariables = Exact<{
  id: string;
}>;


export type HistoryQuery = { readonly history: ReadonlyArray<{ readonly at: string, readonly user: string, readonly action: string, readonly sources: ReadonlyArray<string>, readonly grading: string, readonly approver: string | null }> };
