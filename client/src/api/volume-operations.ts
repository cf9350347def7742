/** The read-volume rule's operations: where the user stands before a read, and bulk approvals by admins. */
import type * as Generated from './generated/graphql.ts';
import { operation } from './operations.ts';

export const READ_VOLUME = operation<Generated.ReadVolumeQuery, Generated.ReadVolumeQueryVariables>(/* GraphQL */ `
  query ReadVolume(
    $expandIds: [ID!]
    $depth: Int
    $relTypes: [String!]
    $limit: Int
    $perNodeLimit: Int
    $redFlagLimit: Int
    $redFlagRules: [String!]
  ) {
    readVolume(
      expandIds: $expandIds
      depth: $depth
      relTypes: $relTypes
      limit: $limit
      perNodeLimit: $perNodeLimit
      redFlagLimit: $redFlagLimit
      redFlagRules: $redFlagRules
    ) {
      distinctPersons
      alertAbove
      suspendAbove
      windowMinutes
      newPersons
    }
  }
`);

export const APPROVE_BULK_READ = operation<
  Generated.ApproveBulkReadMutation,
  Generated.ApproveBulkReadMutationVariables
>(/* GraphQL */ `
  mutation ApproveBulkRead($username: String!, $persons: Int!, $hours: Int!, $purpose: String!) {
    approveBulkRead(username: $username, persons: $persons, hours: $hours, purpose: $purpose) {
      user
      persons
      purpose
      approvedBy
      until
    }
  }
`);
