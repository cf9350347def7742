import { Kind, type DocumentNode, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';

/** Root field names of an operation, through top-level fragments, without duplicates. */
function rootFields(selectionSet: SelectionSetNode, document: DocumentNode | undefined, depth = 0): string[] {
  if (depth > 8) return [];
  const names: string[] = [];
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) names.push(selection.name.value);
    else if (selection.kind === Kind.INLINE_FRAGMENT)
      names.push(...rootFields(selection.selectionSet, document, depth + 1));
    else {
      const fragment = document?.definitions.find(
        (d) => d.kind === Kind.FRAGMENT_DEFINITION && d.name.value === selection.name.value,
      );
      if (fragment?.kind === Kind.FRAGMENT_DEFINITION)
        names.push(...rootFields(fragment.selectionSet, document, depth + 1));
    }
  }
  return [...new Set(names)];
}

/**
 * How the audit trail names an operation. The client picks the operation name,
 * so the root fields it really called are always recorded beside it:
 * "SearchPeople" for a named operation, "query{search,entity}" for an anonymous one.
 */
export function describeOperation(request: {
  readonly operation?: OperationDefinitionNode | undefined;
  readonly operationName?: string | null | undefined;
  readonly document?: DocumentNode | undefined;
}): { operation: string; kind?: string; fields?: string[] } {
  const { operation, document } = request;
  if (!operation) return { operation: request.operationName ?? '(not parsed)' };
  const fields = rootFields(operation.selectionSet, document);
  const name = operation.name?.value ?? `${operation.operation}{${fields.join(',')}}`;
  return { operation: name, kind: operation.operation, fields };
}
