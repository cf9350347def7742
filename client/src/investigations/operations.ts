/** GraphQL operations of investigations (server/src/api/investigations.graphql). */
import type { Operation } from '../api/operations.ts';

const operation = <TData, TVariables>(document: string): Operation<TData, TVariables> => ({ document });

export type Access = 'OWNER' | 'EDITOR' | 'READER';

export interface InvestigationSummary {
  readonly id: string;
  readonly name: string | null;
  readonly caseNumber: string | null;
  readonly access: Access | null;
  readonly members: ReadonlyArray<{ readonly username: string; readonly access: Access }>;
}

export interface CaseNote {
  readonly id: string;
  readonly targetId: string;
  readonly author: string;
  readonly at: string;
  readonly text: string;
}

export interface OpenInvestigation extends InvestigationSummary {
  readonly views: ReadonlyArray<{ readonly id: string; readonly name: string; readonly view: unknown }>;
  readonly notes: readonly CaseNote[];
}

export interface Told {
  readonly at: string;
  readonly entityId: string | null;
  readonly investigationId: string | null;
  readonly otherParty: string;
  readonly reason: string;
}

export interface HistoryEntry {
  readonly at: string;
  readonly user: string;
  readonly action: string;
  readonly sources: readonly string[];
  readonly grading: string;
  readonly approver: string | null;
}

export interface ChangeProposal {
  readonly id: string;
  readonly status: 'PENDING' | 'APPROVED' | 'REJECTED';
  readonly change: { readonly op: string; readonly id: string; readonly type?: string; readonly label?: string };
  readonly grading: string;
  readonly proposer: string;
}

const SUMMARY = 'id name caseNumber access members { username access }';

export const INVESTIGATIONS = operation<{ investigations: InvestigationSummary[] }, Record<string, never>>(
  `query Investigations { investigations { ${SUMMARY} } }`,
);

export const INVESTIGATION = operation<{ investigation: OpenInvestigation }, { id: string }>(
  `query Investigation($id: ID!) { investigation(id: $id) {
    ${SUMMARY} views { id name view } notes { id targetId author at text } } }`,
);

export const CREATE_INVESTIGATION = operation<
  { createInvestigation: InvestigationSummary },
  { name: string; caseNumber: string }
>(
  `mutation CreateInvestigation($name: String!, $caseNumber: String!) {
    createInvestigation(name: $name, caseNumber: $caseNumber) { ${SUMMARY} } }`,
);

export const SHARE_INVESTIGATION = operation<
  { shareInvestigation: InvestigationSummary },
  { id: string; username: string; access: Access }
>(
  `mutation ShareInvestigation($id: ID!, $username: String!, $access: Access!) {
    shareInvestigation(id: $id, username: $username, access: $access) { ${SUMMARY} } }`,
);

export const SAVE_VIEW = operation<
  { saveView: { id: string } },
  { investigationId: string; name: string; view: unknown }
>(
  `mutation SaveView($investigationId: ID!, $name: String!, $view: JSON!) {
    saveView(investigationId: $investigationId, name: $name, view: $view) { id } }`,
);

export const ADD_NOTE = operation<
  { addNote: { id: string } },
  { investigationId: string; targetId: string; text: string }
>(
  `mutation AddNote($investigationId: ID!, $targetId: ID!, $text: String!) {
    addNote(investigationId: $investigationId, targetId: $targetId, text: $text) { id } }`,
);

export const DECONFLICTIONS = operation<{ deconflictions: Told[]; mentions: Told[] }, Record<string, never>>(
  `query Deconflictions {
    deconflictions { at entityId investigationId otherParty reason }
    mentions { at entityId investigationId otherParty reason } }`,
);

export const PROPOSE_CHANGE = operation<
  { proposeChange: ChangeProposal },
  { change: unknown; sources: string[]; grading: string; documents?: unknown }
>(
  `mutation ProposeChange($change: JSON!, $sources: [ID!]!, $grading: String!, $documents: JSON) {
    proposeChange(change: $change, sources: $sources, grading: $grading, documents: $documents) {
      id status change grading proposer } }`,
);

export const PENDING_CHANGES = operation<{ pendingChanges: ChangeProposal[] }, Record<string, never>>(
  `query PendingChanges { pendingChanges { id status change grading proposer } }`,
);

export const REVIEW_CHANGE = operation<{ reviewChange: ChangeProposal }, { id: string; approve: boolean }>(
  `mutation ReviewChange($id: ID!, $approve: Boolean!) {
    reviewChange(id: $id, approve: $approve) { id status change grading proposer } }`,
);

export const HISTORY = operation<{ history: HistoryEntry[] }, { id: string }>(
  `query History($id: ID!) { history(id: $id) { at user action sources grading approver } }`,
);
