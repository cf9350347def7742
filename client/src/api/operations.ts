import type * as Generated from './generated/graphql.ts';
import type { Entity } from './types.ts';

/** A GraphQL document tagged with its result and variable types. */
export interface Operation<TData, TVariables> {
  readonly document: string;
  /** Never set: carries the types so `api.request` is checked end to end. */
  readonly types?: { data: TData; variables: TVariables };
}

export const operation = <TData, TVariables>(document: string): Operation<TData, TVariables> => ({ document });

const ENTITY_FIELDS = /* GraphQL */ `
  fragment EntityFields on Entity {
    id
    label
    name
    properties
    sources
  }
`;
const RELATIONSHIP_FIELDS = /* GraphQL */ `
  fragment RelationshipFields on Relationship {
    id
    type
    source
    target
    properties
    sources
  }
`;

export const LOGIN = operation<Generated.LoginMutation, Generated.LoginMutationVariables>(/* GraphQL */ `
  mutation Login($username: String!, $password: String!) {
    login(username: $username, password: $password) {
      token
      expiresAt
      user {
        username
        role
        informantClearance
        disabled
      }
    }
  }
`);

export const ME = operation<Generated.MeQuery, Generated.MeQueryVariables>(/* GraphQL */ `
  query Me {
    me {
      username
      role
      informantClearance
      disabled
    }
  }
`);

export const SEARCH = operation<Generated.SearchQuery, Generated.SearchQueryVariables>(/* GraphQL */ `
  query Search($query: String!, $limit: Int) {
    search(query: $query, limit: $limit) {
      score
      matched
      entity {
        ...EntityFields
      }
    }
  }
  ${ENTITY_FIELDS}
`);

export const ENTITY_BY_ID = operation<Generated.EntityQuery, Generated.EntityQueryVariables>(/* GraphQL */ `
  query Entity($id: ID!) {
    entity(id: $id) {
      ...EntityFields
    }
  }
  ${ENTITY_FIELDS}
`);

export type NeighbourhoodVariables = Generated.NeighbourhoodQueryVariables;

export const NEIGHBOURHOOD = operation<Generated.NeighbourhoodQuery, NeighbourhoodVariables>(/* GraphQL */ `
  query Neighbourhood($ids: [ID!]!, $depth: Int, $relTypes: [String!], $limit: Int, $perNodeLimit: Int) {
    neighbourhood(ids: $ids, depth: $depth, relTypes: $relTypes, limit: $limit, perNodeLimit: $perNodeLimit) {
      truncated
      nodes {
        ...EntityFields
      }
      relationships {
        ...RelationshipFields
      }
      omitted {
        id
        count
      }
    }
  }
  ${ENTITY_FIELDS}
  ${RELATIONSHIP_FIELDS}
`);

// Both path reads write out the path's fields rather than share a fragment: the server's depth
// limit counts a fragment spread as a level, and Connections would pass it.
export const PATHS = operation<Generated.PathsQuery, Generated.PathsQueryVariables>(/* GraphQL */ `
  query Paths($from: ID!, $to: ID!, $maxLength: Int, $limit: Int, $excludeLabels: [String!], $excludeTypes: [String!]) {
    paths(
      from: $from
      to: $to
      maxLength: $maxLength
      limit: $limit
      excludeLabels: $excludeLabels
      excludeTypes: $excludeTypes
    ) {
      length
      nodes {
        ...EntityFields
      }
      relationships {
        ...RelationshipFields
      }
    }
  }
  ${ENTITY_FIELDS}
  ${RELATIONSHIP_FIELDS}
`);

/** Shortest paths between every pair of `ids` (at most 8), `limit` per pair. */
export const CONNECTIONS = operation<Generated.ConnectionsQuery, Generated.ConnectionsQueryVariables>(/* GraphQL */ `
  query Connections($ids: [ID!]!, $maxLength: Int, $limit: Int, $excludeLabels: [String!], $excludeTypes: [String!]) {
    connections(
      ids: $ids
      maxLength: $maxLength
      limit: $limit
      excludeLabels: $excludeLabels
      excludeTypes: $excludeTypes
    ) {
      length
      nodes {
        ...EntityFields
      }
      relationships {
        ...RelationshipFields
      }
    }
  }
  ${ENTITY_FIELDS}
  ${RELATIONSHIP_FIELDS}
`);

/** Red flags in the order the server ranks them, and how fresh they are; `rules` null means every rule. */
export const RED_FLAGS = operation<Generated.RedFlagsQuery, Generated.RedFlagsQueryVariables>(/* GraphQL */ `
  query RedFlags($rules: [String!], $limit: Int) {
    redFlagStatus {
      computedAt
      stale
    }
    redFlags(rules: $rules, limit: $limit) {
      rule
      severity
      summary
      firstDate
      lastDate
      nodes {
        ...EntityFields
      }
      relationships {
        ...RelationshipFields
      }
    }
  }
  ${ENTITY_FIELDS}
  ${RELATIONSHIP_FIELDS}
`);

/** Admin only: insider-lookup alerts, newest first. */
export const ALERTS = operation<Generated.AlertsQuery, Generated.AlertsQueryVariables>(/* GraphQL */ `
  query Alerts($limit: Int) {
    alerts(limit: $limit) {
      id
      at
      kind
      user
      summary
      entityIds
      userSuspended
    }
  }
`);

/** Admin only: lifts a suspension; true when the user was suspended. */
export const CLEAR_SUSPENSION = operation<
  Generated.ClearSuspensionMutation,
  Generated.ClearSuspensionMutationVariables
>(/* GraphQL */ `
  mutation ClearSuspension($username: String!) {
    clearSuspension(username: $username)
  }
`);

/**
 * Several entities in one round trip (e.g. the Document sources of an entity). The API has no
 * batch field, so the query aliases `entity` once per id; ids still travel as variables.
 */
export function entitiesById(ids: readonly string[]): {
  operation: Operation<Record<string, Entity | null>, Record<string, string>>;
  variables: Record<string, string>;
  aliasOf: (index: number) => string;
} {
  const aliasOf = (index: number) => `e${index}`;
  const params = ids.map((_, i) => `$${aliasOf(i)}: ID!`).join(', ');
  const fields = ids.map((_, i) => `${aliasOf(i)}: entity(id: $${aliasOf(i)}) { ...EntityFields }`).join('\n');
  const variables = Object.fromEntries(ids.map((id, i) => [aliasOf(i), id]));
  return { operation: operation(`query Entities(${params}) {\n${fields}\n}${ENTITY_FIELDS}`), variables, aliasOf };
}
