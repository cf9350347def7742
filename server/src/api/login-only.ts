import { Kind, getOperationAST, parse, type DocumentNode } from 'graphql';

/**
 * Whether a GraphQL request body does nothing but call `login`. Anonymous requests
 * must pass this before Apollo sees them, so that without a token nothing else
 * answers: no data, no `__typename`, no introspection, no validation hints.
 */
export function isLoginOnly(body: unknown): boolean {
  if (typeof body !== 'object' || body === null) return false;
  const { query, operationName } = body as { query?: unknown; operationName?: unknown };
  if (typeof query !== 'string' || query.length > 10_000) return false;
  if (operationName !== undefined && operationName !== null && typeof operationName !== 'string') return false;
  let document: DocumentNode;
  try {
    document = parse(query, { maxTokens: 200 });
  } catch {
    return false;
  }
  if (document.definitions.length !== 1) return false;
  const operation = getOperationAST(document, operationName ?? undefined);
  if (!operation || operation.operation !== 'mutation') return false;
  const selections = operation.selectionSet.selections;
  return (
    selections.length > 0 &&
    selections.every((s) => s.kind === Kind.FIELD && s.name.value === 'login' && (s.directives ?? []).length === 0)
  );
}
