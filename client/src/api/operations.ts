import type { Alert, AuthPayload, Entity, Path, RedFlag, SearchResult, Subgraph, User } from './types.ts';

/** A GraphQL document tagged with its result and variable types. */
export interface Operation<TData, TVariables> {
  readonly document: string;
  /** Never set: carries the types so `api.request` is checked end to end. */
  readonly types?: { data: TData; variables: TVariables };
}

const operation = <TData, TVariables>(document: string): Operation<TData, TVariables> => ({ document });

const ENTITY = 'id label name properties sources';
const RELATIONSHIP = 'id type source target properties sources';

export const LOGIN = operation<{ login: AuthPayload }, { username: string; password: string }>(
  `mutation Login($username: String!, $password: String!) {
    login(username: $username, password: $password) { token expiresAt user { username role informantClearance disabled } }
  }`,
);

export const ME = operation<{ me: User }, Record<string, never>>(
  `query Me { me { username role informantClearance disabled } }`,
);

export const SEARCH = operation<{ search: SearchResult[] }, { query: string; limit?: number }>(
  `query Search($query: String!, $limit: Int) { search(query: $query, limit: $limit) { score matched entity { ${ENTITY} } } }`,
);

export const ENTITY_BY_ID = operation<{ entity: Entity | null }, { id: string }>(
  `query Entity($id: ID!) { entity(id: $id) { ${ENTITY} } }`,
);

export interface NeighbourhoodVariables {
  ids: string[];
  depth?: number;
  relTypes?: string[] | null;
  limit?: number;
  perNodeLimit?: number;
}

export const NEIGHBOURHOOD = operation<{ neighbourhood: Subgraph }, NeighbourhoodVariables>(
  `query Neighbourhood($ids: [ID!]!, $depth: Int, $relTypes: [String!], $limit: Int, $perNodeLimit: Int) {
    neighbourhood(ids: $ids, depth: $depth, relTypes: $relTypes, limit: $limit, perNodeLimit: $perNodeLimit) {
      truncated nodes { ${ENTITY} } relationships { ${RELATIONSHIP} } omitted { id count }
    }
  }`,
);

export const PATHS = operation<{ paths: Path[] }, { from: string; to: string; maxLength?: number; limit?: number }>(
  `query Paths($from: ID!, $to: ID!, $maxLength: Int, $limit: Int) {
    paths(from: $from, to: $to, maxLength: $maxLength, limit: $limit) {
      length nodes { ${ENTITY} } relationships { ${RELATIONSHIP} }
    }
  }`,
);

/** Red flags in the order the server ranks them; `rules` null means every rule. */
export const RED_FLAGS = operation<{ redFlags: RedFlag[] }, { rules?: string[] | null; limit?: number }>(
  `query RedFlags($rules: [String!], $limit: Int) {
    redFlags(rules: $rules, limit: $limit) {
      rule severity summary firstDate lastDate nodes { ${ENTITY} } relationships { ${RELATIONSHIP} }
    }
  }`,
);

/** Admin only: insider-lookup alerts, newest first. */
export const ALERTS = operation<{ alerts: Alert[] }, { limit?: number }>(
  `query Alerts($limit: Int) { alerts(limit: $limit) { id at kind user summary entityIds userSuspended } }`,
);

/** Admin only: lifts a suspension; true when the user was suspended. */
export const CLEAR_SUSPENSION = operation<{ clearSuspension: boolean }, { username: string }>(
  `mutation ClearSuspension($username: String!) { clearSuspension(username: $username) }`,
);

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
  const fields = ids.map((_, i) => `${aliasOf(i)}: entity(id: $${aliasOf(i)}) { ${ENTITY} }`).join('\n');
  const variables = Object.fromEntries(ids.map((id, i) => [aliasOf(i), id]));
  return { operation: operation(`query Entities(${params}) {\n${fields}\n}`), variables, aliasOf };
}
