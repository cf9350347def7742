/**
 * GraphQL operations of investigations (server/src/api/investigations.graphql). Their result and
 * variable types are generated from the schema (../api/generated/graphql.ts, `npm run codegen`).
 */
import type * as Generated from '../api/generated/graphql.ts';
import { operation } from '../api/operations.ts';

export type Access = Generated.Access;
export type InvestigationSummary = Generated.InvestigationSummaryFragment;
export type OpenInvestigation = Generated.InvestigationQuery['investigation'];
export type CaseNote = OpenInvestigation['notes'][number];
export type Told = Generated.DeconflictionsQuery['deconflictions'][number];
export type HistoryEntry = Generated.HistoryQuery['history'][number];
export type ChangeProposal = Generated.ChangeProposalFieldsFragment;

const SUMMARY_FIELDS = /* GraphQL */ `
  fragment InvestigationSummary on Investigation {
    id
    name
    caseNumber
    access
    members {
      username
      access
    }
  }
`;

const PROPOSAL_FIELDS = /* GraphQL */ `
  fragment ChangeProposalFields on ChangeProposal {
    id
    status
    change
    grading
    proposer
  }
`;

export const INVESTIGATIONS = operation<Generated.InvestigationsQuery, Generated.InvestigationsQueryVariables>(
  /* GraphQL */ `
    query Investigations {
      investigations {
        ...InvestigationSummary
      }
    }
    ${SUMMARY_FIELDS}
  `,
);

export const INVESTIGATION = operation<Generated.InvestigationQuery, Generated.InvestigationQueryVariables>(
  /* GraphQL */ `
    query Investigation($id: ID!) {
      investigation(id: $id) {
        ...InvestigationSummary
        views {
          id
          name
          view
        }
        notes {
          id
          targetId
          author
          at
          text
        }
      }
    }
    ${SUMMARY_FIELDS}
  `,
);

export const CREATE_INVESTIGATION = operation<
  Generated.CreateInvestigationMutation,
  Generated.CreateInvestigationMutationVariables
>(/* GraphQL */ `
  mutation CreateInvestigation($name: String!, $caseNumber: String!) {
    createInvestigation(name: $name, caseNumber: $caseNumber) {
      ...InvestigationSummary
    }
  }
  ${SUMMARY_FIELDS}
`);

export const SHARE_INVESTIGATION = operation<
  Generated.ShareInvestigationMutation,
  Generated.ShareInvestigationMutationVariables
>(/* GraphQL */ `
  mutation ShareInvestigation($id: ID!, $username: String!, $access: Access!) {
    shareInvestigation(id: $id, username: $username, access: $access) {
      ...InvestigationSummary
    }
  }
  ${SUMMARY_FIELDS}
`);

export const SAVE_VIEW = operation<Generated.SaveViewMutation, Generated.SaveViewMutationVariables>(/* GraphQL */ `
  mutation SaveView($investigationId: ID!, $name: String!, $view: JSON!) {
    saveView(investigationId: $investigationId, name: $name, view: $view) {
      id
    }
  }
`);

export const ADD_NOTE = operation<Generated.AddNoteMutation, Generated.AddNoteMutationVariables>(/* GraphQL */ `
  mutation AddNote($investigationId: ID!, $targetId: ID!, $text: String!) {
    addNote(investigationId: $investigationId, targetId: $targetId, text: $text) {
      id
    }
  }
`);

export const DECONFLICTIONS = operation<Generated.DeconflictionsQuery, Generated.DeconflictionsQueryVariables>(
  /* GraphQL */ `
    query Deconflictions {
      deconflictions {
        at
        entityId
        investigationId
        otherParty
        reason
      }
      mentions {
        at
        entityId
        investigationId
        otherParty
        reason
      }
    }
  `,
);

export const PROPOSE_CHANGE = operation<Generated.ProposeChangeMutation, Generated.ProposeChangeMutationVariables>(
  /* GraphQL */ `
    mutation ProposeChange($change: JSON!, $sources: [ID!]!, $grading: String!, $documents: JSON) {
      proposeChange(change: $change, sources: $sources, grading: $grading, documents: $documents) {
        ...ChangeProposalFields
      }
    }
    ${PROPOSAL_FIELDS}
  `,
);

export const PENDING_CHANGES = operation<Generated.PendingChangesQuery, Generated.PendingChangesQueryVariables>(
  /* GraphQL */ `
    query PendingChanges {
      pendingChanges {
        ...ChangeProposalFields
      }
    }
    ${PROPOSAL_FIELDS}
  `,
);

export const REVIEW_CHANGE = operation<Generated.ReviewChangeMutation, Generated.ReviewChangeMutationVariables>(
  /* GraphQL */ `
    mutation ReviewChange($id: ID!, $approve: Boolean!) {
      reviewChange(id: $id, approve: $approve) {
        ...ChangeProposalFields
      }
    }
    ${PROPOSAL_FIELDS}
  `,
);

export const HISTORY = operation<Generated.HistoryQuery, Generated.HistoryQueryVariables>(/* GraphQL */ `
  query History($id: ID!) {
    history(id: $id) {
      at
      user
      action
      sources
      grading
      approver
    }
  }
`);
