/**
 * Names for the shapes the client reads, each taken from the operation types generated from
 * the server's SDL (generated/graphql.ts, `npm run codegen`): they cannot drift from the schema.
 */
import type * as Generated from './generated/graphql.ts';

export type Entity = Generated.EntityFieldsFragment;
export type Relationship = Generated.RelationshipFieldsFragment;
export type Subgraph = Generated.NeighbourhoodQuery['neighbourhood'];
export type OmittedCount = Subgraph['omitted'][number];
export type Path = Generated.PathsQuery['paths'][number];
export type SearchResult = Generated.SearchQuery['search'][number];
export type User = Generated.MeQuery['me'];
export type AuthPayload = Generated.LoginMutation['login'];
/** A pattern of MODEL.md found in the data, with its evidence (server/src/redflags). */
export type RedFlag = Generated.RedFlagsQuery['redFlags'][number];
/** When the server's red flags were computed, and whether a write may be missing from them. */
export type RedFlagFreshness = Generated.RedFlagsQuery['redFlagStatus'];
/** An insider-lookup alert (server/src/security/alerts.ts); admins only. */
export type Alert = Generated.AlertsQuery['alerts'][number];
