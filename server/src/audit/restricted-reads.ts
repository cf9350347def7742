/**
 * Which requests may have touched restricted data (informant identities, or
 * anything reached only through them). The rule must not look at the data:
 * whether a cleared user's neighbourhood happened to cross an IDENTIFIES_AS
 * relationship is itself a fact about identities. So it looks only at who
 * asked and what: every request made under a scope that includes restricted
 * relationships touched them, unless each of its root fields is one whose
 * answer cannot depend on the graph. A new root field is restricted until it
 * is listed here.
 */

/** Root fields whose answers are the same whether or not any IDENTIFIES_AS relationship exists. */
const GRAPH_INDEPENDENT_FIELDS: ReadonlySet<string> = new Set([
  'login',
  'me',
  'users',
  'createUser',
  'updateUser',
  'disableUser',
  'clearSuspension',
  'proposeClearance',
  'approveClearance',
  'revokeClearance',
]);

/** True when a request by this viewer, calling these root fields, is restricted for uncleared readers. */
export function touchesRestricted(
  viewer: { readonly informantClearance: boolean } | undefined,
  rootFields: readonly string[],
): boolean {
  if (viewer?.informantClearance !== true) return false;
  return rootFields.some((field) => !GRAPH_INDEPENDENT_FIELDS.has(field));
}
